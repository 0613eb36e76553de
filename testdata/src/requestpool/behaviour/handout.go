package behaviour

import (
	"context"
	"database/sql"
	"net/http"
	"sync"
)

// Pools handed out in a value that cannot release them (issue 15 item 6):
// every call of a function that is not startup code creates a pool, and
// nobody can close it.

// counter returns a closure over the pool it creates.
func counter(dsn string) func() int {
	db, _ := sql.Open("postgres", dsn) // want `sql.Open creates a database connection pool that the closure returned by behaviour.counter cannot release: one unreleasable pool per call leaks connections; return the pool \(or a func that closes it\) beside the closure, or create it once at startup and inject it`
	db.SetMaxOpenConns(2)
	return func() int {
		var n int
		_ = db.QueryRow("select count(*) from t").Scan(&n)
		return n
	}
}

// counterFixed also returns the pool's Close: its caller can release it.
func counterFixed(dsn string) (func() int, func() error) {
	db, _ := sql.Open("postgres", dsn) // ok: db.Close is handed out
	return func() int {
		var n int
		_ = db.QueryRow("select count(*) from t").Scan(&n)
		return n
	}, db.Close
}

// countWith is counter's injected form.
func countWith(db *sql.DB) func() int {
	return func() int {
		var n int
		_ = db.QueryRow("select count(*) from t").Scan(&n)
		return n
	}
}

type lookup struct{ db *sql.DB }

func (l *lookup) find(id int) string {
	var s string
	_ = l.db.QueryRow("select name from t where id = $1", id).Scan(&s)
	return s
}

// lookupFor returns a struct that keeps the pool and has no Close method.
func lookupFor(dsn string) *lookup {
	db, err := sql.Open("postgres", dsn) // want `sql.Open creates a database connection pool that the \*lookup returned by behaviour.lookupFor cannot release \(lookup has no Close method\): one unreleasable pool per call leaks connections; give lookup a Close method that closes it, or create it once at startup and inject it`
	if err != nil {
		return nil
	}
	l := &lookup{db: db}
	return l
}

type closingLookup struct{ db *sql.DB }

func (l *closingLookup) Close() error { return l.db.Close() }

// closingLookupFor is lookupFor's fixed form: the struct has Close.
func closingLookupFor(dsn string) *closingLookup {
	db, _ := sql.Open("postgres", dsn) // ok: (*closingLookup).Close releases it
	return &closingLookup{db: db}
}

type finishingLookup struct{ db *sql.DB }

// finish releases the pool under a name of its own.
func (l *finishingLookup) finish() { _ = l.db.Close() }

func finishingLookupFor(dsn string) finishingLookup {
	db, _ := sql.Open("postgres", dsn) // ok: finish closes the field
	return finishingLookup{db}
}

type proxy struct{ t *http.Transport }

// proxyFor builds the pool inside the struct it returns.
func proxyFor() *proxy {
	return &proxy{t: &http.Transport{}} // want `&http.Transport{} creates an HTTP transport \(connection pool\) that the \*proxy returned by behaviour.proxyFor cannot release`
}

type idleProxy struct{ t *http.Transport }

func (p *idleProxy) CloseIdleConnections() { p.t.CloseIdleConnections() }

func idleProxyFor() *idleProxy {
	return &idleProxy{t: &http.Transport{}} // ok: CloseIdleConnections releases it
}

// PublicLookup exports its pool: its user can close it.
type PublicLookup struct{ DB *sql.DB }

func publicLookupFor(dsn string) *PublicLookup {
	db, _ := sql.Open("postgres", dsn) // ok: an exported field
	return &PublicLookup{DB: db}
}

// poolFor returns the pool itself: a factory.
func poolFor(dsn string) (*sql.DB, error) {
	return sql.Open("postgres", dsn) // ok: the caller owns it
}

// OpenLookup is startup code by its name.
func OpenLookup(dsn string) *lookup { // want OpenLookup:`creates database connection pool: sql.Open`
	db, _ := sql.Open("postgres", dsn) // ok: startup
	return &lookup{db: db}
}

// reportCounter has only startup callers.
func reportCounter(dsn string) func() int {
	db, _ := sql.Open("postgres", dsn) // ok: only NewReporter calls it
	return func() int {
		var n int
		_ = db.QueryRow("select count(*) from r").Scan(&n)
		return n
	}
}

func NewReporter(dsn string) func() int { // want NewReporter:`creates database connection pool: behaviour.reportCounter → sql.Open`
	return reportCounter(dsn)
}

var shared *sql.DB

// sharedCounter keeps the pool in a package variable as well: one
// lazy-init rule's concern, not a handout.
func sharedCounter(dsn string) func() int {
	db, _ := sql.Open("postgres", dsn) // ok: stored in a package variable
	shared = db
	return func() int { return db.Stats().OpenConnections }
}

type registry struct{ db *sql.DB }

