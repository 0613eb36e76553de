package behaviour

import (
	"context"
	"database/sql"
	"os"
	"os/signal"
	"time"
)

func use(ctx context.Context, db *sql.DB) { _ = db.PingContext(ctx) }

// Supervise creates its own root context from a signal and never waits on
// ctx.Done() itself: the signal root alone makes it lifetime code.
func Supervise(parent context.Context, dsn string) { // want Supervise:`creates database connection pool: sql.Open`
	ctx, stop := signal.NotifyContext(parent, os.Interrupt)
	defer stop()
	db, _ := sql.Open("postgres", dsn) // ok: created once for the process
	defer db.Close()
	use(ctx, db)
}

// Bounded only derives a deadline from its caller's context: per-operation.
func Bounded(parent context.Context, dsn string) {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	defer cancel()
	db, _ := sql.Open("postgres", dsn) // want `sql.Open creates a database connection pool in per-operation function Bounded`
	defer db.Close()
	use(ctx, db)
}

// Root cancels a context of its own over context.Background: lifetime
// code, like main.
func Root(parent context.Context, dsn string) { // want Root:`creates database connection pool: sql.Open`
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	db, _ := sql.Open("postgres", dsn) // ok: created once for the process
	defer db.Close()
	use(ctx, db)
}

// Child cancels a context derived from its caller's: per-operation.
func Child(parent context.Context, dsn string) {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	db, _ := sql.Open("postgres", dsn) // want `sql.Open creates a database connection pool in per-operation function Child`
	defer db.Close()
	use(ctx, db)
}
