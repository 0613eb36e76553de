package main

import (
	"context"
	"io"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lifelint/lifelint/internal/driver"
)

// TestRunScoped: with a guess, go vet starts before the scope is resolved;
// a right guess keeps that run and its stderr; a wrong one stops it, drops
// its stderr and runs again with the resolved flag; without a guess the
// scope is resolved first. The fake run records each start and blocks
// until its context ends or the units arrive.
func TestRunScoped(t *testing.T) {
	for _, tc := range []struct {
		name       string
		guess      string
		haveGuess  bool
		resolved   string
		wantStarts []string // flags run was started with, in order
		wantStderr string
	}{
		{"right guess", "-s=a", true, "-s=a", []string{"-s=a"}, "vet -s=a\n"},
		{"wrong guess", "-s=a", true, "-s=a,b", []string{"-s=a", "-s=a,b"}, "vet -s=a,b\n"},
		{"no guess", "", false, "-s=a", []string{"-s=a"}, "vet -s=a\n"},
		{"guess of no flag", "", true, "", []string{""}, "vet \n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var mu sync.Mutex
			var starts []string
			release := make(chan struct{}) // resolve waits until a guessed run has started
			resolve := func() scoped {
				if tc.haveGuess {
					<-release
				}
				return scoped{flag: tc.resolved, units: []string{"p"}}
			}
			run := func(ctx context.Context, flag string, units func(context.Context) []string, w io.Writer) (*driver.Result, error) {
				mu.Lock()
				starts = append(starts, flag)
				first := len(starts) == 1
				mu.Unlock()
				io.WriteString(w, "vet "+flag+"\n")
				if first && tc.haveGuess {
					close(release)
				}
				if u := units(ctx); ctx.Err() != nil {
					return nil, ctx.Err()
				} else if !slices.Equal(u, []string{"p"}) {
					t.Errorf("units = %q", u)
				}
				// Stay running a while: a wrong guess must stop us.
				select {
				case <-ctx.Done():
					return nil, ctx.Err()
				case <-time.After(50 * time.Millisecond):
				}
				return &driver.Result{Errors: []string{flag}}, nil
			}
			var stderr strings.Builder
			res, flag, err := runScoped(context.Background(), tc.guess, tc.haveGuess, &stderr, resolve, run)
			if err != nil {
				t.Fatal(err)
			}
			if flag != tc.resolved || res == nil || !slices.Equal(res.Errors, []string{tc.resolved}) {
				t.Errorf("flag %q, result %v; want the run under %q", flag, res, tc.resolved)
			}
			if !slices.Equal(starts, tc.wantStarts) {
				t.Errorf("runs started with %q, want %q", starts, tc.wantStarts)
			}
			if stderr.String() != tc.wantStderr {
				t.Errorf("stderr %q, want %q", stderr.String(), tc.wantStderr)
			}
		})
	}
}

// TestScopeGuesses: a stored guess is read back under its key, a missing or
// foreign file is no guess, and without a cache directory nothing is kept.
func TestScopeGuesses(t *testing.T) {
	g := scopeGuesses{dir: t.TempDir()}
	k := g.key("/src/app", "", "", []string{"./..."})
	if k == g.key("/src/app", "", "", []string{"./cmd/..."}) {
		t.Fatal("different patterns share a key")
	}
	if _, ok := g.load(k); ok {
		t.Fatal("guess before any store")
	}
	g.store(k, "-lifelint.scope=example.com/app")
	if f, ok := g.load(k); !ok || f != "-lifelint.scope=example.com/app" {
		t.Fatalf("load = %q, %v", f, ok)
	}
	g.store(k, "")
	if f, ok := g.load(k); !ok || f != "" {
		t.Fatalf("load of the empty flag = %q, %v", f, ok)
	}
	none := scopeGuesses{}
	none.store(k, "x")
	if _, ok := none.load(k); ok {
		t.Fatal("a guess without a cache directory")
	}
}
