package main_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestNewFromRevAndPatch: -new-from-rev reports only the findings on
// lines changed since the revision (and in untracked files);
// -new-from-patch those on the lines a diff adds.
func TestNewFromRevAndPatch(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not found")
	}
	old := strings.Replace(badGo, "func F() {\n\tBad()\n}\n", "func F() {\n\tBad()\n\tGood()\n}\n", 1)
	dir := writeModule(t, map[string]string{"m.go": old, "o/o.go": "package o\n\nfunc Bad() {}\n\nfunc O() { Bad() }\n"})
	git := func(args ...string) string {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"}, args...)...)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	git("init", "-q")
	git("add", ".")
	git("commit", "-q", "-m", "base")
	// Change line 8 (Good -> Bad); add an untracked package.
	if err := os.WriteFile(filepath.Join(dir, "m.go"), []byte(strings.Replace(old, "\tGood()\n}", "\tBad()\n}", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "u"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "u/u.go"), []byte("package u\n\nfunc Bad() {}\n\nfunc U() { Bad() }\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	all := "m.go:7:2: call of Bad; call Good instead (lifelinttest)\nm.go:8:2: call of Bad; call Good instead (lifelinttest)\n" +
		"o/o.go:5:12: call of Bad; call Good instead (lifelinttest)\nu/u.go:5:12: call of Bad; call Good instead (lifelinttest)\n"
	run(t, dir, "./...").want(t, 1, all)
	newOnly := "m.go:8:2: call of Bad; call Good instead (lifelinttest)\nu/u.go:5:12: call of Bad; call Good instead (lifelinttest)\n"
	run(t, dir, "-new-from-rev", "HEAD", "./...").want(t, 1, newOnly)

	// The same change as a patch file (git diff leaves untracked files out).
	patch := filepath.Join(t.TempDir(), "change.patch")
	if err := os.WriteFile(patch, []byte(git("diff")), 0o644); err != nil {
		t.Fatal(err)
	}
	run(t, dir, "-new-from-patch", patch, "./...").want(t, 1, "m.go:8:2: call of Bad; call Good instead (lifelinttest)\n")

	// Nothing new: clean, even though old findings remain.
	git("add", ".")
	git("commit", "-q", "-m", "next")
	run(t, dir, "-new-from-rev", "HEAD", "./...").want(t, 0, "")
	r := run(t, dir, "-new-from-rev", "nosuchrev", "./...")
	r.want(t, 2, "")
	if !strings.Contains(r.stderr, "-new-from-rev: git diff") {
		t.Errorf("bad revision: stderr %q", r.stderr)
	}
	run(t, dir, "-new-from-rev", "HEAD", "-new-from-patch", patch, "./...").want(t, 2, "")
}
