package behaviour

import (
	"context"
	"database/sql"
	"net/http"
)

// Discovery creates its client lazily, once per value: the early return on
// a set field and the store after the creation make it a cache.
type Discovery struct {
	dsn string
	db  *sql.DB
}

func (d *Discovery) client(ctx context.Context) (*sql.DB, error) {
	if d.db != nil {
		return d.db, nil
	}
	db, err := sql.Open("postgres", d.dsn) // ok: at most one per Discovery
	if err != nil {
		return nil, err
	}
	d.db = db
	return db, nil
}

// Refresh reaches the lazy client: silent.
func (d *Discovery) Refresh(ctx context.Context) error {
	db, err := d.client(ctx) // ok
	if err != nil {
		return err
	}
	return db.PingContext(ctx)
}

// eager creates a pool on every call and is reached through a helper: the
// handler's call is reported once, with the whole chain; the helper's own
// call is part of that chain.
func (d *Discovery) eager() *sql.DB {
	db, _ := sql.Open("postgres", d.dsn)
	go keep(db)
	return nil
}

func (d *Discovery) viaHelper() {
	d.eager() // ok: reported at Serve's call
}

func (d *Discovery) Serve(w http.ResponseWriter, r *http.Request) {
	d.viaHelper() // want `\(\*behaviour.Discovery\).viaHelper → \(\*behaviour.Discovery\).eager → sql.Open creates a database connection pool in net/http handler \(\*Discovery\).Serve`
}
