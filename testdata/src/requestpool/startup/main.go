// Command startup creates its pools at startup: nothing to report.
package main

import (
	"context"
	"database/sql"
	"net/http"

	"github.com/jackc/pgx/v5/pgxpool"
)

func main() {
	ctx := context.Background()
	db, _ := sql.Open("postgres", "dsn")
	defer db.Close()
	// Bounded startup loop: one pool per shard at start.
	shards := map[string]*pgxpool.Pool{}
	for _, s := range []string{"a", "b"} {
		p, _ := pgxpool.New(ctx, s)
		shards[s] = p
	}
	_ = run(ctx, db)
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		_ = db.PingContext(r.Context())
	})
}

func run(ctx context.Context, db *sql.DB) error {
	p, err := pgxpool.New(ctx, "dsn")
	if err != nil {
		return err
	}
	p.Close()
	return nil
}
