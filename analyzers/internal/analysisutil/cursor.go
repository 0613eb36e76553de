package analysisutil

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
)

// EnclosingFunc returns the innermost function declaration or literal
// that contains cur (cur itself included), or the zero Cursor when there
// is none.
func EnclosingFunc(cur inspector.Cursor) inspector.Cursor {
	for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return f
	}
	return inspector.Cursor{}
}

// EnclosingDecl returns the function declaration around cur, or nil.
func EnclosingDecl(cur inspector.Cursor) *ast.FuncDecl {
	for c := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		return c.Node().(*ast.FuncDecl)
	}
	return nil
}

// DirectlyIn reports whether cur runs as part of d's own body: not inside
// a function literal (which may run later, or never) nor a go statement.
func DirectlyIn(cur inspector.Cursor, d *ast.FuncDecl) bool {
	for p := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil), (*ast.GoStmt)(nil)) {
		return p.Node() == d
	}
	return false
}

// InGoStmt reports whether cur runs in a goroutine its function starts: the
// call of a go statement, its arguments, or code in a literal it starts.
func InGoStmt(cur inspector.Cursor) bool {
	for range cur.Enclosing((*ast.GoStmt)(nil)) {
		return true
	}
	return false
}

// RecvChan returns the channel a select case receives from: ch in <-ch,
// v := <-ch and v, ok = <-ch. It returns nil for a send or any other
// statement.
func RecvChan(comm ast.Stmt) ast.Expr {
	var x ast.Expr
	switch s := comm.(type) {
	case *ast.ExprStmt:
		x = s.X
	case *ast.AssignStmt:
		if len(s.Rhs) == 1 {
			x = s.Rhs[0]
		}
	}
	if u, ok := ast.Unparen(x).(*ast.UnaryExpr); ok && u.Op == token.ARROW {
		return u.X
	}
	return nil
}

// UsedObject returns the object that e refers to when e is an identifier or
// a selector (x.f, pkg.F), looked up in info.Uses, or nil.
func UsedObject(info *types.Info, e ast.Expr) types.Object {
	var id *ast.Ident
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		id = e
	case *ast.SelectorExpr:
		id = e.Sel
	default:
		return nil
	}
	return info.Uses[id]
}

// FuncParts returns the type and body of an *ast.FuncDecl or *ast.FuncLit,
// or nils for any other node.
func FuncParts(n ast.Node) (*ast.FuncType, *ast.BlockStmt) {
	switch f := n.(type) {
	case *ast.FuncDecl:
		return f.Type, f.Body
	case *ast.FuncLit:
		return f.Type, f.Body
	}
	return nil, nil
}

// Find returns the cursor of n in insp, and whether n is in it. It is
// Root().FindNode(n), but it descends by position, skipping the subtrees
// that do not contain n (Cursor.FindByPos), rather than scanning every
// node before n: a pass that looks up many nodes of a large package (one
// per goroutine, caller or loop) otherwise spends time quadratic in the
// package's size. A node that shares its range with its innermost child
// (an ExprStmt and its call) is reached from the child's parents; a node
// whose range lies in no file of insp (another package's) is not in it;
// any other miss (a node whose position is not accurate) falls back to the
// scan.
func Find(insp *inspector.Inspector, n ast.Node) (inspector.Cursor, bool) {
	root := insp.Root()
	if n == nil || !n.Pos().IsValid() || n.End() < n.Pos() {
		return root.FindNode(n)
	}
	cur, ok := root.FindByPos(n.Pos(), n.End())
	if !ok {
		return inspector.Cursor{}, false // n is in no file of insp
	}
	for c := cur; c != root; c = c.Parent() {
		if c.Node() == n {
			return c, true
		}
		if c.Node().Pos() != n.Pos() || c.Node().End() != n.End() {
			break
		}
	}
	return root.FindNode(n)
}
