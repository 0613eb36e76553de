// Package behaviour pins startup, factory and lifetime code recognised by
// what it does, whatever its name (issue 15 item 1).
package behaviour

import (
	"context"
	"database/sql"
	"net/http"
	"os"
	"os/signal"
)

type Store struct{ db *sql.DB }

type Factory struct{ dsn string }

// DB returns the pool it creates: ownership moves to the caller, so it is
// a factory, judged at its calls.
func (f *Factory) DB(ctx context.Context) (*sql.DB, error) { // want DB:`creates database connection pool: sql.Open`
	return sql.Open("postgres", f.dsn) // ok: returned to the caller
}

// Store returns the pool inside the struct it builds.
func (f *Factory) Store(ctx context.Context) *Store { // want Store:`creates database connection pool: sql.Open`
	db, _ := sql.Open("postgres", f.dsn) // ok: returned inside *Store
	return &Store{db: db}
}

// Named results are returned by a bare return.
func (f *Factory) Named(ctx context.Context) (db *sql.DB, err error) { // want Named:`creates database connection pool: sql.Open`
	db, err = sql.Open("postgres", f.dsn) // ok: returned by the bare return
	return
}

// Refresh creates a pool and keeps it to itself: one pool per call.
func (f *Factory) Refresh(ctx context.Context) error {
	db, err := sql.Open("postgres", f.dsn) // want `sql.Open creates a database connection pool in per-operation function \(\*Factory\).Refresh`
	if err != nil {
		return err
	}
	defer db.Close()
	return db.PingContext(ctx)
}

// RefreshFixed is Refresh's fixed form: the pool is injected.
func (f *Factory) RefreshFixed(ctx context.Context, db *sql.DB) error {
	return db.PingContext(ctx) // ok
}

// A handler that calls a factory creates a pool per request: reported at
// the call, with the chain.
func (f *Factory) Handle(w http.ResponseWriter, r *http.Request) {
	db, _ := f.DB(r.Context()) // want `\(\*behaviour.Factory\).DB → sql.Open creates a database connection pool in net/http handler \(\*Factory\).Handle`
	_ = db
}

// The struct factory's call sites are judged the same way: a handler that
// builds a Store per request creates a pool per request.
func (f *Factory) HandleStore(w http.ResponseWriter, r *http.Request) {
	_ = f.Store(r.Context()) // want `\(\*behaviour.Factory\).Store → sql.Open creates a database connection pool in net/http handler \(\*Factory\).HandleStore`
}

// HandleStoreFixed uses the Store that NewStoreApp built once at startup.
func (a *App) HandleStoreFixed(w http.ResponseWriter, r *http.Request) {
	_ = a.st.db.PingContext(r.Context()) // ok
}

type App struct{ st *Store }

func NewStoreApp(ctx context.Context, f *Factory) *App { // want NewStoreApp:`creates database connection pool: \(\*behaviour.Factory\).Store → sql.Open`
	return &App{st: f.Store(ctx)} // ok: startup
}

// Daemon creates its own root context from a signal: lifetime code, like
// main, whatever its name.
func Daemon(parent context.Context, dsn string) { // want Daemon:`creates database connection pool: sql.Open`
	ctx, stop := signal.NotifyContext(parent, os.Interrupt)
	defer stop()
	db, _ := sql.Open("postgres", dsn) // ok: created once for the process
	defer db.Close()
	<-ctx.Done()
}

// Until blocks until its context is done: lifetime code.
func Until(ctx context.Context, dsn string) { // want Until:`creates database connection pool: sql.Open`
	db, _ := sql.Open("postgres", dsn) // ok: once per lifetime
	defer db.Close()
	<-ctx.Done()
}

// Host serves and then shuts its server down: lifetime code.
func Host(ctx context.Context, srv *http.Server, dsn string) error { // want Host:`creates database connection pool: sql.Open`
	db, _ := sql.Open("postgres", dsn) // ok: once per server lifetime
	defer db.Close()
	go srv.ListenAndServe()
	return srv.Shutdown(ctx)
}

// HostOnly serves but never stops its server: serving alone is no proof of
// lifetime code, so the function stays per-operation.
func HostOnly(ctx context.Context, srv *http.Server, dsn string) error {
	db, _ := sql.Open("postgres", dsn) // want `sql.Open creates a database connection pool in per-operation function HostOnly`
	defer db.Close()
	return srv.ListenAndServe()
}

// Warm takes a context but only startup code calls it: startup code too,
// although it is exported.
func Warm(ctx context.Context, dsn string) *sql.DB { // want Warm:`creates database connection pool: sql.Open`
	db, _ := sql.Open("postgres", dsn) // ok: only NewApp calls Warm
	_ = db.PingContext(ctx)
	go keep(db)
	return nil
}

func keep(*sql.DB) {}

func NewApp(ctx context.Context) { // want NewApp:`creates database connection pool: behaviour.Warm → sql.Open`
	Warm(ctx, "dsn")
}

// StartupCache is startup-named on a word boundary ("Startup", not "Start").
func StartupCache(ctx context.Context, dsn string) { // want StartupCache:`creates database connection pool: sql.Open`
	db, _ := sql.Open("postgres", dsn) // ok: startup
	go keep(db)
}

// A select with a ctx.Done() case is one way out, not lifetime code.
func Fetch(ctx context.Context, dsn string, ch <-chan int) {
	db, _ := sql.Open("postgres", dsn) // want `sql.Open creates a database connection pool in per-operation function Fetch`
	defer db.Close()
	select {
	case <-ctx.Done():
	case <-ch:
	}
}
