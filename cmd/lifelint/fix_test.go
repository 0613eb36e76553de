package main_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFixAndDiff: -diff shows and -fix applies the suggested fixes of the
// findings the run reports, and only those: a finding suppressed by
// //lifelint:ignore, one in an excluded file and one dropped by
// -test=false keep their code (go fix -fixtool rewrites them all).
func TestFixAndDiff(t *testing.T) {
	suppressed := "package m\n\nfunc S() {\n\tBad() //lifelint:ignore lifelinttest kept on purpose\n}\n"
	excluded := "package ex\n\nfunc Bad() {}\n\nfunc E() {\n\tBad()\n}\n"
	inTest := "package m\n\nimport \"testing\"\n\nfunc TestM(t *testing.T) {\n\tBad()\n}\n"
	dir := writeModule(t, map[string]string{
		"m.go":          badGo,
		"s.go":          suppressed,
		"ex/ex.go":      excluded,
		"m_test.go":     inTest,
		".lifelint.yml": "exclude: [\"ex/**\"]\n",
	})
	read := func(name string) string {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	unchanged := func(when string) {
		t.Helper()
		for name, want := range map[string]string{"s.go": suppressed, "ex/ex.go": excluded, "m_test.go": inTest} {
			if got := read(name); got != want {
				t.Errorf("%s: %s was changed:\n%s", when, name, got)
			}
		}
	}

	d := run(t, dir, "-diff", "-test=false", "./...")
	d.want(t, 1, "--- a/m.go\n+++ b/m.go\n@@ -4,5 +4,5 @@\n func Good() {}\n \n func F() {\n-\tBad()\n+\tGood()\n }\n")
	if read("m.go") != badGo {
		t.Error("-diff changed m.go")
	}
	unchanged("-diff")

	f := run(t, dir, "-fix", "-test=false", "./...")
	f.want(t, 0, "")
	if !strings.Contains(f.stderr, "lifelint: applied 1 fix to 1 file") {
		t.Errorf("-fix stderr:\n%s", f.stderr)
	}
	if got, want := read("m.go"), strings.Replace(badGo, "\tBad()\n", "\tGood()\n", 1); got != want {
		t.Errorf("m.go after -fix:\n%s\nwant:\n%s", got, want)
	}
	unchanged("-fix")
	// What is left: the test file's finding, reported and not fixed.
	run(t, dir, "./...").want(t, 1, "m_test.go:6:2: call of Bad; call Good instead (lifelinttest)\n")
}

// TestFixRefusesBrokenFile: a fix whose result does not parse is not
// written; -fix says so and exits 2, and the finding is still reported.
func TestFixRefusesBrokenFile(t *testing.T) {
	src := "package m\n\nfunc Broken() {}\n\nfunc F() {\n\tBroken()\n}\n"
	dir := writeModule(t, map[string]string{"m.go": src})
	r := run(t, dir, "-fix", "./...")
	r.want(t, 2, "m.go:6:2: call of Broken (lifelinttest)\n")
	if !strings.Contains(r.stderr, "m.go: the fixed file would not parse") {
		t.Errorf("stderr:\n%s", r.stderr)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "m.go")); string(got) != src {
		t.Errorf("m.go was written:\n%s", got)
	}
}
