package ctxfield

import (
	"context"
	"database/sql"
	"time"
)

// Plain keeps a context that nothing waits on: it may be a parent for
// children or a carrier of values, of any lifetime. Its loop stops on a
// channel, and is reported as if the field were not there.
type Plain struct {
	ctx  context.Context
	db   *sql.DB
	stop chan struct{}
}

func (p *Plain) Run() {
	t := time.NewTicker(time.Minute)
	defer t.Stop()
	for {
		select {
		case <-p.stop:
			return
		case <-t.C:
			_, _ = p.db.Exec("VACUUM") // want `\(\*sql.DB\).Exec in per-tick loop: .*; use ExecContext\(ctx, \.\.\.\)`
			p.tidy()                   // want `calls \(\*ctxfield.Plain\).tidy → \(\*sql.DB\).ExecContext\(context.Background\(\)\) in per-tick loop: .*give the worker a context \(cancelled on shutdown\) or a stop channel`
		}
	}
}

func (p *Plain) tidy() {
	ctx := context.Background() // ok: no context in scope
	_, _ = p.db.ExecContext(ctx, "ANALYZE")
	_, _ = p.db.Exec("ANALYZE")
	_ = p.ctx
}

// lifetime is a context-like interface of the project's own: its Done is
// not a context's, and a field of its type is no context.
type lifetime interface {
	Done() <-chan struct{}
}

type Ticker struct {
	life lifetime
	db   *sql.DB
}

func (k *Ticker) Run() {
	t := time.NewTicker(time.Minute)
	defer t.Stop()
	for {
		select {
		case <-k.life.Done():
			return
		case <-t.C:
			_, _ = k.db.Exec("VACUUM")  // want `\(\*sql.DB\).Exec in per-tick loop: .*; use ExecContext\(ctx, \.\.\.\)`
			ctx := context.Background() // ok: no context in scope
			_ = ctx
		}
	}
}

// Pair waits on two context fields: which one is the loop's is a guess,
// so neither is offered.
type Pair struct {
	ctx, parent context.Context
	db          *sql.DB
}

func (p *Pair) Run() {
	t := time.NewTicker(time.Minute)
	defer t.Stop()
	for {
		select {
		case <-p.ctx.Done():
			return
		case <-p.parent.Done():
			return
		case <-t.C:
			_, _ = p.db.Exec("VACUUM")  // want `\(\*sql.DB\).Exec in per-tick loop: .*; use ExecContext\(ctx, \.\.\.\)`
			ctx := context.Background() // ok: no single context in scope
			_ = ctx
		}
	}
}

// poll is a function, not a method: the Worker it is handed is not its
// receiver, and its loop is not the Worker's.
func poll(w *Worker) {
	t := time.NewTicker(time.Minute)
	defer t.Stop()
	for range t.C {
		_, _ = w.db.Exec("VACUUM") // want `\(\*sql.DB\).Exec in per-tick loop: .*; use ExecContext\(ctx, \.\.\.\)`
	}
}
