package loops

import (
	"context"
	"database/sql"
	"time"
)

type store struct{ db *sql.DB }

// count takes no context, so a per-operation caller blocks on it.
func (s *store) count() int {
	var n int
	_ = s.db.QueryRow("SELECT count(*) FROM jobs").Scan(&n) // ok: reported at the per-operation call
	return n
}

func (s *store) countContext(ctx context.Context) int {
	var n int
	_ = s.db.QueryRowContext(ctx, "SELECT count(*) FROM jobs").Scan(&n)
	return n
}

// RetryQuery leaves its loop on success: a retry loop, so its function stays
// per-operation and the context-less calls inside the loop are reported.
func (s *store) RetryQuery(ctx context.Context) error {
	for {
		if s.db.Ping() == nil { // want `\(\*sql.DB\).Ping in per-operation function \(\*store\).RetryQuery`
			return nil
		}
		_ = s.count() // want `calls \(\*loops.store\).count → \(\*sql.DB\).QueryRow in per-operation function \(\*store\).RetryQuery`
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Second):
		}
	}
}

// RetryQueryFixed passes the context to every attempt.
func (s *store) RetryQueryFixed(ctx context.Context) error {
	for {
		if s.db.PingContext(ctx) == nil { // ok
			return nil
		}
		_ = s.countContext(ctx) // ok
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Second):
		}
	}
}
