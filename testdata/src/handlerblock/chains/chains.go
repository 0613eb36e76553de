// Package chains pins where blocking helpers are reported: at the call on
// the request path, once per distinct chain in a package (issue 15).
package chains

import (
	"context"
	"database/sql"
	"net/http"
	"time"
)

type Storage struct{ db *sql.DB }

// UserByID takes no context, so every handler that calls it blocks.
func (s *Storage) UserByID(id int) string { // want UserByID:`blocks: \(\*sql.DB\).QueryRow`
	var name string
	_ = s.db.QueryRow("SELECT name FROM users WHERE id = $1", id).Scan(&name) // reported at the callers
	return name
}

// Count takes no context either; only a worker loop calls it.
func (s *Storage) Count() int { // want Count:`blocks: \(\*sql.DB\).QueryRow`
	var n int
	_ = s.db.QueryRow("SELECT count(*) FROM users").Scan(&n)
	return n
}

// CountContext is Count's fixed form.
func (s *Storage) CountContext(ctx context.Context) int {
	var n int
	_ = s.db.QueryRowContext(ctx, "SELECT count(*) FROM users").Scan(&n)
	return n
}

// UserByIDContext is the fixed form: silent at every caller.
func (s *Storage) UserByIDContext(ctx context.Context, id int) string {
	var name string
	_ = s.db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&name)
	return name
}

type API struct{ st *Storage }

// Three handlers call the same ctx-less method: one finding, at the first
// call, naming the others as related locations.
func (a *API) Profile(w http.ResponseWriter, r *http.Request) {
	_ = a.st.UserByID(1) // want `calls \(\*chains.Storage\).UserByID → \(\*sql.DB\).QueryRow in net/http handler \(\*API\).Profile, and at 2 more call sites \(3 request paths in all, see related locations\).*give \(\*chains.Storage\).UserByID a context.Context parameter`
}

func (a *API) Settings(w http.ResponseWriter, r *http.Request) {
	_ = a.st.UserByID(2) // related location of the finding above
}

func (a *API) Avatar(w http.ResponseWriter, r *http.Request) {
	_ = a.st.UserByID(3) // related location of the finding above
}

func (a *API) ProfileFixed(w http.ResponseWriter, r *http.Request) {
	_ = a.st.UserByIDContext(r.Context(), 1) // ok
}

// A helper that calls a blocking function is reported once, at the
// request path's call, with the whole chain; its own call is part of it.
func (a *API) Nested(w http.ResponseWriter, r *http.Request) {
	a.viaHelper() // want `calls \(\*chains.API\).viaHelper → \(\*chains.Storage\).Count → \(\*sql.DB\).QueryRow in net/http handler \(\*API\).Nested`
}

func (a *API) viaHelper() {
	_ = a.st.Count() // ok: reported at Nested's call
}

// audit blocks, but the handler starts it as a goroutine: it runs beside
// the request, so neither the go statement nor audit's body is reported
// (unsupervisedgo owns the goroutine).
func audit() {
	time.Sleep(time.Second)
	func() { time.Sleep(time.Second) }() // ok: audit is no request path at all
}

func (a *API) Audited(w http.ResponseWriter, r *http.Request) {
	go audit() // ok: not part of the request
}

// A per-tick loop with no context in scope is told to get one, not to
// "pass the request context down".
func poll(st *Storage) {
	t := time.NewTicker(time.Second)
	for range t.C {
		_ = st.Count() // want `calls \(\*chains.Storage\).Count → \(\*sql.DB\).QueryRow in per-tick loop: .*give the worker a context \(cancelled on shutdown\) or a stop channel`
	}
}

// pollFixed is the fixed form: the worker's context reaches the query.
func pollFixed(ctx context.Context, st *Storage) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			_ = st.CountContext(ctx) // ok
		}
	}
}

// startGoRoutine is a supervisor helper: it runs f in a goroutine that the
// server's WaitGroup tracks. A literal handed to it runs beside the
// request, not in it.
func (a *API) startGoRoutine(f func()) {
	go func() {
		f()
	}()
}

func (a *API) Refresh(w http.ResponseWriter, r *http.Request) {
	a.startGoRoutine(func() {
		time.Sleep(time.Second) // ok: runs in the helper's goroutine
		_ = a.st.UserByID(9)    // ok: likewise
	})
}

// runNow calls f in place: its literal is part of the request.
func runNow(f func()) { f() }

func (a *API) RefreshNow(w http.ResponseWriter, r *http.Request) {
	runNow(func() {
		time.Sleep(time.Second) // want `time.Sleep in net/http handler \(\*API\).RefreshNow`
	})
}
