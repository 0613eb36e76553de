package loops

import (
	"context"
	"database/sql"
	"time"
)

// Relay ranges over a channel it is given and leaves only when that
// channel is closed: a worker started once, not a per-operation function,
// although it takes a context. Its body runs per message, so a
// context-less query and a sleep there are reported; the same query
// before the loop runs once and is silent.
func Relay(ctx context.Context, in <-chan int, db *sql.DB) { // want Relay:`blocks: \(\*sql.DB\).Exec`
	_, _ = db.Exec("UPDATE workers SET started = now()") // ok: runs once, before the loop
	for v := range in {
		_, _ = db.Exec("INSERT INTO seen VALUES ($1)", v) // want `\(\*sql.DB\).Exec in per-message loop over a channel`
		time.Sleep(time.Second)                           // want `time.Sleep in per-message loop over a channel`
	}
}

// RelayFixed bounds the per-message work with its context.
func RelayFixed(ctx context.Context, in <-chan int, db *sql.DB) {
	for v := range in {
		_, _ = db.ExecContext(ctx, "INSERT INTO seen VALUES ($1)", v) // ok
		select {
		case <-ctx.Done(): // ok
			return
		case <-time.After(time.Second):
		}
	}
}

type queue struct {
	jobs chan int
	db   *sql.DB
}

// Handle ranges over a field's channel and also leaves when its context is
// done or a job fails: those are stop paths, so it is still a worker, and
// the failure's own path (the block that returns) is its exit, not per
// message.
func (q *queue) Handle(ctx context.Context) error { // want Handle:`blocks: \(\*sql.DB\).Exec`
	for j := range q.jobs {
		select {
		case <-ctx.Done():
			return ctx.Err()
		default:
		}
		if _, err := q.db.Exec("DELETE FROM jobs WHERE id = $1", j); err != nil { // want `\(\*sql.DB\).Exec in per-message loop over a channel`
			_, _ = q.db.Exec("UPDATE workers SET failed = true") // ok: the worker's exit path
			return err
		}
	}
	return nil
}

// HandleFixed passes the context to each job's query.
func (q *queue) HandleFixed(ctx context.Context) error {
	for j := range q.jobs {
		if _, err := q.db.ExecContext(ctx, "DELETE FROM jobs WHERE id = $1", j); err != nil { // ok
			return err
		}
	}
	return nil
}

// Sweep ranges over time.Tick: each round is a tick.
func Sweep(ctx context.Context, db *sql.DB) {
	for range time.Tick(time.Minute) {
		_, _ = db.Exec("DELETE FROM sessions WHERE expired") // want `\(\*sql.DB\).Exec in per-tick loop`
	}
}

// SweepFixed uses the context in the tick's work.
func SweepFixed(ctx context.Context, db *sql.DB) {
	for range time.Tick(time.Minute) {
		_, _ = db.ExecContext(ctx, "DELETE FROM sessions WHERE expired") // ok
	}
}

// Await leaves its loop when the event it waits for arrives: a search, not
// a worker, so it stays a per-operation function, before, in and after
// the loop.
func Await(ctx context.Context, events <-chan string, id string, db *sql.DB) error {
	_, _ = db.Exec("UPDATE waits SET n = n + 1") // want `\(\*sql.DB\).Exec in per-operation function Await`
	for ev := range events {
		if ev == id {
			return nil
		}
		time.Sleep(time.Millisecond) // want `time.Sleep in per-operation function Await`
	}
	return ctx.Err()
}

// Gather ranges over a channel it made for its own goroutines: a fan-in
// that ends with the operation, so the function stays per-operation.
func Gather(ctx context.Context, ids []int, db *sql.DB) int {
	out := make(chan int)
	go func() {
		defer close(out)
		for _, id := range ids {
			out <- id
		}
	}()
	n := 0
	for v := range out {
		n += v
	}
	time.Sleep(time.Second) // want `time.Sleep in per-operation function Gather`
	return n
}

// Each ranges over a slice: one operation's items, not messages.
func Each(ctx context.Context, ids []int, db *sql.DB) {
	for _, id := range ids {
		_, _ = db.Exec("DELETE FROM jobs WHERE id = $1", id) // want `\(\*sql.DB\).Exec in per-operation function Each`
	}
}

// relayNoContext has no context to honour: a background worker over a
// plain channel is not judged, in the range form as in the receive form.
func relayNoContext(in <-chan int, db *sql.DB) {
	for v := range in {
		_, _ = db.Exec("INSERT INTO seen VALUES ($1)", v) // ok: no context in scope
	}
	for {
		v, ok := <-in
		if !ok {
			return
		}
		_, _ = db.Exec("INSERT INTO seen VALUES ($1)", v) // ok: no context in scope
	}
}
