package unsupervisedgo

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
)

// Constant trip counts: a launcher that starts one goroutine per
// iteration of for i := 0; i < n; i++ (n a constant, or a local defined
// with one and never changed) starts at most n of them.

// maxTrips bounds the product of trip counts the pass computes.
const maxTrips = 1 << 20

// tripCount returns how many times the code at cur, inside fn, runs for
// one evaluation of pos (the make of a channel before the loops): the
// product of the constant trip counts of the loops of fn around cur that
// do not contain pos. It fails when one of them is not constant.
func (c *checker) tripCount(cur inspector.Cursor, fn ast.Node, pos token.Pos) (int64, bool) {
	n := int64(1)
	for p := cur.Parent(); p.Node() != nil && p.Node() != fn; p = p.Parent() {
		var k int64
		var ok bool
		switch l := p.Node().(type) {
		case *ast.ForStmt:
			if pos >= l.Pos() && pos < l.End() {
				continue
			}
			k, ok = c.forTrips(l, fn)
		case *ast.RangeStmt:
			if pos >= l.Pos() && pos < l.End() {
				continue
			}
			k, ok = c.rangeTrips(l, fn)
		case *ast.FuncLit:
			return 0, false // a literal may run any number of times
		default:
			continue
		}
		if !ok || k > maxTrips/max(n, 1) {
			return 0, false
		}
		n *= k
	}
	return n, true
}

// forTrips returns the trip count of for i := a; i < b; i++ (or i <= b,
// i += 1) with a and b constant and i changed only by the post statement.
func (c *checker) forTrips(l *ast.ForStmt, fn ast.Node) (int64, bool) {
	init, ok := l.Init.(*ast.AssignStmt)
	if !ok || init.Tok != token.DEFINE || len(init.Lhs) != 1 || len(init.Rhs) != 1 {
		return 0, false
	}
	id, ok := init.Lhs[0].(*ast.Ident)
	if !ok {
		return 0, false
	}
	i, ok := c.info.Defs[id].(*types.Var)
	if !ok {
		return 0, false
	}
	a, ok := c.constInt(init.Rhs[0], fn)
	if !ok {
		return 0, false
	}
	cond, ok := ast.Unparen(l.Cond).(*ast.BinaryExpr)
	if !ok || c.varOf(cond.X) != i {
		return 0, false
	}
	b, ok := c.constInt(cond.Y, fn)
	if !ok {
		return 0, false
	}
	switch cond.Op {
	case token.LSS:
	case token.LEQ:
		b++
	default:
		return 0, false
	}
	switch post := l.Post.(type) {
	case *ast.IncDecStmt:
		if post.Tok != token.INC || c.varOf(post.X) != i {
			return 0, false
		}
	case *ast.AssignStmt:
		if post.Tok != token.ADD_ASSIGN || len(post.Lhs) != 1 || c.varOf(post.Lhs[0]) != i {
			return 0, false
		}
		if one, ok := c.constInt(post.Rhs[0], fn); !ok || one != 1 {
			return 0, false
		}
	default:
		return 0, false
	}
	if c.changed(l.Body, i) {
		return 0, false
	}
	return max(b-a, 0), true
}

// rangeTrips returns the trip count of for range n, n constant.
func (c *checker) rangeTrips(l *ast.RangeStmt, fn ast.Node) (int64, bool) {
	t := c.info.TypeOf(l.X)
	if t == nil {
		return 0, false
	}
	if b, ok := t.Underlying().(*types.Basic); !ok || b.Info()&types.IsInteger == 0 {
		return 0, false
	}
	n, ok := c.constInt(l.X, fn)
	return max(n, 0), ok
}

// constInt returns the value of x when it is an integer constant, or a
// local of fn defined with one and never changed.
func (c *checker) constInt(x ast.Expr, fn ast.Node) (int64, bool) {
	if tv, ok := c.info.Types[x]; ok && tv.Value != nil {
		return constant.Int64Val(constant.ToInt(tv.Value))
	}
	v := c.varOf(x)
	if v == nil || v.Pkg() != c.pass.Pkg || v.Parent() == c.pass.Pkg.Scope() || v.IsField() {
		return 0, false
	}
	if v.Pos() < fn.Pos() || v.Pos() >= fn.End() || c.isParam(v) {
		return 0, false
	}
	def := c.defOf(v)
	if def == nil {
		return 0, false
	}
	tv, ok := c.info.Types[def]
	if !ok || tv.Value == nil {
		return 0, false
	}
	if c.changed(fn, v) {
		return 0, false
	}
	return constant.Int64Val(constant.ToInt(tv.Value))
}

// varOf returns the variable an identifier denotes, or nil.
func (c *checker) varOf(x ast.Expr) *types.Var {
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := c.info.Uses[id].(*types.Var)
	return v
}

// changed reports whether n assigns v (after its definition), changes it
// with ++ or --, or takes its address.
func (c *checker) changed(n ast.Node, v *types.Var) bool {
	found := false
	ast.Inspect(n, func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.AssignStmt:
			for _, l := range x.Lhs {
				if c.varOf(l) == v {
					found = true
				}
			}
		case *ast.IncDecStmt:
			if c.varOf(x.X) == v {
				found = true
			}
		case *ast.UnaryExpr:
			if x.Op == token.AND && c.varOf(x.X) == v {
				found = true
			}
		case *ast.RangeStmt:
			if x.Tok == token.ASSIGN && (c.varOf(x.Key) == v || c.varOf(x.Value) == v) {
				found = true
			}
		}
		return !found
	})
	return found
}
