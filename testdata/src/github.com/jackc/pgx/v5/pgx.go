// Package pgx is a stub of github.com/jackc/pgx/v5 for lifelint fixtures.
// Add declarations in new files of this directory; do not redefine these.
package pgx

import (
	"context"

	"github.com/jackc/pgx/v5/pgconn"
)

type Rows interface {
	Next() bool
	Scan(dest ...any) error
	Close()
	Err() error
}

type Row interface {
	Scan(dest ...any) error
}

type Tx interface {
	Commit(ctx context.Context) error
	Rollback(ctx context.Context) error
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) Row
}

type ConnConfig struct{}

type Conn struct{}

func Connect(ctx context.Context, connString string) (*Conn, error)     { return &Conn{}, nil }
func ConnectConfig(ctx context.Context, cfg *ConnConfig) (*Conn, error) { return &Conn{}, nil }
func (c *Conn) Close(ctx context.Context) error                         { return nil }
func (c *Conn) Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error) {
	return pgconn.CommandTag{}, nil
}
func (c *Conn) Query(ctx context.Context, sql string, args ...any) (Rows, error) { return nil, nil }
func (c *Conn) QueryRow(ctx context.Context, sql string, args ...any) Row        { return nil }
func (c *Conn) Ping(ctx context.Context) error                                   { return nil }
