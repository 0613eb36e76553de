// Command leak serves until SIGTERM but never closes one of its pools.
package main

import (
	"context"
	"database/sql"
	"errors"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"
)

type repo struct {
	pool *pgxpool.Pool
	db   *sql.DB
}

func newRepo(pool *pgxpool.Pool, db *sql.DB) *repo { return &repo{pool: pool, db: db} }

func main() {
	if err := run(); err != nil {
		log.Print(err)
		os.Exit(1)
	}
}

func run() error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	pool, err := pgxpool.New(ctx, "postgres://") // want `pgxpool.New creates a PostgreSQL connection pool \(pool\) that run never closes: on shutdown in-flight work is cut and server-side connections linger; defer its Close right after the error check`
	if err != nil {
		return err
	}
	db, err := sql.Open("pgx", "postgres://") // closed below: silent
	if err != nil {
		return err
	}
	defer db.Close()
	rdb := redis.NewClient(&redis.Options{}) // closed through a deferred literal: silent
	defer func() { _ = rdb.Close() }()
	_ = newRepo(pool, db)
	_ = rdb

	srv := &http.Server{Addr: ":8080", ReadHeaderTimeout: time.Second}
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}()
	if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
