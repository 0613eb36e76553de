package main_test

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestMain keeps the tests out of the user's cache directory: lifelint
// keeps its scope guesses and go list results there (os.UserCacheDir()/
// lifelint), and a test run must neither read what an earlier run or the
// user's own runs left nor leave records of its temporary modules behind.
// XDG_CACHE_HOME moves os.UserCacheDir on Linux and the BSDs, for the
// tests in this process and the lifelint and go processes they start.
// The go build cache would move with it (its default is under that
// directory), so GOCACHE is pinned to where it is now: the tests compile
// against a warm cache. Tests that count go list runs set their own.
func TestMain(m *testing.M) {
	os.Exit(testMain(m))
}

func testMain(m *testing.M) int {
	gocache, err := exec.Command("go", "env", "GOCACHE").Output()
	if err != nil {
		fmt.Fprintf(os.Stderr, "go env GOCACHE: %v\n", err)
		return 1
	}
	dir, err := os.MkdirTemp("", "lifelint-test-cache-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	os.Setenv("GOCACHE", strings.TrimSpace(string(gocache)))
	os.Setenv("XDG_CACHE_HOME", dir)
	return m.Run()
}
