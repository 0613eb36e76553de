package unsupervisedgo

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
)

// Semaphore drains: a launcher that makes a weighted semaphore, starts
// goroutines that each release their share, and then acquires the whole
// weight waits for all of them (knowledge.SemaphoreReleases).

// drained reports whether g releases a semaphore of its launcher that
// the launcher drains after the go statement.
func (c *checker) drained(g *goroutine) bool {
	if g.decl == nil || g.spawn || g.own == nil {
		return false
	}
	launcher := enclosingFunc(g.cur)
	_, lbody := analysisutil.FuncParts(launcher)
	if lbody == nil {
		return false
	}
	for fn := range g.own {
		root, ok := analysisutil.Find(c.insp, fn)
		if !ok {
			continue
		}
		for cur := range root.Preorder((*ast.CallExpr)(nil)) {
			call := cur.Node().(*ast.CallExpr)
			sem, ok := knowledge.SemaphoreReleases[analysisutil.CalleeName(c.info, call)]
			if !ok {
				continue
			}
			if f := enclosingFunc(cur); f != fn && !g.own[f] {
				continue // in a literal g only hands on, or a child
			}
			sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
			if !ok {
				continue
			}
			x := sel.X
			if a, ok := g.subst[c.keyOf(x)]; ok {
				x = a
			}
			if c.drains(sem, c.keyOf(x), launcher, lbody, g) {
				return true
			}
		}
	}
	return false
}

// drains reports whether key, a local of launcher made by sem.New, is
// acquired with its full weight after g's go statement.
func (c *checker) drains(sem knowledge.Semaphore, key *types.Var, launcher ast.Node, body *ast.BlockStmt, g *goroutine) bool {
	if key == nil || key.IsField() || key.Parent() == c.pass.Pkg.Scope() || c.isParam(key) {
		return false
	}
	if key.Pos() < launcher.Pos() || key.Pos() >= launcher.End() {
		return false
	}
	mk, ok := ast.Unparen(c.defOf(key)).(*ast.CallExpr)
	if !ok || analysisutil.CalleeName(c.info, mk) != sem.New || sem.WeightArg >= len(mk.Args) {
		return false
	}
	for _, o := range c.index()[key] {
		if o.kind == opWrite {
			return false // reassigned: not the same semaphore
		}
	}
	full := mk.Args[sem.WeightArg]
	root, ok := analysisutil.Find(c.insp, body)
	if !ok {
		return false
	}
	for cur := range root.Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if call.Pos() < g.cur.Node().End() || enclosingFunc(cur) != launcher {
			continue
		}
		if analysisutil.CalleeName(c.info, call) != sem.Acquire || sem.AcquireArg >= len(call.Args) {
			continue
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || c.keyOf(sel.X) != key {
			continue
		}
		if c.sameValue(call.Args[sem.AcquireArg], full) {
			return true
		}
	}
	return false
}

// sameValue reports whether a and b are equal constants or the same
// variable.
func (c *checker) sameValue(a, b ast.Expr) bool {
	ta, tb := c.info.Types[a], c.info.Types[b]
	if ta.Value != nil && tb.Value != nil {
		return constant.Compare(ta.Value, token.EQL, tb.Value)
	}
	va, vb := c.varOf(a), c.varOf(b)
	return va != nil && va == vb
}
