// Package loops pins how loops are classified by their exits (issue 15
// item 2): a worker loop's body is the request path, a retry loop keeps its
// function per-operation, and a "wait, then work" loop's statements after
// the wait run per tick.
package loops

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

var errTransient = errors.New("transient")

func op(ctx context.Context) error { return ctx.Err() }

// Retry leaves its loop when op succeeds: a retry loop. The function stays
// per-operation, so its sleep is reported.
func Retry(ctx context.Context) error {
	for {
		if err := op(ctx); err == nil {
			return nil
		}
		time.Sleep(time.Second) // want `time.Sleep in per-operation function Retry`
	}
}

// RetryFixed waits on the context between attempts.
func RetryFixed(ctx context.Context) error {
	t := time.NewTimer(time.Second)
	defer t.Stop()
	for {
		if err := op(ctx); err == nil {
			return nil
		}
		select {
		case <-ctx.Done(): // ok
			return ctx.Err()
		case <-t.C:
			t.Reset(time.Second)
		}
	}
}

// Drive leaves only when its context is done or its input fails: a
// worker started once. Its pacing sleep is not a request-path sleep.
func Drive(ctx context.Context, db *sql.DB) error { // want Drive:`blocks: time.Sleep`
	for {
		if err := op(ctx); err != nil {
			return err
		}
		time.Sleep(time.Second) // ok: the worker's own pacing
	}
}

// Pace waits, then works: the statements after the sleep run per tick, so
// a context-less query there is reported; the sleep itself is the pacing.
func Pace(ctx context.Context, db *sql.DB) { // want Pace:`blocks: time.Sleep`
	for {
		time.Sleep(time.Minute) // ok: the loop's wait
		if ctx.Err() != nil {
			return
		}
		_, _ = db.Exec("DELETE FROM sessions WHERE expired") // want `\(\*sql.DB\).Exec in per-tick loop`
	}
}

// PaceFixed uses the context in the tick's work.
func PaceFixed(ctx context.Context, db *sql.DB) { // want PaceFixed:`blocks: time.Sleep`
	for {
		time.Sleep(time.Minute)
		if ctx.Err() != nil {
			return
		}
		_, _ = db.ExecContext(ctx, "DELETE FROM sessions WHERE expired") // ok
	}
}

// Ticked selects on a stop channel and a ticker, then works.
func Ticked(stop <-chan struct{}, db *sql.DB) {
	t := time.NewTicker(time.Minute)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
		}
		_, _ = db.Exec("VACUUM") // want `\(\*sql.DB\).Exec in per-tick loop`
	}
}

// TickedFixed bounds the tick's work with a context of its own.
func TickedFixed(ctx context.Context, db *sql.DB) {
	t := time.NewTicker(time.Minute)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		_, _ = db.ExecContext(ctx, "VACUUM") // ok
	}
}

type reloader struct {
	trigger chan struct{}
	stop    chan struct{}
	results chan int
}

// run is paced by selects that also watch its stop channel: silent.
func (m *reloader) run() {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-m.stop:
			return
		case <-t.C:
			select {
			case <-m.trigger: // ok: the select also returns on m.stop
			case <-m.stop:
				return
			}
			select {
			case <-time.After(time.Second): // ok: the select also returns on m.stop
			case <-m.stop:
				return
			}
		}
	}
}

// runBlocking's inner select watches nothing that ends it.
func (m *reloader) runBlocking() {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-m.stop:
			return
		case <-t.C:
			select { // want `select on m.trigger, m.results in per-tick loop`
			case <-m.trigger:
			case <-m.results:
			}
		}
	}
}
