package main_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestResultCacheRuns: the result cache (resultcache.go) returns the last
// result of a command line without running go vet while nothing the
// result depends on has changed, and any such change (a Go or other file
// in the tree, the configuration, the flags, the tags) makes the run go to
// go vet again. A result from a failed run, or from a run during which a
// file changed, is not kept. A wrapper named go, first in PATH, logs each
// go vet before it runs the real go command.
func TestResultCacheRuns(t *testing.T) {
	bin, log, gocache := goLogger(t, "vet")
	dir := writeModule(t, map[string]string{
		"a/a.go":     "package a\n\nfunc Bad() {}\n\nfunc F() { Bad() }\n",
		"a/notes.md": "notes\n",
	})
	// What the test writes is made an hour old, so that the two-second
	// rule does not refuse the result of a run over files just written;
	// each call a second later than the last, as the edits of a real tree
	// get times of their own.
	base := time.Now().Add(-time.Hour)
	ages := 0
	age := func() {
		t.Helper()
		ages++
		old := base.Add(time.Duration(ages) * time.Second)
		err := filepath.WalkDir(dir, func(path string, _ os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if fi, err := os.Stat(path); err != nil || fi.ModTime().Before(base.Add(30*time.Minute)) {
				return err
			}
			return os.Chtimes(path, old, old)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	age()
	env := []string{"PATH=" + bin + string(os.PathListSeparator) + os.Getenv("PATH"),
		"XDG_CACHE_HOME=" + t.TempDir(), "GOCACHE=" + gocache}
	vets := func() int {
		data, _ := os.ReadFile(log)
		return strings.Count(string(data), "vet -vettool")
	}
	const replayNote = "(the last run's result: nothing it depends on changed)"
	check := func(step string, extraEnv []string, args []string, wantCode, wantVets int, wantOut ...string) result {
		t.Helper()
		r := runEnv(t, dir, append(append([]string{}, env...), extraEnv...), append([]string{"-enable=lifelinttest"}, args...)...)
		if r.code != wantCode {
			t.Errorf("%s: exit %d, want %d:\n%s%s", step, r.code, wantCode, r.stdout, r.stderr)
		}
		for _, w := range wantOut {
			if !strings.Contains(r.stdout, w) {
				t.Errorf("%s: output lacks %q:\n%s", step, w, r.stdout)
			}
		}
		if got := vets(); got != wantVets {
			t.Errorf("%s: %d go vet runs so far, want %d", step, got, wantVets)
		}
		return r
	}
	all := []string{"./..."}
	const findA, findA2, findB = "a/a.go:5:12: ", "a/a.go:7:12: ", "b/b.go:5:12: "

	first := check("first run", nil, all, 1, 1, findA)
	if strings.Contains(first.stderr, replayNote) {
		t.Errorf("first run: the summary says it was replayed:\n%s", first.stderr)
	}
	again := check("rerun, nothing changed", nil, all, 1, 1, findA)
	if again.stdout != first.stdout {
		t.Errorf("replayed output differs from the first run's:\n--- first\n%s--- replayed\n%s", first.stdout, again.stdout)
	}
	if !strings.Contains(again.stderr, replayNote) {
		t.Errorf("rerun: the summary does not say the result was replayed:\n%s", again.stderr)
	}
	check("-cache=false", nil, []string{"-cache=false", "./..."}, 1, 2, findA)
	check("rerun after -cache=false", nil, all, 1, 2, findA)
	check("other tags", nil, []string{"-tags=x", "./..."}, 1, 3, findA)
	check("other tags, rerun", nil, []string{"-tags=x", "./..."}, 1, 3, findA)
	check("LIFELINT_TRACE", []string{"LIFELINT_TRACE=" + filepath.Join(t.TempDir(), "trace")}, all, 1, 4, findA)

	// An edit of a function body, just made: go vet runs and its result
	// is not kept (the two-second rule), until the edit is old.
	writeFile(t, filepath.Join(dir, "a", "a.go"), "package a\n\nfunc Bad() {}\n\nfunc F() { Bad() }\n\nfunc G() { Bad() }\n")
	check("function added", nil, all, 1, 5, findA, findA2)
	check("rerun after a fresh change", nil, all, 1, 6, findA, findA2)
	age()
	check("rerun once the change is old", nil, all, 1, 7, findA, findA2)
	check("rerun, nothing changed since", nil, all, 1, 7, findA, findA2)

	// Files other than Go files, and testdata, count: the fingerprint does
	// not guess what a build or a pass reads.
	writeFile(t, filepath.Join(dir, "a", "notes.md"), "notes, edited\n")
	age()
	check("a non-Go file edited", nil, all, 1, 8, findA)
	writeFile(t, filepath.Join(dir, "a", "testdata", "in.txt"), "x\n")
	age()
	check("a testdata file added", nil, all, 1, 9, findA)
	// A dot directory does not: no import path can name it.
	writeFile(t, filepath.Join(dir, ".git", "HEAD"), "ref: refs/heads/main\n")
	age()
	check("a file in .git", nil, all, 1, 9, findA)

	// The configuration file: its exclusions change the result.
	writeFile(t, filepath.Join(dir, ".lifelint.yml"), "exclude: [\"a/**\"]\n")
	age()
	r := check("configuration excludes a/", nil, all, 0, 10)
	if strings.Contains(r.stdout, findA) {
		t.Errorf("configuration excludes a/: still reported:\n%s", r.stdout)
	}
	check("configuration, rerun", nil, all, 0, 10)
	if err := os.Remove(filepath.Join(dir, ".lifelint.yml")); err != nil {
		t.Fatal(err)
	}
	age()
	// Back to the tree and command line of an earlier result: that result
	// holds again.
	check("configuration removed", nil, all, 1, 10, findA)

	// A package that does not type-check: the failed run is not kept.
	writeFile(t, filepath.Join(dir, "b", "b.go"), "package b\n\nfunc Bad() {}\n\nfunc F() { Bad(1) }\n")
	age()
	check("broken package", nil, all, 2, 11)
	check("broken package, rerun", nil, all, 2, 12)
	writeFile(t, filepath.Join(dir, "b", "b.go"), "package b\n\nfunc Bad() {}\n\nfunc F() { Bad() }\n")
	age()
	check("package fixed", nil, all, 1, 13, findA, findB)
	check("package fixed, rerun", nil, all, 1, 13, findA, findB)
}
