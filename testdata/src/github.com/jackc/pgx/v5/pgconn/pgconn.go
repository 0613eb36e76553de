// Package pgconn is a stub of github.com/jackc/pgx/v5/pgconn for lifelint fixtures.
package pgconn

type CommandTag struct{}
