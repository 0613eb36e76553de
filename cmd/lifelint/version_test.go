package main_test

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

// TestVersion: `lifelint version` and -V print the module version and
// the Go version instead of being taken for a package pattern, and the
// SARIF log names the same version.
func TestVersion(t *testing.T) {
	dir := t.TempDir()
	r := run(t, dir, "version")
	r.want(t, 0, "*")
	if !regexp.MustCompile(`^lifelint (\(devel\)|v\S+)\n(revision [0-9a-f]+( \(modified\))? \S*\n)?built with ` + regexp.QuoteMeta(runtime.Version()) + ` \S+/\S+\n$`).MatchString(r.stdout) {
		t.Errorf("lifelint version:\n%s", r.stdout)
	}
	for _, flag := range []string{"-V", "--version", "-version"} {
		run(t, dir, flag).want(t, 0, r.stdout)
	}

	mod := writeModule(t, map[string]string{"m.go": badGo})
	s := run(t, mod, "-format", "sarif", "./...")
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Version string `json:"version"`
				} `json:"driver"`
			} `json:"tool"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(s.stdout), &log); err != nil || len(log.Runs) != 1 {
		t.Fatalf("SARIF: %v\n%s", err, s.stdout)
	}
	// The module version; a build from a clone adds its revision.
	m := regexp.MustCompile(`^lifelint (\S+)\n(?:revision ([0-9a-f]{1,12})[0-9a-f]*( \(modified\))?)?`).FindStringSubmatch(r.stdout)
	want := m[1]
	if m[1] == "(devel)" && m[2] != "" {
		want = "devel+" + m[2]
		if m[3] != "" {
			want += "-dirty"
		}
	}
	if got := log.Runs[0].Tool.Driver.Version; got != want {
		t.Errorf("SARIF tool version = %q, want %q", got, want)
	}
}

// TestVersionRevision: a binary built from a git checkout with VCS
// stamping reports the revision it was built from.
func TestVersionRevision(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	head, err := exec.Command("git", "rev-parse", "HEAD").Output()
	if err != nil {
		t.Skip("not in a git checkout")
	}
	bin := filepath.Join(t.TempDir(), "lifelint")
	if out, err := exec.Command("go", "build", "-buildvcs=true", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Skipf("go build -buildvcs=true: %v\n%s", err, out)
	}
	if info, err := exec.Command("go", "version", "-m", bin).Output(); err != nil || !strings.Contains(string(info), "vcs.revision=") {
		// cmd/go does not stamp from a git worktree (.git is a file).
		t.Skip("go build recorded no VCS revision here")
	}
	out, err := exec.Command(bin, "version").Output()
	if err != nil {
		t.Fatal(err)
	}
	if want := "\nrevision " + strings.TrimSpace(string(head)); !strings.Contains(string(out), want) {
		t.Errorf("lifelint version:\n%s\nwant a line starting %q", out, want[1:])
	}
}
