package main_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestFactsScope: the vet tool's fast path (internal/vetscope). lifelint
// runs go vet with -lifelint.scope naming the modules of its patterns, so
// a dependency that go vet analyzes only for its facts is skipped (not
// type-checked, no analyzer runs) when it is in the standard library or in
// another module (example.com/lib, through a replace directive), and
// analyzed when it is in the module under analysis: the app's own
// internal/store, whose blocking summary the finding in main.go needs.
// -facts-from adds modules to the scope. Plain go vet -vettool (no flag)
// skips only the standard library. The
// findings are the same either way.
func TestFactsScope(t *testing.T) {
	bin := lifelintTestBin(t)
	dir, err := filepath.Abs("../../testdata/trust/app")
	if err != nil {
		t.Fatal(err)
	}
	// A table entry that matches nothing gives this run cache keys of its
	// own, so that go vet runs the vet tool instead of replaying results.
	unique := fmt.Sprintf("-lifelintconfig.blocking=example.com/none%d.F", time.Now().UnixNano())
	run := func(trace string, argv ...string) string {
		t.Helper()
		cmd := exec.Command(argv[0], argv[1:]...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=", "LIFELINT_TRACE="+trace)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		_ = cmd.Run()
		return stdout.String() + stderr.String()
	}
	want := "main.go:16:6: calls store.Lookup → net.Dial in net/http handler (*api).get"
	check := func(name, out, trace string, skipped, analyzed []string) {
		t.Helper()
		if !strings.Contains(out, want) {
			t.Errorf("%s: output lacks %q:\n%s", name, want, out)
		}
		data, err := os.ReadFile(trace)
		if err != nil {
			t.Fatalf("%s: no trace: %v", name, err)
		}
		for _, id := range skipped {
			q := regexp.QuoteMeta(id)
			if !regexp.MustCompile(`(?m)^vet\t\d+\t` + q + `\tskip$`).Match(data) {
				t.Errorf("%s: %s was not skipped", name, id)
			}
			if regexp.MustCompile(`(?m)^(vet|run)\t\d+\t` + q + `\t(facts|root)`).Match(data) {
				t.Errorf("%s: %s was analyzed, want skipped", name, id)
			}
		}
		for _, id := range analyzed {
			if !regexp.MustCompile(`(?m)^run\t\d+\t` + regexp.QuoteMeta(id) + `\tfacts\t`).Match(data) {
				t.Errorf("%s: %s was not analyzed for its facts", name, id)
			}
		}
		if t.Failed() {
			t.Logf("%s trace:\n%s", name, data)
		}
	}

	// Only the main package: internal/store is a facts-only dependency.
	tmp := t.TempDir()
	trace := filepath.Join(tmp, "cli.trace")
	out := run(trace, bin, unique, ".")
	check("lifelint .", out, trace,
		[]string{"net/http", "net", "context", "example.com/lib/client"},
		[]string{"example.com/app/internal/store"})

	// -facts-from adds a module: the library is analyzed for facts too.
	trace = filepath.Join(tmp, "facts-from.trace")
	out = run(trace, bin, unique, "-facts-from=example.com/lib", ".")
	check("lifelint -facts-from=example.com/lib .", out, trace,
		[]string{"net/http", "net", "context"},
		[]string{"example.com/app/internal/store", "example.com/lib/client"})

	trace = filepath.Join(tmp, "vet.trace")
	out = run(trace, "go", "vet", "-vettool="+bin, unique, ".")
	check("go vet -vettool", out, trace,
		[]string{"net/http", "net", "context"},
		[]string{"example.com/app/internal/store", "example.com/lib/client"})
}

// TestScopeUnknown: the vet tool hands its scope to the passes (the
// call-graph layer's scope flag), so that a package skipped for its facts
// is unknown rather than "does nothing". cmd/serve's serving path calls
// example.com/lib/boot.Install: silent under the default scope, where lib
// has no facts; reported with -facts-from=example.com/lib, where Install
// is analysed and handles no signal.
func TestScopeUnknown(t *testing.T) {
	bin := lifelintTestBin(t)
	dir, err := filepath.Abs("../../testdata/trust/app")
	if err != nil {
		t.Fatal(err)
	}
	unique := fmt.Sprintf("-lifelintconfig.blocking=example.com/none%d.F", time.Now().UnixNano())
	run := func(argv ...string) string {
		t.Helper()
		cmd := exec.Command(bin, append([]string{unique, "-enable=shutdown"}, argv...)...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=")
		out, _ := cmd.CombinedOutput()
		return string(out)
	}
	const finding = "main starts an HTTP server (server.Run → (*http.Server).ListenAndServe) but never handles SIGTERM or SIGINT"
	if out := run("./cmd/serve"); strings.Contains(out, finding) {
		t.Errorf("default scope: reported although lib was not analysed:\n%s", out)
	}
	if out := run("-facts-from=example.com/lib", "./cmd/serve"); !strings.Contains(out, finding) {
		t.Errorf("-facts-from=example.com/lib: want %q:\n%s", finding, out)
	}
}

// TestScopeGuess: the CLI remembers each run's scope flag and starts go
// vet with it on the next run while go list resolves the scope
// (scopeguess.go). A wrong guess must not leak into the result: with the
// remembered flag replaced by the default scope (lib not analysed), a run
// with -facts-from=example.com/lib still reports the finding that needs
// lib's facts, and the guess is corrected.
func TestScopeGuess(t *testing.T) {
	bin := lifelintTestBin(t)
	dir, err := filepath.Abs("../../testdata/trust/app")
	if err != nil {
		t.Fatal(err)
	}
	cache := t.TempDir()
	run := func() string {
		t.Helper()
		unique := fmt.Sprintf("-lifelintconfig.blocking=example.com/none%d.F", time.Now().UnixNano())
		cmd := exec.Command(bin, unique, "-enable=shutdown", "-facts-from=example.com/lib", "./cmd/serve")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=", "XDG_CACHE_HOME="+cache)
		out, _ := cmd.CombinedOutput()
		return string(out)
	}
	const finding = "main starts an HTTP server (server.Run → (*http.Server).ListenAndServe) but never handles SIGTERM or SIGINT"
	if out := run(); !strings.Contains(out, finding) {
		t.Fatalf("first run: want %q:\n%s", finding, out)
	}
	guesses, _ := filepath.Glob(filepath.Join(cache, "lifelint", "scope", "*"))
	if len(guesses) != 1 {
		t.Fatalf("guess files after the first run: %q, want one", guesses)
	}
	const right = "v1\n-lifelint.scope=example.com/app,example.com/lib\n"
	if data, _ := os.ReadFile(guesses[0]); string(data) != right {
		t.Fatalf("guess = %q, want %q", data, right)
	}
	if err := os.WriteFile(guesses[0], []byte("v1\n-lifelint.scope=example.com/app\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out := run(); !strings.Contains(out, finding) {
		t.Errorf("after a wrong guess: want %q:\n%s", finding, out)
	}
	if data, _ := os.ReadFile(guesses[0]); string(data) != right {
		t.Errorf("guess after the run = %q, want it corrected to %q", data, right)
	}
	if out := run(); !strings.Contains(out, finding) {
		t.Errorf("with the right guess: want %q:\n%s", finding, out)
	}
}
