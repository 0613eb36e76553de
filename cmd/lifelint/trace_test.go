package main_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestTrace: LIFELINT_TRACE records one vet line per analyzed package and
// one run line per analyzer, changes no output, and stays empty when go
// vet replays the results from its cache; without it nothing is written.
func TestTrace(t *testing.T) {
	bin := lifelintTestBin(t)
	dir := writeModule(t, map[string]string{"m.go": badGo})
	lint := func(gocache, trace string) result {
		t.Helper()
		cmd := exec.Command(bin, "./...")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=", "GOCACHE="+gocache, "LIFELINT_TRACE="+trace)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		r := result{stdout: stdout.String(), stderr: stderr.String()}
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			r.code = exit.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return r
	}
	tmp := t.TempDir()
	cache := filepath.Join(tmp, "gocache")

	// Off: an empty LIFELINT_TRACE writes nothing and changes nothing.
	lint(filepath.Join(tmp, "gocache-off"), "").want(t, 1, badOut)

	// On, cold cache: same output, and the package and its analyzers traced.
	trace := filepath.Join(tmp, "trace")
	lint(cache, trace).want(t, 1, badOut)
	data, err := os.ReadFile(trace)
	if err != nil {
		t.Fatalf("no trace written: %v", err)
	}
	vetLine := regexp.MustCompile(`(?m)^vet\t\d+\texample\.com/m\troot$`)
	runLine := regexp.MustCompile(`(?m)^run\t\d+\texample\.com/m\troot\tlifelinttest\t\d+\t\d+$`)
	if !vetLine.Match(data) || !runLine.Match(data) {
		t.Errorf("trace lacks the vet and lifelinttest lines of example.com/m:\n%s", data)
	}
	for line := range strings.Lines(string(data)) {
		if f := strings.Split(strings.TrimSuffix(line, "\n"), "\t"); !(f[0] == "vet" && len(f) == 4 || f[0] == "run" && len(f) == 7) {
			t.Errorf("malformed trace line %q", line)
		}
	}

	// Warm: go vet replays the result, so no vet tool process analyzes
	// anything and the trace stays empty.
	warm := filepath.Join(tmp, "trace-warm")
	lint(cache, warm).want(t, 1, badOut)
	if data, err := os.ReadFile(warm); err == nil && len(data) > 0 {
		t.Errorf("warm rerun traced analysis, want none:\n%s", data)
	}
}
