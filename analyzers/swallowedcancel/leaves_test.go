package swallowedcancel

import (
	"go/ast"
	"go/parser"
	"testing"
)

// TestLeaves pins what counts as leaving a branch (return, break, goto,
// panic) for the loop and done-branch rules, including the known coarse
// spots: a break of a nested loop counts, and a call that exits the process
// does not.
func TestLeaves(t *testing.T) {
	for _, tc := range []struct {
		body string
		want bool
	}{
		{"{ return }", true},
		{"{ return err }", true},
		{"{ break }", true},
		{"{ goto done }", true},
		{`{ panic("stop") }`, true},
		{"{ if err != nil { return err } }", true},
		{"{ log.Print(err); return }", true},
		{"{ continue }", false},
		{"{ log.Print(err) }", false},
		{"{}", false},
		{"{ func() { return }() }", false},
		{`{ go func() { panic("x") }() }`, false},
		{`{ x.panic() }`, false},
		{"{ os.Exit(1) }", false},
		// A break of a nested loop or switch is taken as leaving (coarse).
		{"{ for { break } }", true},
		{"{ switch { default: break } }", true},
	} {
		e, err := parser.ParseExpr("func() " + tc.body)
		if err != nil {
			t.Fatalf("%s: %v", tc.body, err)
		}
		if got := leaves(e.(*ast.FuncLit).Body); got != tc.want {
			t.Errorf("leaves(%s) = %v, want %v", tc.body, got, tc.want)
		}
	}
}
