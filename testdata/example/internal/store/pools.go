package store

import (
	"context"
	"database/sql"
	"sync"

	"github.com/jackc/pgx/v5/pgxpool"
)

// OpenReports opens a connection pool to the reporting replica. Every call
// creates a new pool; a request path that calls it leaks connections (the
// finding is reported at the caller).
func OpenReports(dsn string) (*sql.DB, error) {
	return sql.Open("pgx", dsn)
}

// Connect creates a pgx pool. Fine at startup, a leak per message when a
// consumer loop calls it (the finding is reported at the caller).
func Connect(ctx context.Context, dsn string) (*pgxpool.Pool, error) {
	return pgxpool.New(ctx, dsn)
}

// Reports hands out the reporting pool, created on first use.
type Reports struct {
	dsn  string
	once sync.Once
	db   *sql.DB
	err  error
}

// NewReports returns a lazily opened reporting pool.
func NewReports(dsn string) *Reports {
	return &Reports{dsn: dsn}
}

// DB returns the shared pool.
func (r *Reports) DB() (*sql.DB, error) {
	// OK(requestpool): sync.Once-guarded creation, one pool per process.
	r.once.Do(func() { r.db, r.err = sql.Open("pgx", r.dsn) })
	return r.db, r.err
}
