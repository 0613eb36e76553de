// Package ctxfield pins where the context lives when a long-lived type
// keeps it in a field and stops when it is done (issue 15 item 5a): on the
// type's own per-message and per-tick loops, the field is the context to
// use, so the advice and the fixes name it. Membership is unchanged: a
// method without a context parameter is no request path by itself.
package ctxfield

import (
	"context"
	"database/sql"
	"net/http"
	"time"
)

// Worker runs under w.ctx: Run returns when it is done.
type Worker struct {
	ctx  context.Context
	db   *sql.DB
	jobs chan int
}

// Run's tick case runs per tick; w.ctx is the context there.
func (w *Worker) Run() { // want Run:`blocks: \(\*sql.DB\).Exec`
	_, _ = w.db.Exec("UPDATE workers SET started = now()") // ok: runs once, before the loop
	t := time.NewTicker(time.Minute)
	defer t.Stop()
	for {
		select {
		case <-w.ctx.Done():
			_, _ = w.db.Exec("UPDATE workers SET stopped = now()") // ok: on the way out
			return
		case <-t.C:
			_, _ = w.db.Exec("DELETE FROM sessions WHERE expired")        // want `\(\*sql.DB\).Exec in per-tick loop: .*; use ExecContext\(w.ctx, \.\.\.\)`
			_, _ = w.db.ExecContext(w.ctx, "DELETE FROM jobs WHERE done") // ok
			w.flush()                                                     // want `calls \(\*ctxfield.Worker\).flush → \(\*sql.DB\).QueryRow in per-tick loop: .*; pass the worker's context w.ctx down and use context-aware calls`
			w.flushFixed()                                                // ok
		}
	}
}

// flush runs per tick, called from Run's loop.
func (w *Worker) flush() {
	var n int
	_ = w.db.QueryRow("SELECT count(*) FROM jobs").Scan(&n)               // ok: reported at the call in Run, with the chain
	ctx, cancel := context.WithTimeout(context.Background(), time.Second) // want `context.Background in \(\*Worker\).flush, called from per-tick loop, where the worker's context w.ctx is available: .*; use w.ctx`
	defer cancel()
	_, _ = w.db.ExecContext(ctx, "UPDATE jobs SET n = $1", n)
}

// flushFixed is flush under the worker's context.
func (w *Worker) flushFixed() {
	var n int
	_ = w.db.QueryRowContext(w.ctx, "SELECT count(*) FROM jobs").Scan(&n) // ok
	ctx, cancel := context.WithTimeout(w.ctx, time.Second)                // ok
	defer cancel()
	_, _ = w.db.ExecContext(ctx, "UPDATE jobs SET n = $1", n)
}

// RunWith's loop has a context parameter: it is the one to use, here and
// in the methods the loop calls, not the field.
func (w *Worker) RunWith(ctx context.Context) {
	t := time.NewTicker(time.Minute)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			_, _ = w.db.Exec("VACUUM") // want `\(\*sql.DB\).Exec in per-tick loop: .*; use ExecContext\(ctx, \.\.\.\)`
			w.tidy()                   // want `calls \(\*ctxfield.Worker\).tidy → \(\*sql.DB\).Exec in per-tick loop: .*; pass the request context down and use context-aware calls`
		}
	}
}

func (w *Worker) tidy() {
	ctx := context.Background() // ok: which context the loop's caller meant is not known here
	_, _ = w.db.Exec("ANALYZE")
	_ = ctx
}

// ServeHTTP is a handler: its request context is r.Context(), and w.ctx is
// the worker's lifetime, not the request's.
func (w *Worker) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
	w.refresh() // want `calls \(\*ctxfield.Worker\).refresh → \(\*sql.DB\).Exec in net/http handler \(\*Worker\).ServeHTTP: .*; pass the request context down`
}

func (w *Worker) refresh() {
	ctx := context.Background() // ok: the request's context is r.Context(), not w.ctx
	_, _ = w.db.Exec("REFRESH MATERIALIZED VIEW stats")
	_ = ctx
}

// Queue reads its jobs until the channel is closed, and its owner waits
// on q.ctx: the field is waited on, so it is the queue's context.
type Queue struct {
	ctx  context.Context
	db   *sql.DB
	jobs chan int
}

func (q *Queue) Wait() { <-q.ctx.Done() }

func (q *Queue) Consume() {
	for {
		id, ok := <-q.jobs
		if !ok {
			return
		}
		var name string
		_ = q.db.QueryRow("SELECT name FROM jobs WHERE id = $1", id).Scan(&name)               // want `\(\*sql.DB\).QueryRow in per-message loop over a channel: .*; use QueryRowContext\(q.ctx, \.\.\.\)`
		_ = q.db.QueryRowContext(q.ctx, "SELECT name FROM jobs WHERE id = $1", id).Scan(&name) // ok
		func(q *Queue) {
			_ = q.db.Ping() // want `\(\*sql.DB\).Ping in per-message loop over a channel: .*; use PingContext\(ctx\)`
		}(nil)
	}
}
