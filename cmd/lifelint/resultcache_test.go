package main

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/lifelint/lifelint/internal/driver"
)

// TestResultFingerprintLinks: a link to a file counts by its target, so
// an edit of the target changes the fingerprint; a link to a directory
// (which the walk would not follow) makes the result not kept.
func TestResultFingerprintLinks(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	target := filepath.Join(outside, "gen.go")
	mustWrite(t, filepath.Join(dir, "go.mod"), "module example.com/m\n")
	mustWrite(t, target, "package m\n")
	if err := os.Symlink(target, filepath.Join(dir, "gen.go")); err != nil {
		t.Skip("no symbolic links:", err)
	}
	ageTree(t, dir)
	ageTree(t, outside)
	before, ok := resultFingerprint(dir, []string{dir}, time.Now())
	if !ok {
		t.Fatal("a tree with a link to a file: not kept")
	}
	mustWrite(t, target, "package m\n\nvar X int\n")
	ageTree(t, outside)
	after, ok := resultFingerprint(dir, []string{dir}, time.Now())
	if !ok || after == before {
		t.Errorf("the link's target edited: fingerprint kept %v, changed %v; want both", ok, after != before)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "linked")); err != nil {
		t.Fatal(err)
	}
	if _, ok := resultFingerprint(dir, []string{dir}, time.Time{}); ok {
		t.Error("a tree with a link to a directory: kept")
	}
}

// TestResultStoreRefuses: a failed run, a run with analysis errors and a
// run without the trees of a keepable listing leave no record, and drop
// the one there was.
func TestResultStoreRefuses(t *testing.T) {
	dir := t.TempDir()
	mustWrite(t, filepath.Join(dir, "go.mod"), "module example.com/m\n")
	ageTree(t, dir)
	c := resultCache{dir: t.TempDir()}
	ok := &driver.Result{Findings: []driver.Finding{{Pass: "p", File: filepath.Join(dir, "a.go"), Line: 1, Col: 1, Message: "m"}}}
	for _, tc := range []struct {
		name  string
		roots []string
		res   *driver.Result
	}{
		{"go vet failed", []string{dir}, &driver.Result{VetFailed: true}},
		{"analysis errors", []string{dir}, &driver.Result{Errors: []string{"p: pass: boom"}}},
		{"listing not keepable", nil, ok},
	} {
		c.store("k", dir, []string{dir}, ok, time.Now())
		if _, hit := c.lookup("k", dir); !hit {
			t.Fatalf("%s: the good result was not kept", tc.name)
		}
		c.store("k", dir, tc.roots, tc.res, time.Now())
		if _, hit := c.lookup("k", dir); hit {
			t.Errorf("%s: a record is left", tc.name)
		}
	}
	// A file modified during the run, or in the two seconds before it.
	start := time.Now()
	mustWrite(t, filepath.Join(dir, "a.go"), "package m\n")
	c.store("k", dir, []string{dir}, ok, start)
	if _, hit := c.lookup("k", dir); hit {
		t.Error("a file written during the run: the result was kept")
	}
}

func mustWrite(t *testing.T, name, content string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
