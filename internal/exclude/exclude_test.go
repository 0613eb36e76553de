package exclude

import (
	"os"
	"path/filepath"
	"testing"
)

func TestMatch(t *testing.T) {
	for _, tc := range []struct {
		glob, path string
		want       bool
	}{
		{"internal/gen/**", "internal/gen/x/y.go", true},
		{"internal/gen/**", "internal/gen", true},
		{"internal/gen/**", "internal/api/h.go", false},
		{"**/*_gen.go", "a/b/c_gen.go", true},
		{"**/*_gen.go", "c_gen.go", true},
		{"**/*_gen.go", "a/b/c.go", false},
		{"h/*.go", "h/h.go", true},
		{"h/*.go", "h/x/h.go", false},
		{"a/[b", "a/[b", false}, // malformed: matches nothing
	} {
		if got := Match(tc.glob, tc.path); got != tc.want {
			t.Errorf("Match(%q, %q) = %v, want %v", tc.glob, tc.path, got, tc.want)
		}
	}
}

func TestMatcherModuleRoot(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"go.mod", "gen/a.go", "sub/go.mod", "sub/gen/b.go"} {
		p = filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	m := New([]string{"gen/**"})
	for file, want := range map[string]bool{
		"gen/a.go":     true,
		"sub/gen/b.go": true, // relative to sub's own module
		"sub/x.go":     false,
		"x.go":         false,
	} {
		if got := m.Excluded(filepath.Join(dir, file)); got != want {
			t.Errorf("Excluded(%s) = %v, want %v", file, got, want)
		}
	}
	if New(nil).Excluded(filepath.Join(dir, "gen/a.go")) {
		t.Error("a nil Matcher excluded a file")
	}
}
