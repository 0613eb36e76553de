package b

import (
	"database/sql"
	"net/http"
)

// The unconditional mark of the pool summaries (callgraph.MustSummaries):
// a chain whose every step runs on every normal path says "(on every
// path)", and only such a fact is trusted by another module.

// Fallback opens a pool only when none is given: after an early return.
func Fallback(shared *sql.DB, dsn string) (*sql.DB, error) { // want Fallback:`creates database connection pool: sql.Open$`
	if shared != nil {
		return shared, nil
	}
	return sql.Open("postgres", dsn)
}

// Through opens a pool on every call, through OpenDB.
func Through(dsn string) (*sql.DB, error) { // want Through:`creates database connection pool: b.OpenDB → sql.Open \(on every path\)$`
	return OpenDB(dsn)
}

// Either opens a database pool on a branch and an HTTP transport on every
// call: the fact carries the unconditional chain and what it creates.
func Either(dsn string, db bool) *http.Client { // want Either:`creates HTTP transport \(connection pool\): &http.Transport{} \(on every path\)$`
	if db {
		_, _ = sql.Open("postgres", dsn)
	}
	return &http.Client{Transport: &http.Transport{}}
}

// Sometimes opens a pool through OpenDB on a branch only.
func Sometimes(dsn string, fresh bool) (*sql.DB, error) { // want Sometimes:`creates database connection pool: b.OpenDB → sql.Open$`
	if fresh {
		return OpenDB(dsn)
	}
	return nil, nil
}
