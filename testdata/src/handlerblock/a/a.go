// Package a holds handlers: every finding of handlerblock, and the good
// forms it stays silent on.
package a

import (
	"context"
	"crypto/tls"
	"database/sql"
	"net"
	"net/http"
	"net/smtp"
	"os/exec"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/jmoiron/sqlx"

	"handlerblock/b"
)

type API struct {
	db   *sql.DB
	dbx  *sqlx.DB
	repo *b.Repo
	hc   *http.Client
}

func (a *API) Sleep(w http.ResponseWriter, r *http.Request) {
	time.Sleep(time.Second) // want `time.Sleep in net/http handler \(\*API\).Sleep: it sleeps without watching the context, so a cancelled request keeps waiting and shutdown waits for it; use a select on ctx.Done\(\) and a time.Timer`
}

func (a *API) After(w http.ResponseWriter, r *http.Request) {
	<-time.After(time.Second) // want `<-time.After in net/http handler \(\*API\).After: it waits for a timer without watching the context`
	select {
	case <-time.After(time.Second): // want `<-time.After in net/http handler`
	case <-a.hc.Transport.(interface{ Done() <-chan struct{} }).Done():
	}
	// Good: the select also watches the request context.
	select {
	case <-time.After(time.Second):
	case <-r.Context().Done():
	}
}

func (a *API) HTTP(w http.ResponseWriter, r *http.Request) {
	_, _ = http.Get("http://x")                       // want `http.Get in net/http handler \(\*API\).HTTP: it sends a request that ignores the context`
	_, _ = http.Post("http://x", "text/plain", nil)   // want `http.Post in`
	_, _ = http.Head("http://x")                      // want `http.Head in`
	_, _ = http.PostForm("http://x", nil)             // want `http.PostForm in`
	_, _ = http.DefaultClient.Get("http://x")         // want `\(\*http.Client\).Get in`
	_, _ = a.hc.Post("http://x", "text/plain", nil)   // want `\(\*http.Client\).Post in`
	req, _ := http.NewRequest("GET", "http://x", nil) // want `http.NewRequest in net/http handler \(\*API\).HTTP: the request it builds reaches Do without a context`
	_, _ = a.hc.Do(req)

	// Good: a context attached before Do.
	req2, _ := http.NewRequest("GET", "http://x", nil)
	req2 = req2.WithContext(r.Context())
	_, _ = http.DefaultClient.Do(req2)
	req3, _ := http.NewRequestWithContext(r.Context(), "GET", "http://x", nil)
	_, _ = a.hc.Do(req3)

	// Bad: the WithContext copy is dropped.
	req4, _ := http.NewRequest("GET", "http://x", nil) // want `http.NewRequest in`
	req4.WithContext(r.Context())                      // want `result of \(\*http.Request\).WithContext discarded in net/http handler \(\*API\).HTTP`
	_, _ = a.hc.Do(req4)

	// Bad: sent through an interface.
	var doer interface {
		Do(*http.Request) (*http.Response, error)
	} = a.hc
	req6, _ := http.NewRequest("GET", "http://x", nil) // want `http.NewRequest in`
	_, _ = doer.Do(req6)

	// Silent: a request that is returned or stored, not sent here.
	req5, _ := http.NewRequest("GET", "http://x", nil)
	_ = req5
}

func (a *API) Net(w http.ResponseWriter, r *http.Request) {
	_, _ = net.Dial("tcp", "x:1")                  // want `net.Dial in net/http handler \(\*API\).Net: it dials without a context`
	_, _ = net.LookupHost("x")                     // want `net.LookupHost in`
	_, _ = tls.Dial("tcp", "x:443", &tls.Config{}) // want `tls.Dial in`
	var d net.Dialer
	_, _ = d.DialContext(r.Context(), "tcp", "x:1")
	_, _ = net.DefaultResolver.LookupHost(r.Context(), "x")
	_, _ = a.db.Conn(r.Context())
}

func (a *API) Exec(w http.ResponseWriter, r *http.Request) {
	_ = exec.Command("true").Run() // want `\(\*exec.Cmd\).Run in net/http handler \(\*API\).Exec: it waits for a process that the context cannot kill`
	cmd := exec.Command("convert", "a.png", "b.jpg")
	_, _ = cmd.Output() // want `\(\*exec.Cmd\).Output in`
	_, _ = exec.CommandContext(r.Context(), "true").CombinedOutput()
	// Start then Wait is Run.
	conv := exec.Command("convert")
	_ = conv.Start()
	_ = conv.Wait()                                              // want `\(\*exec.Cmd\).Wait in`
	_ = smtp.SendMail("mx:25", nil, "a@b", []string{"c@d"}, nil) // want `smtp.SendMail in net/http handler \(\*API\).Exec: it dials and talks to the mail server without a context`

	// Silent: a process meant to outlive the request.
	bg := exec.Command("indexer")
	_ = bg.Start()
	go bg.Wait()
	go time.Sleep(time.Second)
}

