package driver

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
)

// TestList: one go list -find gives both the vet units and the modules
// (the CLI builds -lifelint.scope from them), in the module of the
// bundled example and in the standard library.
func TestList(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	dir, err := filepath.Abs("../../testdata/example")
	if err != nil {
		t.Fatal(err)
	}
	const mod = "github.com/lifelint/lifelint/testdata/example"
	l, err := List(context.Background(), dir, "", []string{"./...", "strings"})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{mod, "std"}; !slices.Equal(l.Modules, want) || !l.ModulesKnown {
		t.Errorf("Modules = %q (known %v), want %q", l.Modules, l.ModulesKnown, want)
	}
	for _, u := range []string{mod + "/cmd/shop", mod + "/internal/api", "strings", "strings_test"} {
		if !slices.Contains(l.Units, u) {
			t.Errorf("Units lacks %s: %q", u, l.Units)
		}
	}
}
