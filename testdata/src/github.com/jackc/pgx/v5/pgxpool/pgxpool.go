// Package pgxpool is a stub of github.com/jackc/pgx/v5/pgxpool for lifelint fixtures.
// Add declarations in new files of this directory; do not redefine these.
package pgxpool

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

type Config struct{ MaxConns int32 }

type Pool struct{}

func New(ctx context.Context, connString string) (*Pool, error)        { return &Pool{}, nil }
func NewWithConfig(ctx context.Context, config *Config) (*Pool, error) { return &Pool{}, nil }
func ParseConfig(connString string) (*Config, error)                   { return &Config{}, nil }
func (p *Pool) Close()                                                 {}
func (p *Pool) Ping(ctx context.Context) error                         { return nil }
func (p *Pool) Begin(ctx context.Context) (pgx.Tx, error)              { return nil, nil }
func (p *Pool) Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error) {
	return nil, nil
}
func (p *Pool) QueryRow(ctx context.Context, sql string, args ...any) pgx.Row { return nil }
func (p *Pool) Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error) {
	return pgconn.CommandTag{}, nil
}
