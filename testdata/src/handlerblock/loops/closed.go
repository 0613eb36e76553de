package loops

import (
	"context"
	"database/sql"
)

// Forward leaves its loop only when its input channel is closed: a worker
// started once, not a per-operation function, although it takes a
// context. The statements after the receive run per message, so a
// context-less query there is reported; the same query before the loop
// runs once and is silent.
func Forward(ctx context.Context, in <-chan int, db *sql.DB) { // want Forward:`blocks: \(\*sql.DB\).Exec`
	_, _ = db.Exec("UPDATE workers SET started = now()") // ok: runs once, before the loop
	for {
		v, ok := <-in // ok: the loop's wait for its next message
		if !ok {
			return
		}
		_, _ = db.Exec("INSERT INTO seen VALUES ($1)", v) // want `\(\*sql.DB\).Exec in per-message loop`
	}
}

// ForwardFixed bounds the per-message work with its context.
func ForwardFixed(ctx context.Context, in <-chan int, db *sql.DB) {
	for {
		v, ok := <-in
		if !ok {
			return
		}
		_, _ = db.ExecContext(ctx, "INSERT INTO seen VALUES ($1)", v) // ok
	}
}
