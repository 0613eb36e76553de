package behaviour

import (
	"context"
	"database/sql"
	"net/http"
)

// prime has one startup caller and one request-path caller: not every
// in-package caller is startup code, so it stays per-operation (with
// NewCache as its only caller it would be startup code, like Warm).
func prime(ctx context.Context, dsn string) {
	db, _ := sql.Open("postgres", dsn) // want `sql.Open creates a database connection pool in per-operation function prime`
	use(ctx, db)
	_ = db.Close()
}

func NewCache(ctx context.Context, dsn string) { // want NewCache:`creates database connection pool: behaviour.prime → sql.Open`
	prime(ctx, dsn) // ok: startup
}

func (f *Factory) HandlePrime(w http.ResponseWriter, r *http.Request) {
	prime(r.Context(), f.dsn) // ok: reported inside prime, a per-operation function by its own shape
}
