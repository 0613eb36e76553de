// Package group: one root cause, one finding (issue 15 item 7). Handlers
// that call one pool-creating helper get one finding, at the first call,
// with the other calls as related locations (group_test.go checks them).
package group

import (
	"database/sql"
	"net/http"

	"github.com/redis/go-redis/v9"
)

// openDB creates a new pool at every call.
func openDB() *sql.DB {
	db, _ := sql.Open("postgres", "dsn")
	return db
}

func List(w http.ResponseWriter, r *http.Request) {
	db := openDB() // want `group.openDB → sql.Open creates a database connection pool in net/http handler List, and at 2 more call sites \(3 request paths in all, see related locations\): a pool per request exhausts connections; create it once at startup, not at every call of group.openDB, and inject it$`
	_ = db.PingContext(r.Context())
}

func Show(w http.ResponseWriter, r *http.Request) {
	db := openDB() // a related location of List's finding
	_ = db.PingContext(r.Context())
}

func Delete(w http.ResponseWriter, r *http.Request) {
	db := openDB() // a related location of List's finding
	_ = db.PingContext(r.Context())
}

// A second helper is a second root cause, with a finding of its own.
func cache() *redis.Client { return redis.NewClient(&redis.Options{}) }

func Cached(w http.ResponseWriter, r *http.Request) {
	_ = cache() // want `group.cache → redis.NewClient creates a Redis connection pool in net/http handler Cached: a pool per request exhausts connections; create it once at startup and inject it$`
}

// Two calls on one request path: one finding, one request path.
func Twice(w http.ResponseWriter, r *http.Request) {
	_ = cache2() // want `group.cache2 → redis.NewClient creates a Redis connection pool in net/http handler Twice, and at 1 more call site \(1 request path in all, see related locations\)`
	_ = cache2() // a related location
}

func cache2() *redis.Client { return redis.NewClient(&redis.Options{}) }

// Direct creation sites stay one finding each.
func Direct(w http.ResponseWriter, r *http.Request) {
	db, _ := sql.Open("postgres", "dsn") // want `sql.Open creates a database connection pool in net/http handler Direct: a pool per request exhausts connections; create it once at startup and inject it$`
	_ = db.PingContext(r.Context())
}

func Direct2(w http.ResponseWriter, r *http.Request) {
	db, _ := sql.Open("postgres", "dsn") // want `sql.Open creates a database connection pool in net/http handler Direct2: `
	_ = db.PingContext(r.Context())
}

// Fixed: the helper called once at startup, the pool injected.
type API struct{ db *sql.DB }

func NewAPI() *API { // want NewAPI:`creates database connection pool: group.openDB → sql.Open`
	return &API{db: openDB()}
}

func (a *API) List(w http.ResponseWriter, r *http.Request) {
	_ = a.db.PingContext(r.Context())
}

func (a *API) Show(w http.ResponseWriter, r *http.Request) {
	_ = a.db.PingContext(r.Context())
}
