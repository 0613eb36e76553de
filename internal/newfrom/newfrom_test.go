package newfrom

import (
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func sorted(set map[int]bool) []int { return slices.Sorted(maps.Keys(set)) }

func TestFromPatch(t *testing.T) {
	patch := `diff --git a/a.go b/a.go
index 1..2 100644
--- a/a.go
+++ b/a.go
@@ -1,4 +1,5 @@
 package a
-func A() {}
+func A() { B() }
+++ not a header: an added line "++ not a header"
 
 var x = 1
@@ -10 +11 @@ func A() {}
-old
+new
\ No newline at end of file
diff --git a/gone.go b/gone.go
deleted file mode 100644
--- a/gone.go
+++ /dev/null
@@ -1,2 +0,0 @@
-package a
-var y = 2
diff --git a/new.go b/new.go
new file mode 100644
--- /dev/null
+++ b/new.go
@@ -0,0 +1,2 @@
+package a
+var z = 3
--- sub/c.go	2026-01-01 00:00:00
+++ sub/c.go	2026-01-02 00:00:00
@@ -3,0 +4,1 @@
+x
`
	lines, err := FromPatch(strings.NewReader(patch), "/repo")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]int{
		"/repo/a.go":     {2, 3, 11},
		"/repo/new.go":   {1, 2},
		"/repo/sub/c.go": {4},
	}
	if len(lines) != len(want) {
		t.Errorf("files = %v, want %v", slices.Sorted(maps.Keys(lines)), slices.Sorted(maps.Keys(want)))
	}
	for f, w := range want {
		if got := sorted(lines[f]); !slices.Equal(got, w) {
			t.Errorf("%s: lines %v, want %v", f, got, w)
		}
	}
	if !lines.Has("/repo/a.go", 3) || lines.Has("/repo/a.go", 4) || lines.Has("/repo/gone.go", 1) || lines.Has("/repo/other.go", 1) {
		t.Error("Has disagrees with the sets")
	}
	if _, err := FromPatch(strings.NewReader("+++ b/a.go\n@@ -x +1 @@\n"), "/repo"); err == nil {
		t.Error("a bad hunk header was accepted")
	}
}

// TestFromRev: committed, staged and unstaged changes since the
// revision, and untracked files as wholly new; ignored files are not.
func TestFromRev(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not found")
	}
	dir := t.TempDir()
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false", "-c", "diff.noprefix=true"}, args...)...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	write := func(name, content string) {
		t.Helper()
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	git("init", "-q")
	git("config", "diff.noprefix", "true") // FromRev must not depend on it
	write("a.go", "1\n2\n3\n")
	write("b.go", "1\n2\n")
	write(".gitignore", "ignored.go\n")
	git("add", ".")
	git("commit", "-q", "-m", "base")
	write("a.go", "1\nchanged\n3\nadded\n") // unstaged
	write("b.go", "1\n2\nstaged\n")
	git("add", "b.go")
	write("u/new.go", "x\n")
	write("ignored.go", "x\n")

	lines, err := FromRev(dir, "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	if got := sorted(lines[filepath.Join(dir, "a.go")]); !slices.Equal(got, []int{2, 4}) {
		t.Errorf("a.go: %v, want [2 4]", got)
	}
	if got := sorted(lines[filepath.Join(dir, "b.go")]); !slices.Equal(got, []int{3}) {
		t.Errorf("b.go: %v, want [3]", got)
	}
	if !lines.Has(filepath.Join(dir, "u/new.go"), 1) || lines.Has(filepath.Join(dir, "ignored.go"), 1) {
		t.Errorf("untracked and ignored files: %v", lines)
	}
	if _, err := FromRev(dir, "nosuchrev"); err == nil {
		t.Error("an unknown revision was accepted")
	}
}
