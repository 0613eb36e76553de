// Command migrate is a one-shot tool: it applies the schema and exits.
package main

import (
	"context"
	"log"
	"os"
	"os/signal"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt) // BUG(shutdown): no syscall.SIGTERM, the signal orchestrators stop processes with
	defer stop()
	if err := migrate(ctx); err != nil {
		log.Print(err)
		stop()
		// OK(shutdown): os.Exit after the cleanup ran (no defer pending).
		os.Exit(1)
	}
}

func migrate(ctx context.Context) error {
	// OK(shutdown): startup I/O under a timeout derived from the signal context.
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	pool, err := pgxpool.New(ctx, os.Getenv("DATABASE_URL"))
	if err != nil {
		return err
	}
	// OK(shutdown): the pool is closed when the job is done.
	defer pool.Close()
	if err := pool.Ping(ctx); err != nil {
		return err
	}
	_, err = pool.Exec(ctx, "CREATE TABLE IF NOT EXISTS products (id bigint PRIMARY KEY, name text)")
	return err
}
