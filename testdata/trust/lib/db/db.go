// Package db stands for a library that opens database pools.
package db

import "database/sql"

// Handle returns the shared pool, and opens a pool of its own only when
// none was configured: a fallback after an early return.
func Handle(shared *sql.DB, dsn string) (*sql.DB, error) {
	if shared != nil {
		return shared, nil
	}
	return sql.Open("postgres", dsn)
}

// Dial opens a new pool on every call.
func Dial(dsn string) (*sql.DB, error) {
	return sql.Open("postgres", dsn)
}
