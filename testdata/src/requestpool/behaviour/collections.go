package behaviour

import (
	"context"
	"database/sql"
	"net/http"
)

// Shards returns its pools in a slice: ownership moves to the caller.
func (f *Factory) Shards(ctx context.Context) []*sql.DB { // want Shards:`creates database connection pool: sql.Open`
	db, _ := sql.Open("postgres", f.dsn) // ok: returned inside the slice
	return []*sql.DB{db}
}

// ByName returns its pools in a map: ownership moves to the caller.
func (f *Factory) ByName(ctx context.Context) map[string]*sql.DB { // want ByName:`creates database connection pool: sql.Open`
	db, _ := sql.Open("postgres", f.dsn) // ok: returned inside the map
	return map[string]*sql.DB{"primary": db}
}

// Their call sites are judged: a handler that builds shards per request
// creates pools per request.
func (f *Factory) HandleShards(w http.ResponseWriter, r *http.Request) {
	_ = f.Shards(r.Context()) // want `\(\*behaviour.Factory\).Shards → sql.Open creates a database connection pool in net/http handler \(\*Factory\).HandleShards`
	_ = f.ByName(r.Context()) // want `\(\*behaviour.Factory\).ByName → sql.Open creates a database connection pool in net/http handler \(\*Factory\).HandleShards`
}

// Count keeps the pools it puts in a slice: one pool per call.
func (f *Factory) Count(ctx context.Context) int {
	db, _ := sql.Open("postgres", f.dsn) // want `sql.Open creates a database connection pool in per-operation function \(\*Factory\).Count`
	defer db.Close()
	return len([]*sql.DB{db})
}
