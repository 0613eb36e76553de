package main_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lifelint/lifelint/analyzers"
)

// buildLifelint builds the binary once per test binary run.
func buildLifelint(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "lifelint")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// TestExampleService runs the built binary over testdata/example (real
// gin, pgx, go-redis and amqp091) and compares its exact diagnostics, pass
// by pass, with testdata/example/expected/<pass>.txt. A pass without a file
// must report nothing.
func TestExampleService(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and loads real libraries")
	}
	bin := buildLifelint(t)
	dir, err := filepath.Abs("../../testdata/example")
	if err != nil {
		t.Fatal(err)
	}
	// Every pass, the opt-in ones too, so that each expected file is checked.
	cmd := exec.Command(bin, "-enable", strings.Join(analyzers.Names(), ","), "./...")
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	code := 0
	var exitErr *exec.ExitError
	if errors.As(err, &exitErr) {
		code = exitErr.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	if code == 2 {
		t.Fatalf("lifelint exited 2:\n%s%s", stdout.String(), stderr.String())
	}
	got := map[string][]string{}
	total := 0
	for line := range strings.SplitSeq(strings.TrimSpace(stdout.String()), "\n") {
		if line == "" {
			continue
		}
		i := strings.LastIndex(line, " (")
		if i < 0 || !strings.HasSuffix(line, ")") {
			t.Errorf("malformed output line: %q", line)
			continue
		}
		pass := line[i+2 : len(line)-1]
		if !slices.Contains(analyzers.Names(), pass) {
			t.Errorf("unknown pass in line: %q", line)
		}
		got[pass] = append(got[pass], line)
		total++
	}
	if want := min(total, 1); code != want {
		t.Errorf("exit code = %d with %d findings, want %d", code, total, want)
	}
	for _, pass := range analyzers.Names() {
		wantFile := filepath.Join(dir, "expected", pass+".txt")
		data, err := os.ReadFile(wantFile)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		var want []string
		for line := range strings.SplitSeq(strings.TrimSpace(string(data)), "\n") {
			if line != "" && !strings.HasPrefix(line, "#") {
				want = append(want, line)
			}
		}
		if !slices.Equal(got[pass], want) {
			t.Errorf("%s: diagnostics differ from %s\n got:\n\t%s\nwant:\n\t%s", pass, wantFile,
				strings.Join(got[pass], "\n\t"), strings.Join(want, "\n\t"))
		}
	}
}

// TestOptInPass checks that an opt-in pass (registry NonDefault: shutdown)
// does not run unless enabled by name.
func TestOptInPass(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and loads real libraries")
	}
	bin := buildLifelint(t)
	dir, err := filepath.Abs("../../testdata/example")
	if err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) string {
		cmd := exec.Command(bin, append(args, "./...")...)
		cmd.Dir = dir
		out, _ := cmd.Output()
		return string(out)
	}
	if out := run(); strings.Contains(out, "(shutdown)") {
		t.Errorf("default run reports the opt-in shutdown pass:\n%s", out)
	}
	if out := run("-enable", "shutdown"); !strings.Contains(out, "(shutdown)") {
		t.Errorf("-enable shutdown reports nothing of it:\n%s", out)
	}
}
