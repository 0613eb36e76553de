// Command oneshot is a short-lived tool: it runs one job and exits, so the
// process exit closes its pool. It starts no server and handles no
// signals. Silent (and log.Fatal here runs before anything needs cleanup).
package main

import (
	"context"
	"database/sql"
	"log"
	"time"
)

func main() {
	db, err := sql.Open("pgx", "postgres://")
	if err != nil {
		log.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, err := db.ExecContext(ctx, "VACUUM"); err != nil {
		log.Print(err)
	}
}
