package main

import (
	"database/sql"
	"testing"
)

// TestOpen defers a Close and calls open: a test's defers are not the
// service's cleanup, so the loop's fail-stop stays silent.
func TestOpen(t *testing.T) {
	db, err := sql.Open("pgx", "postgres://")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_ = open()
}
