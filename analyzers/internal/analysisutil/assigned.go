package analysisutil

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// Assigned follows the values of a local variable: it calls ok for every
// value assigned to v in the function at fn (literals nested in it
// included), with the statement or spec that assigns it: x := e, x = e,
// var x = e, and the call of x, cancel := f(...). It reports whether v is
// assigned at least once and every occurrence of v in fn is a use, a
// declaration without a value (var x T) or such an assignment, each
// accepted by ok. Any occurrence it cannot follow makes it false: &x, a
// range variable, x++, a parameter, or an assignment from a tuple other
// than a call (x, ok := m[k]). Callers that recurse through ok bound the
// recursion themselves (x = wrap(x) assigns x a value derived from x).
func Assigned(info *types.Info, fn inspector.Cursor, v *types.Var, ok func(at ast.Node, rhs inspector.Cursor) bool) bool {
	found := false
	for id := range fn.Preorder((*ast.Ident)(nil)) {
		if info.ObjectOf(id.Node().(*ast.Ident)) != v {
			continue
		}
		rhs, followed := assignedValue(id)
		if !followed {
			return false
		}
		if !rhs.Valid() {
			continue // a use, or var x T
		}
		found = true
		if !ok(id.Parent().Node(), rhs) {
			return false
		}
	}
	return found
}

// assignedValue classifies the occurrence of a variable at id: the cursor
// of the value it is assigned, the zero cursor for a use or a declaration
// without a value, and false for anything Assigned cannot follow.
func assignedValue(id inspector.Cursor) (inspector.Cursor, bool) {
	for k, _ := id.ParentEdge(); k == edge.ParenExpr_X; k, _ = id.ParentEdge() {
		id = id.Parent() // (x) = e, &(x)
	}
	k, i := id.ParentEdge()
	p := id.Parent()
	switch k {
	case edge.AssignStmt_Lhs:
		as := p.Node().(*ast.AssignStmt)
		if len(as.Lhs) == len(as.Rhs) {
			return p.ChildAt(edge.AssignStmt_Rhs, i), true
		}
		if i == 0 && len(as.Rhs) == 1 {
			if _, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr); ok {
				return p.ChildAt(edge.AssignStmt_Rhs, 0), true // ctx, cancel := f(...)
			}
		}
		return inspector.Cursor{}, false
	case edge.ValueSpec_Names:
		vs := p.Node().(*ast.ValueSpec)
		switch {
		case len(vs.Values) == 0:
			return inspector.Cursor{}, true
		case len(vs.Values) == len(vs.Names):
			return p.ChildAt(edge.ValueSpec_Values, i), true
		case i == 0 && len(vs.Values) == 1:
			if _, ok := ast.Unparen(vs.Values[0]).(*ast.CallExpr); ok {
				return p.ChildAt(edge.ValueSpec_Values, 0), true
			}
		}
		return inspector.Cursor{}, false
	case edge.UnaryExpr_X:
		return inspector.Cursor{}, p.Node().(*ast.UnaryExpr).Op != token.AND // &x: it escapes
	case edge.RangeStmt_Key, edge.RangeStmt_Value, edge.Field_Names, edge.IncDecStmt_X:
		return inspector.Cursor{}, false
	}
	return inspector.Cursor{}, true
}
