package unsupervisedgo

import (
	"go/ast"
	"go/parser"
	"go/token"
	"testing"
)

// TestLeaves pins what leaves counts as leaving a loop: select cases whose
// body returns, jumps out with goto or a labelled break, but not an
// unlabelled break (it leaves only the select), a continue, or code in a
// function literal (it runs elsewhere).
func TestLeaves(t *testing.T) {
	for _, tc := range []struct {
		body string
		want bool
	}{
		{"return", true},
		{"if x { return }", true},
		{"goto end", true},
		{"break loop", true},
		{"break", false},
		{"continue", false},
		{"continue loop", false},
		{"f()", false},
		{"panic(1)", false},
		{"func() { return }()", false},
		{"go func() { return }()", false},
		{"for { break out }", true},
	} {
		src := "package p\nfunc _() {\n" + tc.body + "\n}\n"
		f, err := parser.ParseFile(token.NewFileSet(), "p.go", src, 0)
		if err != nil {
			t.Fatalf("%q: %v", tc.body, err)
		}
		stmts := f.Decls[0].(*ast.FuncDecl).Body.List
		if got := leaves(stmts); got != tc.want {
			t.Errorf("leaves(%q) = %v, want %v", tc.body, got, tc.want)
		}
	}
}
