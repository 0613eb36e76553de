package chains

import (
	"context"
	"database/sql"
	"net/http"
	"time"
)

// Store is a storage layer that takes no context: its queries use the
// Context variants under context.Background, which blocks its callers as
// surely as QueryRow would (issue 15).
type Store struct {
	db     *sql.DB
	srv    *http.Server
	parent context.Context
}

// NameByID is reported at the request path's call, not in its body: it is
// no request path itself.
func (s *Store) NameByID(id int) string { // want NameByID:`blocks: \(\*sql.DB\).QueryRowContext\(context.Background\(\)\)`
	var name string
	_ = s.db.QueryRowContext(context.Background(), "SELECT name FROM users WHERE id = $1", id).Scan(&name) // ok: reported at the callers
	return name
}

// NameByIDContext is the fixed form.
func (s *Store) NameByIDContext(ctx context.Context, id int) string {
	var name string
	_ = s.db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&name)
	return name
}

// Touch bounds its statement with a timeout, but the request's
// cancellation still does not reach it.
func (s *Store) Touch(id int) { // want Touch:`blocks: \(\*sql.DB\).ExecContext\(context.TODO\(\)\)`
	ctx, cancel := context.WithTimeout(context.TODO(), time.Second)
	defer cancel()
	ctx = context.WithValue(ctx, ctxKey{}, id)
	_, _ = s.db.ExecContext(ctx, "UPDATE users SET seen = now() WHERE id = $1", id)
}

type ctxKey struct{}

// Warm runs only at startup, through NewWarmAPI: its fact is exported,
// and no request path calls it.
func (s *Store) Warm() { // want Warm:`blocks: \(\*sql.DB\).ExecContext\(context.Background\(\)\)`
	_, _ = s.db.ExecContext(context.Background(), "SELECT 1")
}

// NewWarmAPI is startup code: its own query under context.Background is
// no site, and its call of Warm is summarised as today's calls are.
func NewWarmAPI(s *Store) *API { // want NewWarmAPI:`blocks: \(\*chains.Store\).Warm → \(\*sql.DB\).ExecContext\(context.Background\(\)\)`
	_ = s.db.PingContext(context.Background()) // ok: startup
	s.Warm()                                   // ok: startup
	return &API{}
}

// Restart's deadline is the base of a Shutdown: deliberate, not summarised.
func (s *Store) Restart() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	_ = s.srv.Shutdown(ctx)
	_, _ = s.db.ExecContext(ctx, "CHECKPOINT") // ok: under the stop's deadline
}

// Inherit falls back to Background only when there is no parent: the
// context may be cancellable, so when in doubt it is silent.
func (s *Store) Inherit() {
	ctx := context.Background()
	if s.parent != nil {
		ctx = s.parent
	}
	_, _ = s.db.ExecContext(ctx, "SELECT 1") // ok: maybe the parent
}

// Later's query runs in a literal that may run later, or never.
func (s *Store) Later() func() {
	return func() {
		_, _ = s.db.ExecContext(context.Background(), "SELECT 1") // ok: not part of Later
	}
}

type cache interface {
	Get(ctx context.Context, key string) (string, error)
}

// Lookup passes Background to a context-taking call the tables do not
// know: no summary.
func Lookup(c cache) string {
	v, _ := c.Get(context.Background(), "k")
	return v
}

// Named has a context, so the misuse rule reports the root in its body
// (a per-operation function); its callers are not told again.
func (s *Store) Named(ctx context.Context, id int) string {
	var name string
	_ = s.db.QueryRowContext(context.Background(), "SELECT 1 WHERE $1", id).Scan(&name) // want `context.Background in per-operation function \(\*Store\).Named \(it takes a context.Context\), where the request context is available`
	return name
}

type StoreAPI struct {
	st *Store
	c  cache
}

// Two handlers call NameByID: one finding, with the grouped advice.
func (a *StoreAPI) User(w http.ResponseWriter, r *http.Request) {
	_ = a.st.NameByID(1) // want `calls \(\*chains.Store\).NameByID → \(\*sql.DB\).QueryRowContext\(context.Background\(\)\) in net/http handler \(\*StoreAPI\).User, and at 1 more call site \(2 request paths in all, see related locations\).*give \(\*chains.Store\).NameByID a context.Context parameter`
}

func (a *StoreAPI) Team(w http.ResponseWriter, r *http.Request) {
	_ = a.st.NameByID(2) // related location of the finding above
}

func (a *StoreAPI) UserFixed(w http.ResponseWriter, r *http.Request) {
	_ = a.st.NameByIDContext(r.Context(), 1) // ok
}

func (a *StoreAPI) Seen(w http.ResponseWriter, r *http.Request) {
	a.st.Touch(1) // want `calls \(\*chains.Store\).Touch → \(\*sql.DB\).ExecContext\(context.TODO\(\)\) in net/http handler \(\*StoreAPI\).Seen: it blocks without the request context`
}

func (a *StoreAPI) Quiet(w http.ResponseWriter, r *http.Request) {
	a.st.Restart()                 // ok: a stop's deadline
	a.st.Inherit()                 // ok: maybe cancellable
	a.st.Later()                   // ok: the literal is not called here
	_ = Lookup(a.c)                // ok: not a known blocking call
	_ = a.st.Named(r.Context(), 1) // ok: reported in Named's body
}
