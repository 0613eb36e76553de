package unsupervisedgo

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
)

// closedByCaller reports whether the value a spawning call returns is
// ended by its caller in a deferred method call (cp, err := New(...);
// defer cp.Close()): the goroutine a constructor starts belongs to the
// value it returns, whose Close is the caller's to call.
func (c *checker) closedByCaller(cur inspector.Cursor, caller ast.Node) bool {
	var v *types.Var
	switch p := cur.Parent().Node().(type) {
	case *ast.AssignStmt:
		if len(p.Rhs) == 1 && p.Rhs[0] == cur.Node() && len(p.Lhs) > 0 {
			if id, ok := p.Lhs[0].(*ast.Ident); ok {
				v, _ = c.info.ObjectOf(id).(*types.Var)
			}
		}
	case *ast.ValueSpec:
		if len(p.Values) == 1 && p.Values[0] == cur.Node() && len(p.Names) > 0 {
			v, _ = c.info.Defs[p.Names[0]].(*types.Var)
		}
	}
	if v == nil || caller == nil {
		return false
	}
	t := v.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if _, ok := types.Unalias(t).(*types.Named); !ok {
		return false
	}
	root, ok := analysisutil.Find(c.insp, caller)
	if !ok {
		return false
	}
	for sc := range root.Preorder((*ast.SelectorExpr)(nil)) {
		sel := sc.Node().(*ast.SelectorExpr)
		if c.varOf(sel.X) != v {
			continue
		}
		if s, ok := c.info.Selections[sel]; !ok || s.Kind() != types.MethodVal {
			continue
		}
		if call, ok := sc.Parent().Node().(*ast.CallExpr); ok && call.Fun == ast.Expr(sel) && deferred(sc.Parent()) {
			return true
		}
	}
	return false
}
