package main_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestListCacheRuns: the listing cache (listcache.go) spares a rerun the
// go list, and a change that go list would see makes the next run list
// again and report what the change brought. A wrapper named go, first in
// PATH, logs each go list before it runs the real go command.
func TestListCacheRuns(t *testing.T) {
	bin, log, gocache := goLogger(t, "list")
	dir := writeModule(t, map[string]string{
		"a/a.go": "package a\n\nfunc Bad() {}\n\nfunc F() { Bad() }\n",
	})
	// Every file and directory an hour old, so that the two-second rule
	// does not refuse the listing of files the test just wrote.
	age := func() {
		t.Helper()
		old := time.Now().Add(-time.Hour)
		for _, rel := range []string{"go.mod", "a/a.go", "b/b.go", "a", "b", "."} {
			if err := os.Chtimes(filepath.Join(dir, rel), old, old); err != nil && !os.IsNotExist(err) {
				t.Fatal(err)
			}
		}
	}
	age()
	env := []string{"PATH=" + bin + string(os.PathListSeparator) + os.Getenv("PATH"),
		"XDG_CACHE_HOME=" + t.TempDir(), "GOCACHE=" + gocache}
	lists := func() int {
		data, _ := os.ReadFile(log)
		return strings.Count(string(data), "list -find")
	}
	check := func(step string, wantLists int, wantOut ...string) {
		t.Helper()
		r := runEnv(t, dir, env, "-enable=lifelinttest", "./...")
		if r.code != 1 {
			t.Errorf("%s: exit %d, want 1 (findings):\n%s%s", step, r.code, r.stdout, r.stderr)
		}
		for _, w := range wantOut {
			if !strings.Contains(r.stdout, w) {
				t.Errorf("%s: output lacks %q:\n%s", step, w, r.stdout)
			}
		}
		if got := lists(); got != wantLists {
			t.Errorf("%s: %d go lists so far, want %d", step, got, wantLists)
		}
	}
	const findA, findA2, findB = "a/a.go:5:12: ", "a/a.go:7:12: ", "b/b.go:5:12: "
	check("first run", 1, findA)
	check("rerun, nothing changed", 1, findA)
	check("second rerun", 1, findA)

	// An edit below the package clause: no list, and go vet reports what
	// the edit brought.
	writeFile(t, filepath.Join(dir, "a", "a.go"), "package a\n\nfunc Bad() {}\n\nfunc F() { Bad() }\n\nfunc G() { Bad() }\n")
	check("function added", 1, findA, findA2)

	// A new package: a change go list sees. Written just now, the
	// listing is not kept (two-second rule), so the next run lists too.
	writeFile(t, filepath.Join(dir, "b", "b.go"), "package b\n\nfunc Bad() {}\n\nfunc F() { Bad() }\n")
	check("new package", 2, findA, findA2, findB)
	check("rerun after a fresh change", 3, findA, findB)
	age()
	check("rerun once the change is old", 4, findA, findB)
	check("rerun, nothing changed since", 4, findA, findB)

	// go.mod edited (its modification time changes).
	writeFile(t, filepath.Join(dir, "go.mod"), "module example.com/m\n\ngo 1.26\n\n// edited\n")
	check("go.mod edited", 5, findA, findB)
}

// goLogger writes a wrapper named go into a new directory bin, which logs
// each go command whose first argument is sub to log before it runs the
// real go command. gocache is the build cache the real one uses.
func goLogger(t *testing.T, sub string) (bin, log, gocache string) {
	t.Helper()
	realGo, err := exec.LookPath("go")
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(realGo, "env", "GOCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	bin = t.TempDir()
	log = filepath.Join(bin, sub+".log")
	script := "#!/bin/sh\nif [ \"$1\" = " + sub + " ]; then echo \"$*\" >> '" + log + "'; fi\nexec '" + realGo + "' \"$@\"\n"
	if err := os.WriteFile(filepath.Join(bin, "go"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return bin, log, strings.TrimSpace(string(out))
}

func writeFile(t *testing.T, name, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
