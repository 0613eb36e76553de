package unsupervisedgo

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// Check: a returned future with less room than its goroutine's sends.

// checkFuture reports a goroutine that sends on a channel its launcher
// returns, with less room than the goroutine's sends on some path: a
// caller that drops the channel, or stops reading it, leaks the
// goroutine. The buffered(1) single-send future is silent; so are streams
// (sends in a loop), which the caller drains by contract.
func (c *checker) checkFuture(g *goroutine, pos, end token.Pos) bool {
	if g.decl == nil || g.spawn {
		return false
	}
	launcher := enclosingFunc(g.cur)
	seen := map[*types.Var]bool{}
	for _, e := range g.evidence {
		key := e.key
		if e.kind != evSend || e.guard || key == nil || seen[key] {
			continue
		}
		seen[key] = true
		if key.IsField() || key.Parent() == c.pass.Pkg.Scope() || c.isParam(key) {
			continue
		}
		mk := c.makeOf(key)
		if mk == nil || !c.onlyReturned(key, g, launcher) {
			continue
		}
		capacity, ok := chanCap(c.info, mk)
		if !ok {
			continue
		}
		sends := c.goroutineSends(g, key)
		if sends.loop || loopAround(g.cur, launcher, mk.Pos()) || capacity >= int64(sends.n) {
			continue
		}
		name := types.ExprString(e.expr)
		room := fmt.Sprintf("%s is unbuffered", name)
		if capacity > 0 {
			room = fmt.Sprintf("%s has room for %d only and the goroutine sends up to %d on one path", name, capacity, sends.n)
		}
		var fixes []analysis.SuggestedFix
		if capacity == 0 && sends.n == 1 {
			fixes = append(fixes, makeFix(mk, name))
		}
		c.report(pos, end, fmt.Sprintf(
			"goroutine may block forever sending on %s: %s and %s returns it, so a caller that drops the channel or stops reading it leaks the goroutine; "+
				"give the channel room for every send (make(chan T, %d))",
			name, room, c.funcName(launcher), max(sends.n, 1)), fixes...)
		return true
	}
	return false
}

// onlyReturned reports whether the local channel key leaves its launcher
// only through return statements of the launcher, and the launcher does
// not read it itself.
func (c *checker) onlyReturned(key *types.Var, g *goroutine, launcher ast.Node) bool {
	returned := false
	for _, o := range c.index()[key] {
		if c.owns(g, o) {
			continue
		}
		if c.does(o, opRecv) {
			return false
		}
		if !c.escaping(o) {
			continue
		}
		if !returnedBy(c.info, o.cur, launcher) {
			return false
		}
		returned = true
	}
	return returned
}

// returnedBy reports whether the expression at cur is a result of a
// return statement of fn, possibly converted (<-chan T)(ch).
func returnedBy(info *types.Info, cur inspector.Cursor, fn ast.Node) bool {
	for p := cur.Parent(); p.Node() != nil; p = p.Parent() {
		switch n := p.Node().(type) {
		case *ast.ParenExpr:
			continue
		case *ast.CallExpr:
			if tv, ok := info.Types[n.Fun]; ok && tv.IsType() && len(n.Args) == 1 {
				continue
			}
			return false
		case *ast.ReturnStmt:
			return enclosingFunc(p) == fn
		}
		return false
	}
	return false
}

// funcName names a function declaration or literal for a message.
func (c *checker) funcName(fn ast.Node) string {
	if d, ok := fn.(*ast.FuncDecl); ok {
		return d.Name.Name
	}
	return "the enclosing function literal"
}
