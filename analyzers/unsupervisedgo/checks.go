package unsupervisedgo

import (
	"fmt"
	"go/ast"
	"go/types"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
)

// checkSpawn reports wg.Go and errgroup Go calls whose Wait is never
// reached.
func (c *checker) checkSpawn(g *goroutine) {
	if g.joined {
		return
	}
	call := g.cur.Node().(*ast.CallExpr)
	fn := analysisutil.Callee(c.info, call)
	x := types.ExprString(g.tracker.expr)
	c.report(call.Pos(), call.End(), fmt.Sprintf(
		"%s on %s without a reachable %s.Wait%s: nothing joins its goroutines at shutdown and their errors are lost; call %s.Wait() in the function that owns %s",
		analysisutil.ShortName(fn), x, x, c.onlyIn(g), x, x))
}

// onlyIn says where an unreachable Wait is, if there is one.
func (c *checker) onlyIn(g *goroutine) string {
	if g.noWaitIn == nil {
		return ""
	}
	name := g.noWaitIn.Name.Name
	if fn, ok := c.info.Defs[g.noWaitIn.Name].(*types.Func); ok {
		name = analysisutil.ShortName(fn)
	}
	return " (its only Wait is in " + name + ", which nothing calls)"
}

// checkGo applies the checks to one go statement, most specific first,
// and reports at most one finding for it.
func (c *checker) checkGo(g *goroutine) {
	gs := g.cur.Node().(*ast.GoStmt)
	pos, end := gs.Go, gs.Call.Lparen
	if end <= pos {
		end = gs.End()
	}
	if g.decl != nil && g.decl.Recv == nil && g.decl.Name.Name == "init" {
		c.report(pos, end, "goroutine started in init: it runs before main and nothing can stop it or wait for it at shutdown; "+
			"start it from main or a constructor, with a stop signal and a WaitGroup its Close waits for")
		return
	}
	if !g.joined {
		if outer := c.trackedParent(g); outer != "" {
			c.report(pos, end, fmt.Sprintf(
				"untracked goroutine inside a goroutine tracked by %s: waiting for the outer goroutine does not wait for this one; "+
					"track it too (%s.Add(1) before go, defer %s.Done() inside) or run the work inline", outer, outer, outer))
			return
		}
	}
	if g.tracker != nil && !g.joined {
		x := types.ExprString(g.tracker.expr)
		c.report(pos, end, fmt.Sprintf(
			"goroutine tracked by %s, but no reachable %s.Wait%s: shutdown returns while it still runs; call %s.Wait() in the function that owns %s (Close, Stop, Shutdown)",
			x, x, c.onlyIn(g), x, x))
		return
	}
	if c.checkLeak(g, pos, end) || c.checkFuture(g, pos, end) {
		return
	}
	if c.checkControl(g, pos, end) {
		return
	}
	if g.joined || c.boundedByLauncher(g) || c.goWrapper(g) {
		return
	}
	r := c.rp.At(g.cur)
	if r == nil {
		return
	}
	ctxNote := ""
	if c.handedContext(g) {
		ctxNote = " (the context it is handed does not make it owned)"
	}
	c.report(pos, end, fmt.Sprintf(
		"fire-and-forget goroutine in %s: nobody waits for it at shutdown and a panic in it kills the process%s; "+
			"give it an owner: an errgroup.Group or sync.WaitGroup the request waits for, or a supervisor started at startup", r, ctxNote))
}

// trackedParent returns the tracker of the goroutine that lexically
// encloses g, if that goroutine is tracked ("wg", "errgroup g",
// "supervisor s.spawn"), else "".
func (c *checker) trackedParent(g *goroutine) string {
	for p := range g.cur.Parent().Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch n := p.Node().(type) {
		case *ast.FuncLit:
			if outer := c.byNode[n]; outer != nil {
				if outer.tracker != nil && outer.joined {
					return types.ExprString(outer.tracker.expr)
				}
				return ""
			}
			if c.superLit[n] {
				for q := p.Parent(); q.Node() != nil; q = q.Parent() {
					if call, ok := q.Node().(*ast.CallExpr); ok {
						return "supervisor " + types.ExprString(call.Fun)
					}
				}
				return "a supervisor"
			}
		case *ast.FuncDecl:
			// A function that marks itself done on a tracker is the body
			// of a tracked goroutine: go s.serve() with defer s.wg.Done().
			for _, outer := range c.gos {
				if outer.body == n && outer.tracker != nil && outer.joined {
					return types.ExprString(outer.tracker.expr)
				}
			}
			return ""
		}
	}
	return ""
}

// handedContext reports whether the goroutine gets a context: as an
// argument, or captured by its literal.
func (c *checker) handedContext(g *goroutine) bool {
	call := g.cur.Node().(*ast.GoStmt).Call
	for _, a := range call.Args {
		if t := c.info.TypeOf(a); t != nil && analysisutil.IsContextType(t) {
			return true
		}
	}
	lit, ok := g.body.(*ast.FuncLit)
	if !ok {
		return false
	}
	found := false
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && !found {
			if v, ok := c.info.Uses[id].(*types.Var); ok && analysisutil.IsContextType(v.Type()) &&
				(v.Pos() < lit.Pos() || v.Pos() >= lit.End()) {
				found = true
			}
		}
		return !found
	})
	return found
}
