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
// the tree can see (a build constraint or package clause edited, a .go
// file or a directory added, go.mod edited) and not with what it cannot
// (a function body edited, a file that is not Go, a file under testdata
// or a dot directory); a .go file whose size and modification time are
// remembered is not read again; a tree modified in the two seconds before
// the list cannot be fingerprinted for keeping.
func TestFingerprint(t *testing.T) {
	root := t.TempDir()
	aGo := filepath.Join(root, "a", "a.go")
	mkfile(t, filepath.Join(root, "go.mod"), "module example.com/m\n")
	mkfile(t, aGo, "package a\n\nfunc F() {}\n")
	mkfile(t, filepath.Join(root, "a", "testdata", "x.go"), "package x\n")
	mkfile(t, filepath.Join(root, ".git", "HEAD"), "ref\n")
	ageTree(t, root)
	sum := func() (string, map[string]fileSig) {
		t.Helper()
		s, files, ok := fingerprint(root, []string{root}, time.Time{}, nil)
		if !ok {
			t.Fatal("no fingerprint")
		}
		return s, files
	}
	base, files := sum()
	if again, _ := sum(); again != base {
		t.Fatalf("fingerprint not stable: %s, then %s", base, again)
	}
	if _, ok := files[aGo]; !ok || len(files) != 1 {
		t.Errorf("signatures = %v, want a/a.go only", files)
	}
	if _, _, ok := fingerprint(root, []string{root}, time.Now(), nil); !ok {
		t.Errorf("an aged tree: no fingerprint for keeping")
	}
	// A remembered signature is trusted: a wrong head shows it was not
	// read again.
	memo := map[string]fileSig{aGo: {Mod: files[aGo].Mod, Size: files[aGo].Size, Head: "wrong"}}
	if s, _, _ := fingerprint(root, []string{root}, time.Time{}, memo); s == base {
		t.Errorf("a remembered signature was not used")
	}

	for _, tc := range []struct {
		name   string
		change func()
		same   bool
	}{
		{"function body edited", func() { mkfile(t, aGo, "package a\n\nfunc F() { F() }\n") }, true},
		{"comment after the imports", func() { mkfile(t, aGo, "package a\n\nimport \"fmt\"\n\n// F.\nfunc F() { fmt.Println() }\n") }, true},
		{"file that is not Go", func() { mkfile(t, filepath.Join(root, "a", "README"), "hi\n") }, true},
		{"file under testdata", func() { mkfile(t, filepath.Join(root, "a", "testdata", "y.go"), "package y\n") }, true},
		{"file under .git", func() { mkfile(t, filepath.Join(root, ".git", "ORIG_HEAD"), "ref\n") }, true},
		{"build constraint", func() { mkfile(t, aGo, "//go:build ignore\n\npackage a\n\nfunc F() {}\n") }, false},
		{"package clause", func() { mkfile(t, aGo, "package a_test\n\nfunc F() {}\n") }, false},
		{"import \"C\"", func() { mkfile(t, aGo, "package a_test\n\nimport \"C\"\n\nfunc F() {}\n") }, false},
		{"new .go file", func() { mkfile(t, filepath.Join(root, "a", "b.go"), "package a\n") }, false},
		{"new directory", func() {
			if err := os.Mkdir(filepath.Join(root, "b"), 0o755); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"go.mod edited", func() { mkfile(t, filepath.Join(root, "go.mod"), "module example.com/m\n\ngo 1.26\n") }, false},
	} {
		before, _ := sum()
		tc.change()
		if after, _ := sum(); (after == before) != tc.same {
			t.Errorf("%s: fingerprint unchanged = %v, want %v", tc.name, after == before, tc.same)
		}
	}

	// Modified now: not kept.
	if _, _, ok := fingerprint(root, []string{root}, time.Now(), nil); ok {
		t.Errorf("a tree modified just now was fingerprinted for keeping")
	}
	if _, _, ok := fingerprint(root, []string{filepath.Join(root, "missing")}, time.Time{}, nil); ok {
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
