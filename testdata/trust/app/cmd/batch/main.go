// Command batch exits through the library's helpers after a deferred
// cleanup.
package main

import (
	"database/sql"
	"os"

	"example.com/lib/fatal"
)

func main() {
	db, err := sql.Open("postgres", "postgres://")
	fatal.Must(err) // silent: nothing deferred yet
	defer db.Close()
	fatal.Must(os.Setenv("PGAPPNAME", "batch")) // silent: lib exits only on a branch
	fatal.Fail("done")                          // reported: lib's Fail exits on every call, skipping db.Close
}
