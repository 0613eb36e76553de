package main_test

import (
	"regexp"
	"strings"
	"testing"
)

// TestProgressAndSummary: with a progress display (forced with
// LIFELINT_PROGRESS=1, as a terminal would get it) stderr shows packages
// analyzed out of the total go vet analyzes and always ends with a
// summary; stdout is the same as without; -q silences both.
func TestProgressAndSummary(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"m.go": badGo,
		// a: a test variant replaces the package; x: an external test
		// package adds one; e: no Go files at all besides the test.
		"a/a.go":      "package a\n\nfunc Bad() {}\n\nfunc F() { Bad(); Bad() }\n",
		"a/a_test.go": "package a\n\nimport \"testing\"\n\nfunc TestA(t *testing.T) {}\n",
		"x/x.go":      "package x\n\nfunc Good() {}\n",
		"x/x_test.go": "package x_test\n\nimport \"testing\"\n\nfunc TestX(t *testing.T) {}\n",
		"d/doc.txt":   "not a package\n",
	})
	plain := run(t, dir, "./...")
	plain.want(t, 1, "a/a.go:5:12: call of Bad; call Good instead (lifelinttest)\na/a.go:5:19: call of Bad; call Good instead (lifelinttest)\n"+badOut)
	const sum = "lifelint: 3 findings: lifelinttest 3\n"
	if !strings.HasSuffix(plain.stderr, sum) {
		t.Errorf("stderr does not end with the summary %q:\n%q", sum, plain.stderr)
	}
	if strings.Contains(plain.stderr, "packages analyzed") {
		t.Errorf("progress shown on a stderr that is not a terminal:\n%q", plain.stderr)
	}
	// 4 vet units: m, a's test variant, x, x_test. Twice: the second run
	// comes from go vet's cache and must count the same.
	for range 2 {
		r := runEnv(t, dir, []string{"LIFELINT_PROGRESS=1"}, "./...")
		r.want(t, 1, plain.stdout)
		if !strings.Contains(r.stderr, "\rlifelint: 4/4 packages analyzed") && !strings.Contains(r.stderr, "lifelint: 4/4 packages analyzed") {
			t.Errorf("progress never reached 4/4:\n%q", r.stderr)
		}
		if !regexp.MustCompile(`\r\x1b\[K` + regexp.QuoteMeta(sum) + `$`).MatchString(r.stderr) {
			t.Errorf("progress line not erased before the summary:\n%q", r.stderr)
		}
		if strings.Contains(r.stdout, "packages analyzed") {
			t.Errorf("progress in stdout:\n%s", r.stdout)
		}
	}
	for _, format := range []string{"json", "sarif"} {
		r := runEnv(t, dir, []string{"LIFELINT_PROGRESS=1"}, "-format", format, "./...")
		q := run(t, dir, "-q", "-format", format, "./...")
		if r.stdout != q.stdout || q.stderr != "" || !strings.HasSuffix(r.stderr, sum) {
			t.Errorf("-format %s: stdout differs with progress, or -q printed %q", format, q.stderr)
		}
	}
	q := runEnv(t, dir, []string{"LIFELINT_PROGRESS=1"}, "-q", "./...")
	q.want(t, 1, plain.stdout)
	if q.stderr != "" {
		t.Errorf("-q: stderr = %q, want nothing", q.stderr)
	}

	clean := writeModule(t, map[string]string{"m.go": "package m\n\nfunc Good() {}\n"})
	c := run(t, clean, "./...")
	c.want(t, 0, "")
	if c.stderr != "lifelint: no findings\n" {
		t.Errorf("clean: stderr = %q", c.stderr)
	}
}
