package loops

import (
	"database/sql"
	"time"
)

func stopAll(db *sql.DB) { _, _ = db.Exec("UPDATE workers SET stopped = true") }

// flushLoop's per-tick work is reported; on a fatal error it stops the
// subsystem and returns: that runs once, when the worker ends, not per
// tick, and is silent.
func flushLoop(db *sql.DB, quit chan struct{}) {
	t := time.NewTicker(time.Minute)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			if _, err := db.Exec("CHECKPOINT"); err != nil { // want `\(\*sql.DB\).Exec in per-tick loop`
				stopAll(db) // the worker's exit path: silent
				return
			}
			db.Exec("ANALYZE") // want `\(\*sql.DB\).Exec in per-tick loop`
			func() error {
				_, err := db.Exec("VACUUM") // want `\(\*sql.DB\).Exec in per-tick loop`
				return err
			}()
		case <-quit:
			return
		}
	}
}
