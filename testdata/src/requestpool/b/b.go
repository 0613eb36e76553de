// Package b holds helpers that another package calls per request.
package b

import (
	"context"
	"database/sql"

	"github.com/redis/go-redis/v9"
)

// OpenDB creates a pool on every call.
func OpenDB(dsn string) (*sql.DB, error) { // want OpenDB:`creates database connection pool: sql.Open \(on every path\)$`
	return sql.Open("postgres", dsn)
}

// Cache goes through a helper.
func Cache(addr string) *redis.Client { // want Cache:`creates Redis connection pool: b.newRedis → redis.NewClient`
	return newRedis(addr)
}

func newRedis(addr string) *redis.Client {
	return redis.NewClient(&redis.Options{Addr: addr})
}

// Store keeps a pool created once.
type Store struct{ db *sql.DB }

// Get is per-operation and uses the injected pool: nothing to summarise.
func (s *Store) Get(ctx context.Context, id string) error {
	return s.db.QueryRowContext(ctx, "select 1").Err()
}