func (a *API) SQL(w http.ResponseWriter, r *http.Request) {
	_ = a.db.QueryRow("select 1").Err() // want `\(\*sql.DB\).QueryRow in net/http handler \(\*API\).SQL: it runs a query that ignores the context, so a cancelled request keeps waiting and shutdown waits for it; use QueryRowContext\(ctx, ...\)`
	_, _ = a.db.Exec("delete from t")   // want `\(\*sql.DB\).Exec in`
	var n int
	_ = a.dbx.Get(&n, "select 1") // want `\(\*sqlx.DB\).Get in`
	ctx := r.Context()
	_ = a.db.QueryRowContext(ctx, "select 1").Err()
	_ = a.dbx.GetContext(ctx, &n, "select 1")
}

func (a *API) Calls(w http.ResponseWriter, r *http.Request) {
	_ = a.repo.Get(1)                        // want `calls \(\*b.Repo\).Get → \(\*sql.DB\).QueryRow in net/http handler \(\*API\).Calls: it blocks without the request context`
	_ = a.repo.Find(1)                       // want `calls \(\*b.Repo\).Find → \(\*b.Repo\).lookup → \(\*sql.DB\).QueryRow in`
	_ = b.Ping("x")                          // want `calls b.Ping → b.fetch → http.Get in`
	b.DefaultRetrier.Wait()                  // want `calls b.Retrier.Wait → time.Sleep in`
	b.Backoff()                              // want `calls b.Backoff → time.Sleep in`
	b.DefaultRetrier.Sleep(time.Millisecond) // want `time.Sleep in net/http handler \(\*API\).Calls: it sleeps without watching the context`
	// Silent: reported in b's own body, or not blocking.
	_ = a.repo.Fetch(r.Context(), 1)
	_ = a.repo.FetchCtx(r.Context(), 1)
	b.Async()
	_ = b.Later()
	go b.Backoff()
	var lim b.Limiter
	lim.Acquire() // channel operations in other packages: not reported
	defer lim.Release()
	_ = lim.AcquireCtx(r.Context())
	// A local helper is reported at the call on the request path, with the
	// chain, not in its body.
	a.helper() // want `calls \(\*a.API\).helper → time.Sleep in net/http handler \(\*API\).Calls: it blocks without the request context`
}

func (a *API) helper() {
	time.Sleep(time.Millisecond)
}

var sleep = time.Sleep

func (a *API) FuncVar(w http.ResponseWriter, r *http.Request) {
	sleep(time.Second) // want `time.Sleep in net/http handler \(\*API\).FuncVar`
}

func (a *API) Background(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second) // want `context.Background in net/http handler \(\*API\).Background, where the request context is available`
	defer cancel()
	_ = a.repo.FetchCtx(ctx, 1)
	_ = a.repo.FetchCtx(context.TODO(), 1) // want `context.TODO in`

	// Silent: a goroutine outlives the request, so it must not get its context.
	go a.repo.FetchCtx(context.Background(), 3)

	// Silent: deliberate detachment plus a timeout.
	dctx, dcancel := context.WithTimeout(context.WithoutCancel(r.Context()), time.Minute)
	defer dcancel()
	_ = a.repo.FetchCtx(dctx, 2)
}

// Silent: no request context in scope to use instead.
func (a *API) NoCtx(w http.ResponseWriter, _ *http.Request) {
	_ = a.repo.FetchCtx(context.Background(), 1)
}

func (a *API) Gin(c *gin.Context) {
	_ = a.repo.FetchCtx(c, 1) // want `\*gin.Context passed as a context.Context in gin handler \(\*API\).Gin: its Done channel is nil unless ContextWithFallback is set, so the callee is never cancelled; pass c.Request.Context\(\)`
	_ = a.repo.FetchCtx(c.Request.Context(), 1)
	go func() {
		time.Sleep(time.Second) // silent: detached goroutine
	}()
}

func Routes(a *API, e *gin.Engine) { // want Routes:`blocks: time.Sleep`
	// Silent: registration runs at startup.
	time.Sleep(time.Millisecond)
	e.GET("/x", func(c *gin.Context) {
		time.Sleep(time.Second) // want `time.Sleep in gin handler func literal`
	})
}

// Version is a handler declared as a package-level variable.
var Version = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second) // want `context.Background in net/http handler func literal, where the request context is available`
	defer cancel()
	_ = ctx
	time.Sleep(time.Millisecond) // want `time.Sleep in net/http handler func literal`
})

// Silent: package-level initialisation runs once.
var startedAt = func() time.Time { time.Sleep(0); return time.Now() }()

// Silent, and no panic: a select in a package-level literal, outside any loop.
var poll = func() bool {
	select {
	case <-time.After(0):
		return true
	default:
		return false
	}
}
