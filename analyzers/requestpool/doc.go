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
// resty, the AWS SDK's LoadDefaultConfig and service clients, sarama,
// nats) on a request path: handlers, per-message and per-tick loop bodies,
// per-operation functions and closures a factory returns. A helper that
// creates one is reported at the call on the request path, with the chain
// ("calls store.Open → sql.Open"), in any package. A get-or-create through
// sync.Map Load and Store is reported as racy: concurrent requests each
// create a pool and all but one leak.
//
// Bad:
//
//	func (h *Handler) Get(w http.ResponseWriter, r *http.Request) {
//		db, err := sql.Open("pgx", h.dsn) // a new pool per request
//		...
//	}
//
// Good:
//
//	func main() {
//		db, err := sql.Open("pgx", dsn) // once, at startup
//		...
//		h := &Handler{db: db}
//	}
//
// Silent on constructors and startup code (main, init, New*, Provision,
// setup functions, a handler constructor outside the closure it returns,
// bounded loops there), sync.Once-guarded creation, a get-or-create under a
// mutex, &http.Client{Timeout: ...} with a nil Transport (it shares
// http.DefaultTransport) and a per-call Client around a shared Transport.
//
// Add constructors with -lifelintconfig.pools=example.com/db.Open (or
// "&example.com/db.Pool" for a struct type), or the pools key of
// .lifelint.yml. Suppress a finding with
// //lifelint:ignore requestpool <reason> on its line or the line above.
package requestpool
