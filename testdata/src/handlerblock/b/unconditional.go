package b

import (
	"database/sql"
	"time"
)

// The unconditional mark of the blocking summaries (callgraph.MustSummaries):
// a chain whose every step runs on every normal path says "(on every
// path)", and only such a fact is trusted by another module.

// Always blocks on every call.
func Always(db *sql.DB) error { // want Always:`blocks: \(\*sql.DB\).Exec \(on every path\)$`
	_, err := db.Exec("select 1")
	return err
}

// Sometimes blocks only on a branch.
func Sometimes(slow bool) { // want Sometimes:`blocks: time.Sleep$`
	if slow {
		time.Sleep(time.Second)
	}
}

// AfterReturn blocks only after an early return.
func AfterReturn(db *sql.DB, id int) error { // want AfterReturn:`blocks: \(\*sql.DB\).Exec$`
	if id == 0 {
		return nil
	}
	_, err := db.Exec("select 1")
	return err
}

// Through blocks on every call, through Always.
func Through(db *sql.DB) error { // want Through:`blocks: b.Always → \(\*sql.DB\).Exec \(on every path\)$`
	return Always(db)
}

// ThroughSometimes calls Always on a branch only.
func ThroughSometimes(db *sql.DB, ok bool) error { // want ThroughSometimes:`blocks: b.Always → \(\*sql.DB\).Exec$`
	if ok {
		return Always(db)
	}
	return nil
}

// Either blocks on every call, but its first blocking call is on a
// branch: the fact carries the unconditional chain.
func Either(db *sql.DB, slow bool) error { // want Either:`blocks: b.Always → \(\*sql.DB\).Exec \(on every path\)$`
	if slow {
		Sometimes(true)
	}
	return Always(db)
}
