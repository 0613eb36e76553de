package analysisutil

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/ast/inspector"
)

// TestAssigned pins which occurrences of a local Assigned can follow: the
// values it hands to ok, and the occurrences that make it give up.
func TestAssigned(t *testing.T) {
	for _, tc := range []struct {
		body   string
		want   bool
		values int // values handed to ok
	}{
		{"x := 1; x = 2; _ = x", true, 2},
		{"var x int; x = 1; _ = x", true, 1},
		{"var x = 1; _ = x", true, 1},
		{"var x int; _ = x", false, 0},
		{"x, err := two(); _, _ = x, err", true, 1},
		{"x := 1; (x) = 2; _ = x", true, 2},
		{"x := 1; func() { x = 2 }(); _ = x", true, 2},
		{"x := 1; p := &x; _ = p", false, 1},
		{"x := 1; p := &(x); _ = p", false, 1},
		{"x := 1; for _, x = range []int{2} {}; _ = x", false, 1},
		{"x := 1; x++", false, 1},
		{"m := map[int]int{}; x, ok := m[0]; _, _ = x, ok", false, 0},
	} {
		src := "package p\nfunc two() (int, error) { return 0, nil }\nfunc f() {\n" + tc.body + "\n}\n"
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "p.go", src, 0)
		if err != nil {
			t.Fatalf("%s: %v", tc.body, err)
		}
		info := &types.Info{Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}}
		if _, err := new(types.Config).Check("p", fset, []*ast.File{f}, info); err != nil {
			t.Fatalf("%s: %v", tc.body, err)
		}
		insp := inspector.New([]*ast.File{f})
		var fn inspector.Cursor
		var x *types.Var
		for c := range insp.Root().Preorder((*ast.FuncDecl)(nil)) {
			if d := c.Node().(*ast.FuncDecl); d.Name.Name == "f" {
				fn = c
			}
		}
		for id, obj := range info.Defs {
			if id.Name == "x" {
				x = obj.(*types.Var)
			}
		}
		n := 0
		got := Assigned(info, fn, x, func(_ ast.Node, rhs inspector.Cursor) bool {
			n++
			return rhs.Valid()
		})
		if got != tc.want || n != tc.values {
			t.Errorf("Assigned(%q) = %v with %d values, want %v with %d", tc.body, got, n, tc.want, tc.values)
		}
	}
}
