package main

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/lifelint/lifelint/internal/driver"
)

// ageTree sets the modification time of every file and directory under
// dir to an hour ago, so that the listing cache's two-second rule does not
// refuse the fresh files of a test.
func ageTree(t *testing.T, dir string) {
	t.Helper()
	old := time.Now().Add(-time.Hour)
	var all []string
	filepath.WalkDir(dir, func(p string, _ os.DirEntry, err error) error {
		if err == nil {
			all = append(all, p)
		}
		return nil
	})
	// Children first: touching a child does not change its parent's time,
	// but writing it did.
	slices.Reverse(all)
	for _, p := range all {
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
}

func mkfile(t *testing.T, name, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestFingerprint: the fingerprint changes with what a go list -find of
// the tree can see (a .go file edited, a directory added, go.mod edited,
// a file added to a package directory) and not with what it cannot (a
// file under testdata or a dot directory); a tree modified in the two
// seconds before the list cannot be fingerprinted for keeping.
func TestFingerprint(t *testing.T) {
	root := t.TempDir()
	mkfile(t, filepath.Join(root, "go.mod"), "module example.com/m\n")
	mkfile(t, filepath.Join(root, "a", "a.go"), "package a\n")
	mkfile(t, filepath.Join(root, "a", "testdata", "x.go"), "package x\n")
	mkfile(t, filepath.Join(root, ".git", "HEAD"), "ref\n")
	ageTree(t, root)
	sum := func() string {
		t.Helper()
		s, ok := fingerprint(root, []string{root}, time.Time{})
		if !ok {
			t.Fatal("no fingerprint")
		}
		return s
	}
	base := sum()
	if again := sum(); again != base {
		t.Fatalf("fingerprint not stable: %s, then %s", base, again)
	}
	if _, ok := fingerprint(root, []string{root}, time.Now()); !ok {
		t.Errorf("an aged tree: no fingerprint for keeping")
	}

	// Not seen: testdata and dot directories.
	mkfile(t, filepath.Join(root, "a", "testdata", "y.go"), "package y\n")
	mkfile(t, filepath.Join(root, ".git", "ORIG_HEAD"), "ref\n")
	if s := sum(); s != base {
		t.Errorf("a file under testdata or .git changed the fingerprint")
	}

	old := time.Now().Add(-time.Hour)
	for _, tc := range []struct {
		name   string
		change func()
	}{
		{"edited .go file", func() {
			mkfile(t, filepath.Join(root, "a", "a.go"), "//go:build ignore\n\npackage a\n")
			os.Chtimes(filepath.Join(root, "a", "a.go"), old.Add(time.Minute), old.Add(time.Minute))
		}},
		{"new package directory", func() {
			if err := os.Mkdir(filepath.Join(root, "b"), 0o755); err != nil {
				t.Fatal(err)
			}
		}},
		{"edited go.mod", func() {
			mkfile(t, filepath.Join(root, "go.mod"), "module example.com/m\n\ngo 1.26\n")
		}},
		{"new file in a package", func() {
			mkfile(t, filepath.Join(root, "a", "README"), "hi\n")
		}},
	} {
		before := sum()
		tc.change()
		if s := sum(); s == before {
			t.Errorf("%s: fingerprint unchanged", tc.name)
		}
	}

	// Modified now: not kept.
	if _, ok := fingerprint(root, []string{root}, time.Now()); ok {
		t.Errorf("a tree modified just now was fingerprinted for keeping")
	}
	if _, ok := fingerprint(root, []string{filepath.Join(root, "missing")}, time.Time{}); ok {
		t.Errorf("a missing root was fingerprinted")
	}
}

// TestListRoots: the trees a listing depends on, and the listings that
// cannot be kept.
func TestListRoots(t *testing.T) {
	wd := "/w/m"
	main := &driver.Listing{Units: []string{"example.com/m/a"}, Modules: []string{"example.com/m"}, ModulesKnown: true, MainDirs: []string{"/w/m"}}
	deps := &driver.Listing{Units: []string{"example.com/dep/a"}, Modules: []string{"example.com/dep"}, ModulesKnown: true}
	for _, tc := range []struct {
		name     string
		patterns []string
		l        *driver.Listing
		want     []string
		ok       bool
	}{
		{"./...", []string{"./..."}, main, []string{"/w/m"}, true},
		{"subtree inside the module", []string{"./a/...", "./b"}, main, []string{"/w/m"}, true},
		{"x... walks the parent", []string{"../other/x..."}, deps, []string{"/w/other"}, true},
		{"module cache only", []string{"example.com/dep/..."}, deps, nil, true},
		{"absolute path", []string{"/elsewhere/..."}, deps, []string{"/elsewhere"}, true},
		{"meta-pattern", []string{"all"}, main, nil, false},
		{"std", []string{"std"}, deps, nil, false},
		{"files", []string{"./a/a.go"}, main, nil, false},
		{"matched nothing", []string{"./..."}, &driver.Listing{Units: []string{}, ModulesKnown: true, NoMatch: true}, nil, false},
		{"outside", []string{"./..."}, &driver.Listing{Units: []string{"x"}, ModulesKnown: true, MainDirs: []string{"/w/m"}, Outside: true}, nil, false},
		{"GOPATH mode", []string{"./..."}, &driver.Listing{Units: []string{"x"}}, nil, false},
		{"no listing", []string{"./..."}, nil, nil, false},
	} {
		got, ok := listRoots(wd, tc.patterns, tc.l)
		if ok != tc.ok || ok && !slices.Equal(got, tc.want) {
			t.Errorf("%s: listRoots = %q, %v; want %q, %v", tc.name, got, ok, tc.want, tc.ok)
		}
	}
}

// TestListCacheRecord: a kept listing is returned while its fingerprint
// holds and not after a change; a listing that cannot be kept replaces
// nothing (an older record is dropped).
func TestListCacheRecord(t *testing.T) {
	root := t.TempDir()
	mkfile(t, filepath.Join(root, "go.mod"), "module example.com/m\n")
	mkfile(t, filepath.Join(root, "a", "a.go"), "package a\n")
	ageTree(t, root)
	c := listCache{dir: t.TempDir()}
	l := &driver.Listing{Units: []string{"example.com/m/a"}, Modules: []string{"example.com/m"}, ModulesKnown: true, MainDirs: []string{root}}
	c.store("k", root, []string{"./..."}, l, "-lifelint.scope=example.com/m", time.Now())
	sc, ok := c.lookup("k", root)
	if !ok || sc.flag != "-lifelint.scope=example.com/m" || !slices.Equal(sc.units, l.Units) {
		t.Fatalf("lookup = %+v, %v; want the stored listing", sc, ok)
	}
	if _, ok := c.lookup("other", root); ok {
		t.Errorf("lookup of another key hit")
	}
	mkfile(t, filepath.Join(root, "b", "b.go"), "package b\n")
	if _, ok := c.lookup("k", root); ok {
		t.Errorf("lookup hit after a package was added")
	}
	// Stored now, with b just written: refused, and the old record gone.
	c.store("k", root, []string{"./..."}, l, "-lifelint.scope=example.com/m", time.Now())
	if _, err := os.Stat(filepath.Join(c.dir, "k.json")); !os.IsNotExist(err) {
		t.Errorf("a listing of a tree modified just now was kept (stat: %v)", err)
	}
	if _, ok := (listCache{}).lookup("k", root); ok {
		t.Errorf("lookup without a cache directory hit")
	}
}
