package callgraph

import (
	"go/types"
	"testing"
)

// TestFactsKnown: which packages the scope flag says have facts.
func TestFactsKnown(t *testing.T) {
	pkg := func(path string) *types.Package { return types.NewPackage(path, "p") }
	for _, tc := range []struct {
		flag, path string
		want       bool
	}{
		{"", "example.com/lib/x", true}, // no scope: every package
		{"all", "example.com/lib/x", true},
		{"example.com/app", "example.com/app", true},
		{"example.com/app", "example.com/app/internal/store", true},
		{"example.com/app", "example.com/application", false}, // a prefix of the path, not of a path element
		{"example.com/app", "example.com/lib/x", false},
		{"example.com/app", "net/http", false}, // std without "std"
		{"std,example.com/app", "net/http", true},
		{"app", "app/cmd", true}, // a module path without a dot
		{"-", "example.com/app", false},
	} {
		g := &Graph{scope: parseScope(tc.flag)}
		if got := g.FactsKnown(pkg(tc.path)); got != tc.want {
			t.Errorf("scope %q: FactsKnown(%s) = %v, want %v", tc.flag, tc.path, got, tc.want)
		}
	}
}
