package behaviour

import (
	"context"
	"database/sql"
)

// A startup word counts only when it ends a word of the name: Newest,
// Runner and Initiate begin with New, Run and Init but are per-operation.
func Newest(ctx context.Context, dsn string) {
	db, _ := sql.Open("postgres", dsn) // want `sql.Open creates a database connection pool in per-operation function Newest`
	defer db.Close()
	_ = db.PingContext(ctx)
}

func Runner(ctx context.Context, dsn string) {
	db, _ := sql.Open("postgres", dsn) // want `sql.Open creates a database connection pool in per-operation function Runner`
	defer db.Close()
	_ = db.PingContext(ctx)
}

func Initiate(ctx context.Context, dsn string) {
	db, _ := sql.Open("postgres", dsn) // want `sql.Open creates a database connection pool in per-operation function Initiate`
	defer db.Close()
	_ = db.PingContext(ctx)
}

// initDB and mustConnect begin with a lower-case startup word that ends at
// the next capital: startup code.
func initDB(ctx context.Context, dsn string) {
	db, _ := sql.Open("postgres", dsn) // ok: startup
	go keep(db)
}

func mustConnect(ctx context.Context, dsn string) {
	db, _ := sql.Open("postgres", dsn) // ok: startup
	go keep(db)
}