// counterOf keeps the pool in a field of its long-lived receiver.
func (r *registry) counterOf(dsn string) func() int {
	db, _ := sql.Open("postgres", dsn) // ok: stored in r
	r.db = db
	return func() int { return db.Stats().OpenConnections }
}

var counterOnce sync.Once

// onceCounter creates its pool in a sync.Once.
func onceCounter(dsn string) func() int {
	var db *sql.DB
	counterOnce.Do(func() {
		db, _ = sql.Open("postgres", dsn) // ok: once
	})
	return func() int { return db.Stats().OpenConnections }
}

func track(*sql.DB) {}

// trackedLookup hands the pool to a call that may keep and close it.
func trackedLookup(dsn string) *lookup {
	db, _ := sql.Open("postgres", dsn) // ok: passed on
	track(db)
	return &lookup{db: db}
}

// closingCounter's closure closes the pool after its query.
func closingCounter(dsn string) func() int {
	db, _ := sql.Open("postgres", dsn) // ok: the closure closes it
	return func() int {
		defer db.Close()
		return db.Stats().OpenConnections
	}
}

type apiClient struct{ hc *http.Client }

// apiClientFor wraps the Transport in an http.Client, a type with
// CloseIdleConnections of its own.
func apiClientFor() *apiClient {
	return &apiClient{hc: &http.Client{Transport: &http.Transport{}}} // ok: not this package's type
}

// lookupsFor is on a request path (a handler calls it): the request-path
// rule reports the handler's call, not the creation a second time.
func lookupsFor(dsn string) *lookup {
	db, _ := sql.Open("postgres", dsn) // ok: reported at the handler's call
	return &lookup{db: db}
}

func (f *Factory) HandleLookup(w http.ResponseWriter, r *http.Request) {
	_ = lookupsFor(f.dsn).find(1) // want `behaviour.lookupsFor → sql.Open creates a database connection pool in net/http handler \(\*Factory\).HandleLookup`
}

// used keeps the pool to itself and drops it: no value hands it out (not
// this rule's concern).
func used(dsn string) int {
	db, _ := sql.Open("postgres", dsn) // ok: not handed out
	return db.Stats().OpenConnections
}

type repo struct{ db *sql.DB }

func (r *repo) get(ctx context.Context, id int) error {
	return r.db.QueryRowContext(ctx, "select 1 where $1 > 0", id).Err()
}

// repoFor has a caller that is not startup code: one pool per call of
// refresh.
func repoFor(dsn string) *repo {
	db, _ := sql.Open("postgres", dsn) // want `sql.Open creates a database connection pool that the \*repo returned by behaviour.repoFor cannot release`
	return &repo{db: db}
}

// repoWith is repoFor's fixed form: the pool is injected.
func repoWith(db *sql.DB) *repo { return &repo{db: db} } // ok

func refresh(dsn string) {
	r := repoFor(dsn)
	_ = r.get(context.Background(), 1)
}

// reportsHandler is a handler constructor: setup code outside the handler
// it returns.
func reportsHandler(dsn string) http.HandlerFunc {
	db, _ := sql.Open("postgres", dsn) // ok: a handler constructor
	return func(w http.ResponseWriter, r *http.Request) {
		_ = db.PingContext(r.Context())
	}
}

// queryFunc returns a per-operation closure: the factory runs at setup.
func queryFunc(dsn string) func(ctx context.Context) error {
	db, _ := sql.Open("postgres", dsn) // ok: a factory of a per-operation closure
	return func(ctx context.Context) error { return db.PingContext(ctx) }
}

type reportsAPI struct{ db *sql.DB }

func (a *reportsAPI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	_ = a.db.PingContext(r.Context())
}

// reportsAPIFor builds a handler, registered once by setup code.
func reportsAPIFor(dsn string) *reportsAPI {
	db, _ := sql.Open("postgres", dsn) // ok: a handler type
	return &reportsAPI{db: db}
}

// defaultLookup is handed to sync.OnceValue: it runs once.
func defaultLookup() *lookup {
	db, _ := sql.Open("postgres", "dsn") // ok: taken as a value
	return &lookup{db: db}
}

var lazyLookup = sync.OnceValue(defaultLookup)

// onceLookup's only call runs in a sync.Once.
func onceLookup(dsn string) *lookup {
	db, _ := sql.Open("postgres", dsn) // ok: called once
	return &lookup{db: db}
}

type lookups struct {
	once sync.Once
	l    *lookup
}

func (c *lookups) get(dsn string) *lookup {
	c.once.Do(func() { c.l = onceLookup(dsn) })
	return c.l
}

// Count is exported: its callers in other packages are judged by its fact
// as well.
func Count(dsn string) func() int { // want Count:`creates database connection pool: sql.Open`
	db, _ := sql.Open("postgres", dsn) // want `that the closure returned by behaviour.Count cannot release`
	return func() int { return db.Stats().InUse }
}
