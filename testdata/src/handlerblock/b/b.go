// Package b holds helpers that another package calls per request.
package b

import (
	"context"
	"database/sql"
	"net/http"
	"time"
)

// Repo wraps an injected pool.
type Repo struct{ db *sql.DB }

// Get has no context, so it is not a request path here: callers are told.
func (r *Repo) Get(id int) error { // want Get:`blocks: \(\*sql.DB\).QueryRow`
	return r.db.QueryRow("select name from users where id = $1", id).Err()
}

// Find blocks through an unexported helper.
func (r *Repo) Find(id int) error { // want Find:`blocks: \(\*b.Repo\).lookup → \(\*sql.DB\).QueryRow`
	return r.lookup(id)
}

func (r *Repo) lookup(id int) error {
	return r.db.QueryRow("select 1 where $1", id).Err()
}

// Fetch takes a context, so it is a request path itself: its body is
// reported here and callers are not (no fact).
func (r *Repo) Fetch(ctx context.Context, id int) error {
	return r.db.QueryRow("select 1 where $1", id).Err() // want `\(\*sql.DB\).QueryRow in per-operation function \(\*Repo\).Fetch`
}

// FetchCtx is the good form: nothing to summarise.
func (r *Repo) FetchCtx(ctx context.Context, id int) error {
	return r.db.QueryRowContext(ctx, "select 1 where $1", id).Err()
}

// Ping fetches through a helper that uses http.Get.
func Ping(url string) error { // want Ping:`blocks: b.fetch → http.Get`
	return fetch(url)
}

func fetch(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Retry waits through a func-valued field initialised to time.Sleep.
type Retrier struct {
	Sleep func(time.Duration) // want Sleep:`blocks: time.Sleep`
}

// DefaultRetrier sleeps for real.
var DefaultRetrier = Retrier{Sleep: time.Sleep}

// Wait calls the field.
func (r Retrier) Wait() { // want Wait:`blocks: time.Sleep`
	r.Sleep(time.Second)
}

var pause = time.Sleep

// Backoff calls a package-level func var set to time.Sleep.
func Backoff() { // want Backoff:`blocks: time.Sleep`
	pause(10 * time.Millisecond)
}

// Async blocks only in a goroutine it starts: not a blocking summary.
func Async() {
	go time.Sleep(time.Second)
	go func() { time.Sleep(time.Second) }()
}

// Later returns a closure that blocks when called, not when Later is.
func Later() func() {
	return func() { time.Sleep(time.Second) }
}

// Limiter bounds concurrency with a semaphore channel.
type Limiter struct{ sem chan struct{} }

// Acquire blocks while the limiter is full, and cannot be cancelled. Channel
// operations are not exported as facts (library internals would leak into
// chains), so callers in other packages are not told: a known miss.
func (l *Limiter) Acquire() {
	l.sem <- struct{}{}
}

// AcquireCtx is the good form.
func (l *Limiter) AcquireCtx(ctx context.Context) error {
	select {
	case l.sem <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Release does not block when Acquire was called first.
func (l *Limiter) Release() {
	<-l.sem
}
