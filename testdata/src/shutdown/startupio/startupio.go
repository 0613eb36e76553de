// Package startupio does startup I/O with and without a deadline.
package startupio

import (
	"context"
	"database/sql"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"
)

type Store struct {
	db   *sql.DB
	pool *pgxpool.Pool
}

// NewStore is startup code (a constructor).
func NewStore(dsn string) (*Store, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, err
	}
	if err := db.Ping(); err != nil { // want `\(\*sql.DB\).Ping at startup has no deadline \(it runs under context.Background\): an unreachable database hangs startup forever and the service never becomes ready; use the Context variant under context.WithTimeout`
		return nil, err
	}
	pool, err := pgxpool.New(context.Background(), dsn) // lazy: no I/O, silent
	if err != nil {
		return nil, err
	}
	if err := pool.Ping(context.Background()); err != nil { // want `\(\*pgxpool.Pool\).Ping at startup under context.Background\(\) has no deadline: an unreachable PostgreSQL hangs startup forever and the service never becomes ready; pass a context.WithTimeout of it`
		return nil, err
	}
	return &Store{db: db, pool: pool}, nil
}

// NewStoreFixed is the fixed form of NewStore.
func NewStoreFixed(dsn string) (*Store, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, err
	}
	if err := db.PingContext(ctx); err != nil {
		return nil, err
	}
	pool, err := pgxpool.New(ctx, dsn)
	if err != nil {
		return nil, err
	}
	if err := pool.Ping(ctx); err != nil {
		return nil, err
	}
	return &Store{db: db, pool: pool}, nil
}

// ConnectRedis binds the root context to a variable first.
func ConnectRedis(addr string) (*redis.Client, error) {
	ctx := context.TODO()
	rdb := redis.NewClient(&redis.Options{Addr: addr})
	if err := rdb.Ping(ctx).Err(); err != nil { // want `\(\*redis.Client\).Ping at startup under context.TODO\(\) has no deadline`
		return nil, err
	}
	return rdb, nil
}

// ConnectPG dials at once.
func ConnectPG(dsn string) (*pgx.Conn, error) {
	return pgx.Connect(context.Background(), dsn) // want `pgx.Connect at startup under context.Background\(\) has no deadline`
}

// ConnectPGFixed is the fixed form of ConnectPG.
func ConnectPGFixed(dsn string) (*pgx.Conn, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return pgx.Connect(ctx, dsn)
}

// StartWithSignals derives its context from signal.NotifyContext: SIGTERM
// cancels the startup, silent.
func StartWithSignals(dsn string) (*pgx.Conn, error) { // want StartWithSignals:"handles signals: signal.NotifyContext"
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return pgx.Connect(ctx, dsn)
}

// StartReassigned gets a deadline after all: silent.
func StartReassigned(dsn string) (*pgx.Conn, error) {
	ctx := context.Background()
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	return pgx.Connect(ctx, dsn)
}

// Store methods are per-operation, not startup: the caller's context
// decides.
func (s *Store) Healthy(ctx context.Context) error {
	return s.pool.Ping(ctx)
}

// RunHealth pings per tick: a per-tick loop body is not startup. Silent.
func RunHealth(ctx context.Context, db *sql.DB) {
	t := time.NewTicker(time.Minute)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			_ = db.Ping()
		}
	}
}
