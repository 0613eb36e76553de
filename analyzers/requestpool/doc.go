// Package requestpool defines an Analyzer that reports connection pools and
// clients created per request, message or tick.
//
// # Analyzer requestpool
//
// requestpool: report connection pools and clients created per request, message or tick
//
// A *sql.DB, a pgxpool.Pool, a go-redis client, a gRPC ClientConn, an AMQP
// or NATS connection, an http.Transport: each owns sockets, background
// goroutines and server-side connection slots, and is meant to be created
// once at startup and shared. Created per request, per message or per tick,
// they exhaust file descriptors and database connections ("too many
// connections"), and leak goroutines when they are not closed.
//
// The pass reports the creation of any pool or client of its knowledge table
// (database/sql, sqlx, gorm, pgx, go-redis, grpc, amqp091, mongo,
// &http.Transport{}, new(http.Transport), a cloned http.DefaultTransport,
// an &http.Client{} that builds its own Transport (reported once, at the
// Transport), resty, the AWS SDK's LoadDefaultConfig and the service
// clients built from it (s3.NewFromConfig and friends), sarama clients and
// producers, nats) on a request path: handlers, per-message and per-tick
// loop bodies, per-operation functions and closures a factory returns:
//
//	sql.Open creates a database connection pool in net/http handler Get: a pool per request exhausts connections; create it once at startup and inject it
//
// Helpers count too. Every function that creates a pool each time it is
// called exports a fact ("creates database connection pool: sql.Open"), so a
// call on a request path to a helper of any package is reported at the call,
// with the chain from the helper to the constructor:
//
//	store.OpenReports → sql.Open creates a database connection pool in net/http handler (*Handlers).Reports: ...
//
// Helpers of the same package are reported the same way: a helper that is
// on a request path only because a request path calls it is reported at
// the call on the request path, with the chain (a.dial → redis.NewClient),
// not where it creates the pool. A function that is a request path by its
// own shape (a handler, a per-operation function that takes a context) is
// reported where it creates the pool, and its callers in the package are
// not reported again.
//
// One helper is one root cause, however many request paths call it: the
// calls of one callee chain in a package are one finding, at the first
// call, naming the helper to fix, with the other calls as related locations
// (listed by -format json and SARIF, and shown by the LSP):
//
//	a.openDB → sql.Open creates a database connection pool in net/http handler List, and at 2 more call sites (3 request paths in all, see related locations): a pool per request exhausts connections; create it once at startup, not at every call of a.openDB, and inject it
//
// Direct creation sites (sql.Open in a handler) are one finding each.
//
// Summaries cross packages within a module on any path. A function of a
// third-party module counts only when it creates the pool on every normal
// path, each step of its chain unconditional (as in handlerblock: a
// statement of the body or a plain block, not under an if, switch,
// select or loop, not in a literal, not after an early return): a library
// whose Dial always calls sql.Open is reported at the app's call, one that
// opens a pool only on a fallback branch is not. The fact marks such a
// chain "(on every path)". Library summaries exist only for the modules
// the driver analyses for facts (the lifelint command: the modules of its
// patterns, and -facts-from).
//
// A get-or-create through sync.Map (Load, then create, then Store) is
// reported as racy: concurrent requests for one key each create a pool and
// all but one leak. Use LoadOrStore of a sync.OnceValue per key, or a mutex.
//
// A function that is not startup code and hands out a pool it creates
// only inside a value that cannot release it is reported at the creation,
// once per function: a returned closure that uses the pool, or a returned
// struct of the package that keeps it in an unexported field, has no
// release method (Close, Shutdown, Stop, Disconnect, CloseIdleConnections,
// ...) and no method that releases the field. Every call creates a pool
// that nobody can close:
//
//	sql.Open creates a database connection pool that the closure returned by store.Counter cannot release: one unreleasable pool per call leaks connections; return the pool (or a func that closes it) beside the closure, or create it once at startup and inject it
//
// That rule is silent on returning the pool itself (a factory, judged at
// its calls), a struct with a release method or an exported pool field,
// startup code by its name (New*, Open*, ...) or by its callers (every
// call in the package is startup code or runs in a sync.Once), a function
// taken as a value (sync.OnceValue(f), a provider list), a handler
// constructor (the closure or type it returns is a handler), and a pool
// the function passes to a call, stores in a field or package variable, or
// releases. A creation on a request path is reported by the rules above,
// not again.
//
// Bad:
//
//	func (h *Handler) Get(w http.ResponseWriter, r *http.Request) {
//		db, err := sql.Open("pgx", h.dsn) // a new pool per request
//		...
//	}
//
//	func Proxy(w http.ResponseWriter, r *http.Request) {
//		c := &http.Client{Transport: &http.Transport{}} // a new transport per request
//		...
//	}
//
// Good:
//
//	func main() {
//		db, err := sql.Open("pgx", dsn) // once, at startup
//		...
//		h := &Handler{db: db, client: &http.Client{Timeout: 5 * time.Second}}
//	}
//
// Silent on constructors and startup code (main, init, New*, Provision,
// setup functions, a handler constructor outside the closure it returns, a
// returned closure that itself returns the pool it creates (a dial
// function: its caller decides how often to call it),
// bounded loops there, such as one pool per shard), sync.Once-guarded
// creation, a get-or-create under a mutex (one that stores the pool in a map
// or field; a lock alone does not share a pool), a lazy initialiser that
// returns early once its fields are set (if d.ecs != nil && d.ec2 != nil {
// return nil }) and stores them after the creation, &http.Client{Timeout: ...}
// with a nil Transport (it shares http.DefaultTransport), a per-call
// Client around a shared Transport, and an &http.Transport{DisableKeepAlives:
// true}, which closes each connection after its request and pools nothing.
//
// Not detected: pools created through function values or interfaces, a
// pool type other than http.Transport built with a composite literal unless
// configured, a get-or-create racing through a plain map without a lock
// (the race detector's job), a third-party function that creates a pool on
// a branch or after an early return, even one every caller takes, and a
// pool handed out by a field assignment (l := &Lookup{}; l.db = db), in a
// slice or map, in a type of another package, or created and dropped
// without being returned.
//
// Add constructors with -lifelintconfig.pools=example.com/db.Open (or
// "&example.com/db.Pool" for a struct type), or the pools key of
// .lifelint.yml. Suppress a finding with
// //lifelint:ignore requestpool <reason> on its line or the line above; on
// the reported call of a grouped finding, it covers the whole group.
package requestpool
