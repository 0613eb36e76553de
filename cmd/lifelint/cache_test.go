package main_test

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestFactsOnlyCacheEntries pins the cause of "later runs lost one
// package's findings" (issue 19). cmd/go keys a vet result by the vet
// tool's flags and the package's content, but not by whether the package
// was analyzed for itself or only for facts as a dependency (which prints
// nothing), and it caches the facts before the output, so an interrupted
// go vet (| head) leaves facts without output. Either way a later run got
// a cache hit with no output and silently reported nothing for the
// package.
func TestFactsOnlyCacheEntries(t *testing.T) {
	aGo := "package a\n\nfunc Bad() {}\n\nfunc F() { Bad() }\n"
	aOut := "a/a.go:5:12: call of Bad; call Good instead (lifelinttest)\n"
	files := map[string]string{
		"a/a.go":      aGo,
		"a/a_test.go": "package a_test\n\nimport \"testing\"\n\nfunc TestA(t *testing.T) {}\n",
		"b/b.go":      "package b\n\nimport \"example.com/m/a\"\n\nfunc G() { a.F() }\n",
		"c/c.go":      "package c\n\nfunc Bad() {}\n\nfunc H() { Bad() }\n",
	}
	// a is first analyzed only as b's dependency.
	dir := writeModule(t, files)
	run(t, dir, "./b").want(t, 0, "")
	run(t, dir, "./a").want(t, 1, aOut)
	dir = writeModule(t, files)
	run(t, dir, "./b").want(t, 0, "")
	run(t, dir, "./...").want(t, 1, aOut+"c/c.go:5:12: call of Bad; call Good instead (lifelinttest)\n")

	// go vet killed by SIGPIPE while it writes its output, with the very
	// flags lifelint passes it: whichever packages were being written
	// keep facts without output.
	dir = writeModule(t, files)
	cmd := exec.Command("sh", "-c", `go vet -vettool="$0" -json -lifelintignore.report=true ./... | head -c 1`, lifelintTestBin(t))
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=")
	cmd.Run() // fails by design
	r := run(t, dir, "./...")
	r.want(t, 1, aOut+"c/c.go:5:12: call of Bad; call Good instead (lifelinttest)\n")
	if strings.Contains(r.stderr, "panic") {
		t.Error(r.stderr)
	}
}
