package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/lifelint/lifelint/internal/driver"
)

// The scope flag (scope.go) needs a go list of the patterns before go vet
// can start, since the flag is part of go vet's cache keys. On a warm
// rerun, where go vet only replays its cache, that list is a few percent
// of the run (0.2 of 6.5 s on the bench's full set). So the CLI remembers
// the flag each run resolved for the same directory, patterns and options,
// and starts go vet at once with the remembered flag while go list runs
// beside it. The guess is only a head start: when go list resolves another
// flag (a module added to the patterns or to go.mod), the speculative go
// vet is stopped and the run starts again with the resolved flag, so a
// result never comes from a stale scope. The guesses are small files
// under the user's cache directory (os.UserCacheDir()/lifelint/scope);
// without one (no cache directory, or the first run) the run lists first,
// as before.

// scoped is what the go list of scopeFlag resolves: the vet tool flag
// ("" for none) and the vet units (nil when not listed).
type scoped struct {
	flag  string
	units []string
	// roots are the trees the listing depends on (listRoots); nil when
	// the listing cannot be kept.
	roots []string
}

// scopeGuesses reads and writes remembered scope flags. dir is "" when
// there is no cache directory: nothing is remembered then.
type scopeGuesses struct{ dir string }

func newScopeGuesses() scopeGuesses { return scopeGuesses{dir: userCacheDir("scope")} }

// userCacheDir returns the directory sub of lifelint's part of the user's
// cache directory, or "" when there is none.
func userCacheDir(sub string) string {
	d, err := os.UserCacheDir()
	if err != nil || d == "" {
		return ""
	}
	return filepath.Join(d, "lifelint", sub)
}

// key names the guess of a run: everything scopeFlag's result depends on
// that the command line and environment show.
func (scopeGuesses) key(dir, tags, factsFrom string, patterns []string) string {
	h := sha256.New()
	for _, s := range append([]string{dir, tags, factsFrom, os.Getenv("GOFLAGS"), os.Getenv("GOWORK"), os.Getenv("GO111MODULE")}, patterns...) {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// load returns the flag remembered under key, and whether there is one.
func (g scopeGuesses) load(key string) (string, bool) {
	if g.dir == "" {
		return "", false
	}
	data, err := os.ReadFile(filepath.Join(g.dir, key))
	if err != nil || !strings.HasPrefix(string(data), "v1\n") {
		return "", false
	}
	return strings.TrimSuffix(strings.TrimPrefix(string(data), "v1\n"), "\n"), true
}

// store remembers flag under key; failures are ignored (the guess is an
// optimisation). It writes a temporary file and renames it, so that
// concurrent runs never read half a guess.
func (g scopeGuesses) store(key, flag string) {
	if g.dir == "" {
		return
	}
	if old, ok := g.load(key); ok && old == flag {
		return
	}
	writeAtomic(g.dir, key, []byte("v1\n"+flag+"\n"))
}

// writeAtomic writes data to dir/name through a temporary file in dir and
// a rename, so that a concurrent reader sees the old file or the new one,
// never half of it. It makes dir first. Failures are ignored: its callers
// keep caches that are optimisations.
func writeAtomic(dir, name string, data []byte) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return
	}
	f, err := os.CreateTemp(dir, name+".tmp*")
	if err != nil {
		return
	}
	_, werr := f.Write(data)
	if cerr := f.Close(); werr != nil || cerr != nil || os.Rename(f.Name(), filepath.Join(dir, name)) != nil {
		os.Remove(f.Name())
	}
}

// runScoped runs go vet (run, given the scope flag, the way to get the vet
// units and where go vet's stderr goes) under the scope resolve computes.
// With a guess it starts run with the guess at once, resolve running
// beside it, and keeps that run when resolve agrees; otherwise it stops it,
// drops what it wrote to stderr, and runs again with the resolved flag.
// Without a guess it resolves first. It returns the run's result and the
// resolved flag (for the next guess).
func runScoped(ctx context.Context, guess string, haveGuess bool, stderr io.Writer, resolve func() scoped,
	run func(ctx context.Context, flag string, units func(context.Context) []string, stderr io.Writer) (*driver.Result, error)) (*driver.Result, string, error) {
	if !haveGuess {
		sc := resolve()
		units := func(context.Context) []string { return sc.units }
		res, err := run(ctx, sc.flag, units, stderr)
		return res, sc.flag, err
	}
	var sc scoped
	got := make(chan struct{})
	go func() { sc = resolve(); close(got) }()
	units := func(c context.Context) []string {
		select {
		case <-got:
			return sc.units
		case <-c.Done():
			return nil
		}
	}
	type outcome struct {
		res *driver.Result
		err error
	}
	spec, stopSpec := context.WithCancel(ctx)
	defer stopSpec()
	held := &heldWriter{w: stderr}
	done := make(chan outcome, 1)
	go func() {
		res, err := run(spec, guess, units, held)
		done <- outcome{res, err}
	}()
	var o outcome
	ended := false
	select {
	case <-got:
	case o = <-done: // it ended early (an error, or ctx is done)
		ended = true
		<-got
	}
	if sc.flag == guess {
		held.release()
		if !ended {
			o = <-done
		}
		return o.res, sc.flag, o.err
	}
	stopSpec()
	if !ended {
		<-done
	}
	held.drop()
	res, err := run(ctx, sc.flag, units, stderr)
	return res, sc.flag, err
}

// heldWriter holds what the speculative run writes until the guess is
// known to be right (release: written out, and later writes go through)
// or wrong (drop: discarded, and so are later writes).
type heldWriter struct {
	mu      sync.Mutex
	w       io.Writer
	buf     []byte
	decided bool
	keep    bool
}

func (h *heldWriter) Write(p []byte) (int, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	switch {
	case !h.decided:
		h.buf = append(h.buf, p...)
	case h.keep && h.w != nil:
		return h.w.Write(p)
	}
	return len(p), nil
}

func (h *heldWriter) release() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.decided, h.keep = true, true
	if h.w != nil && len(h.buf) > 0 {
		h.w.Write(h.buf)
	}
	h.buf = nil
}

func (h *heldWriter) drop() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.decided, h.buf = true, nil
}
