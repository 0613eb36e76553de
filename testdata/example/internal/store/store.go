// Package store is the shop's data access layer over pgxpool and
// database/sql.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// ErrNotFound is returned when a row does not exist.
var ErrNotFound = errors.New("store: not found")

// Repo reads and writes the shop's tables. Its pools are created once in
// main and injected.
type Repo struct {
	pool *pgxpool.Pool
	db   *sql.DB
}

// NewRepo wraps pools created at startup.
func NewRepo(pool *pgxpool.Pool, db *sql.DB) *Repo {
	return &Repo{pool: pool, db: db}
}

// ProductName looks a product up by id. It takes no context: the query
// cannot be cancelled, so a request path that calls it blocks past its
// deadline (the finding is reported at the caller, in internal/api).
func (r *Repo) ProductName(id int64) (string, error) {
	var name string
	err := r.db.QueryRow("SELECT name FROM products WHERE id = $1", id).Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		return "", ErrNotFound
	}
	return name, err
}

// ProductNameContext is the context-aware form of ProductName.
func (r *Repo) ProductNameContext(ctx context.Context, id int64) (string, error) {
	var name string
	// OK(handlerblock): the Context variant.
	err := r.db.QueryRowContext(ctx, "SELECT name FROM products WHERE id = $1", id).Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		return "", ErrNotFound
	}
	return name, err
}

// Stock returns the units in stock of a product.
func (r *Repo) Stock(ctx context.Context, id int64) (int, error) {
	var n int
	err := r.pool.QueryRow(ctx, "SELECT units FROM stock WHERE product_id = $1", id).Scan(&n)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, ErrNotFound
	}
	return n, err
}

// Reserve takes qty units of a product out of stock for an order.
func (r *Repo) Reserve(ctx context.Context, orderID, productID int64, qty int) error {
	select {
	case <-ctx.Done():
		return nil // BUG(swallowedcancel): Reserve received ctx and reports success when it is done
	default:
	}
	tag, err := r.pool.Exec(ctx,
		"UPDATE stock SET units = units - $1 WHERE product_id = $2 AND units >= $1", qty, productID)
	if err != nil {
		return fmt.Errorf("reserve order %d: %w", orderID, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("reserve order %d: product %d out of stock", orderID, productID)
	}
	return nil
}

// Release puts reserved units back.
func (r *Repo) Release(ctx context.Context, productID int64, qty int) error {
	// OK(swallowedcancel): a done context is reported, not hidden.
	if err := ctx.Err(); err != nil {
		return err
	}
	_, err := r.pool.Exec(ctx, "UPDATE stock SET units = units + $1 WHERE product_id = $2", qty, productID)
	return err
}

// Audit records an admin action.
func (r *Repo) Audit(ctx context.Context, actor, action string) error {
	_, err := r.db.ExecContext(ctx, "INSERT INTO audit (actor, action) VALUES ($1, $2)", actor, action)
	return err
}

// PurgeStale deletes carts nobody touched for a day.
func (r *Repo) PurgeStale(ctx context.Context) (int64, error) {
	tag, err := r.pool.Exec(ctx, "DELETE FROM carts WHERE updated_at < now() - interval '1 day'")
	return tag.RowsAffected(), err
}

// ExpireReservations releases reservations of unpaid orders.
func (r *Repo) ExpireReservations(ctx context.Context) error {
	_, err := r.pool.Exec(ctx, "UPDATE orders SET state = 'expired' WHERE state = 'reserved' AND created_at < now() - interval '30 minutes'")
	return err
}
