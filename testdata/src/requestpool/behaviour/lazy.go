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

// Catalog creates two clients lazily, behind one test that both are set;
// its refresh reaches them through a helper.
type Catalog struct {
	dsn     string
	reader  *sql.DB
	writer  *sql.DB
	archive *sql.DB
	mirror  *sql.DB
}

func (c *Catalog) init(ctx context.Context) error {
	if c.reader != nil && c.writer != nil {
		return nil
	}
	r, err := sql.Open("postgres", c.dsn) // ok: stored below, at most once per Catalog
	if err != nil {
		return err
	}
	w, err := sql.Open("postgres", c.dsn) // ok
	if err != nil {
		return err
	}
	c.reader, c.writer = r, w
	return nil
}

func (c *Catalog) Refresh(ctx context.Context) error {
	return c.init(ctx) // ok
}

// The test needs a field that is never stored: every call creates one.
func (c *Catalog) openArchive(ctx context.Context) error {
	if c.archive != nil && c.mirror != nil {
		return nil
	}
	a, err := sql.Open("postgres", c.dsn)
	if err != nil {
		return err
	}
	c.archive = a
	return nil
}

func (c *Catalog) Archive(ctx context.Context) error {
	return c.openArchive(ctx) // want `\(\*behaviour.Catalog\).openArchive → sql.Open creates a database connection pool in per-operation function \(\*Catalog\).Archive`
}
