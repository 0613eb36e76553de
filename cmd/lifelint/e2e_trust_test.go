package main_test

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestTrustBoundary runs the built binary over testdata/trust/app, which
// calls a library of another module (example.com/lib, through a replace
// directive) whose context-aware Do dials without a context on a reconnect
// branch. Summaries do not cross module boundaries (issue 15: the
// knowledge tables decide for third-party code), so only the call of the
// app's own blocking helper is reported.
func TestTrustBoundary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildLifelint(t)
	dir, err := filepath.Abs("../../testdata/trust/app")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "./...")
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	_ = cmd.Run()
	got := strings.TrimSpace(stdout.String())
	want := "main.go:14:6: calls store.Lookup → net.Dial in net/http handler (*api).get:"
	if !strings.HasPrefix(got, want) || strings.Count(got, "\n") != 0 {
		t.Errorf("lifelint ./... in testdata/trust/app:\n%s\nstderr:\n%s\nwant exactly one finding starting %q", got, stderr.String(), want)
	}
}
