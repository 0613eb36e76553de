package swallowedcancel

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
)

// possiblyWrapped reports whether the error value e may be a wrap of a
// context error, whatever its source (call result, parameter, field, map
// or slice element, range variable, named result, closure capture). Only
// values that are provably the sentinel itself are exempt: a ctx.Err() or
// context.Cause result, a local variable assigned only from those (or
// left nil), and the target parameter of an Is method, to which errors.Is
// hands the sentinel it looks for.
func (c *checker) possiblyWrapped(cur inspector.Cursor, e ast.Expr) bool {
	e = ast.Unparen(e)
	if t := c.pass.TypesInfo.TypeOf(e); t == nil || !types.IsInterface(t) || isNil(c.pass.TypesInfo, e) {
		return false
	}
	if c.isCtxErrSource(e) {
		return false
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return true
	}
	v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return true
	}
	root := rootFunc(cur)
	if !root.Valid() || v.Parent() == nil || v.Parent() == c.pass.Pkg.Scope() {
		return true
	}
	if c.isTarget(root, v) {
		return false
	}
	return !c.onlyCtxErr(root, v)
}

// rootFunc returns the outermost function enclosing cur: the one whose
// body holds every assignment to a local variable seen at cur, closures
// included.
func rootFunc(cur inspector.Cursor) inspector.Cursor {
	var root inspector.Cursor
	for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		root = f
	}
	return root
}

// isTarget reports whether v is the target parameter of an
// Is(target error) bool method declared at root.
func (c *checker) isTarget(root inspector.Cursor, v *types.Var) bool {
	d, ok := root.Node().(*ast.FuncDecl)
	if !ok || d.Recv == nil || d.Name.Name != "Is" {
		return false
	}
	fn, ok := c.pass.TypesInfo.Defs[d.Name].(*types.Func)
	if !ok {
		return false
	}
	sig := fn.Signature()
	return sig.Params().Len() == 1 && sig.Params().At(0) == v && sig.Results().Len() == 1 &&
		types.Identical(v.Type(), types.Universe.Lookup("error").Type()) &&
		types.Identical(sig.Results().At(0).Type(), types.Typ[types.Bool])
}

// onlyCtxErr reports whether every value the local variable v gets in root
// is a context's error (or nil): it is declared and assigned only from
// ctx.Err() or context.Cause (at least once), is no parameter or result,
// is not a range variable, and its address is never taken.
func (c *checker) onlyCtxErr(root inspector.Cursor, v *types.Var) bool {
	info := c.pass.TypesInfo
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.ObjectOf(id) == v
	}
	ok, found := true, false
	pair := func(lhs, rhs []ast.Expr) {
		for i, l := range lhs {
			if !is(l) {
				continue
			}
			found = true
			if len(rhs) != len(lhs) || !(c.isCtxErrSource(rhs[i]) || isNil(info, rhs[i])) {
				ok = false
			}
		}
	}
	ast.Inspect(root.Node(), func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			pair(n.Lhs, n.Rhs)
		case *ast.ValueSpec:
			if len(n.Values) > 0 {
				lhs := make([]ast.Expr, len(n.Names))
				for i, id := range n.Names {
					lhs[i] = id
				}
				pair(lhs, n.Values)
			}
		case *ast.Field:
			for _, id := range n.Names {
				if info.Defs[id] == v {
					ok = false
				}
			}
		case *ast.RangeStmt:
			if (n.Key != nil && is(n.Key)) || (n.Value != nil && is(n.Value)) {
				ok = false
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND && is(n.X) {
				ok = false
			}
		}
		return true
	})
	return ok && found
}
