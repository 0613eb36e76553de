package fix

import (
	"context"
	"database/sql"
	"time"
)

// Sweeper runs under s.ctx: the fixes on its per-tick loop use it.
type Sweeper struct {
	ctx context.Context
	db  *sql.DB
}

func (s *Sweeper) Run() {
	t := time.NewTicker(time.Minute)
	defer t.Stop()
	for {
		select {
		case <-s.ctx.Done():
			return
		case <-t.C:
			_, _ = s.db.Exec("DELETE FROM sessions WHERE expired") // want `\(\*sql.DB\).Exec in per-tick loop: .*; use ExecContext\(s.ctx, \.\.\.\)`
			s.sweep()
		}
	}
}

func (s *Sweeper) sweep() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second) // want `context.Background in \(\*Sweeper\).sweep, called from per-tick loop, where the worker's context s.ctx is available`
	defer cancel()
	_, _ = s.db.ExecContext(ctx, "DELETE FROM tokens WHERE expired")
}
