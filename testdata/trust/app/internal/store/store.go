// Package store is the application's own storage layer: its summaries are
// trusted.
package store

import (
	"database/sql"
	"net"
)

// Lookup dials without a context.
func Lookup(addr string) error {
	c, err := net.Dial("tcp", addr)
	if err == nil {
		c.Close()
	}
	return err
}

// Open opens a new pool on every call.
func Open(dsn string) (*sql.DB, error) {
	return sql.Open("postgres", dsn)
}
