package swallowedcancel

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/callgraph"
	"golang.org/x/tools/go/ast/inspector"
)

// maxCallerDepth bounds the walk up the local callers in callersStop.
const maxCallerDepth = 8

// callersStop reports whether every caller of the declaration d, which
// swallows an error of a call given its context parameter ctx, runs it
// in a loop that leaves once that context is done: the per-item helper of
// a worker loop whose best-effort step logs and ignores a failure, where
// the loop's own check of the context (select on ctx.Done(), ctx.Err())
// stops the work, so the cancellation is not lost. A caller that hands d
// its own context parameter, outside any loop, counts when its callers do
// in turn. d and every helper on the way must be unexported and referred
// to only by their calls (callgraph's OnlyCalled), and not reachable
// through an interface of the package: otherwise some callers are unseen.
func (c *checker) callersStop(d *ast.FuncDecl, ctx *types.Var) bool {
	return c.callersStopAt(d, ctx, map[*ast.FuncDecl]bool{}, 0)
}

func (c *checker) callersStopAt(d *ast.FuncDecl, ctx *types.Var, seen map[*ast.FuncDecl]bool, depth int) bool {
	g := c.rp.Graph
	fn, ok := c.pass.TypesInfo.Defs[d.Name].(*types.Func)
	if !ok || fn.Exported() || depth > maxCallerDepth || !g.OnlyCalled(d) || c.ifaceMethodName(fn) {
		return false
	}
	if seen[d] {
		// A recursive call: the callers outside the cycle decide.
		return true
	}
	seen[d] = true
	at := paramIndex(fn.Signature(), ctx)
	sites := g.Callers(d)
	if at < 0 || len(sites) == 0 {
		return false
	}
	for _, s := range sites {
		if !c.siteStops(s, at, seen, depth) {
			return false
		}
	}
	return true
}

// siteStops reports whether the call site s, whose argument at is the
// context the callee swallows, sits in a loop leaving on that context's
// done, or hands on a context parameter of a caller whose callers do.
func (c *checker) siteStops(s callgraph.Call, at int, seen map[*ast.FuncDecl]bool, depth int) bool {
	call := s.Expr()
	if s.Go || at >= len(call.Args) {
		return false
	}
	arg, ok := ast.Unparen(call.Args[at]).(*ast.Ident)
	if !ok {
		return false
	}
	argObj, ok := c.pass.TypesInfo.Uses[arg].(*types.Var)
	if !ok || !analysisutil.IsContextType(argObj.Type()) {
		return false
	}
	outer := analysisutil.EnclosingDecl(s.Cursor)
	if outer == nil {
		return false
	}
	if loop := c.loopOf(s.Cursor); loop.Valid() {
		return c.leavesOnDone(loop, argObj, outer)
	}
	if s.Lit != nil {
		// A literal runs when whoever holds it calls it.
		return false
	}
	outerFn, ok := c.pass.TypesInfo.Defs[outer.Name].(*types.Func)
	if !ok || paramIndex(outerFn.Signature(), argObj) < 0 {
		return false
	}
	return c.callersStopAt(outer, argObj, seen, depth+1)
}

// leavesOnDone reports whether the loop leaves once the context arg is
// done: its condition tests ctx.Err() (or context.Cause), a select of the
// loop has a `case <-ctx.Done():` that returns or breaks out of the loop,
// or an if of the loop on ctx.Err() does, where ctx is arg or a context
// arg derives from (assigned only from WithCancel-like calls on it).
func (c *checker) leavesOnDone(loop inspector.Cursor, arg *types.Var, decl *ast.FuncDecl) bool {
	same := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return false
		}
		v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
		return ok && c.derivesFrom(arg, v, decl, 0)
	}
	if fs, ok := loop.Node().(*ast.ForStmt); ok && fs.Cond != nil && c.testsErrWith(fs.Cond, same) {
		return true
	}
	for cur := range loop.Preorder((*ast.SelectStmt)(nil), (*ast.IfStmt)(nil)) {
		if l := c.loopOf(cur); !l.Valid() || l.Node() != loop.Node() {
			continue
		}
		switch n := cur.Node().(type) {
		case *ast.SelectStmt:
			for _, cl := range n.Body.List {
				cc := cl.(*ast.CommClause)
				if x := c.doneContext(cc.Comm); x != nil && same(x) && c.exitsLoop(loop, cc.Body, false) {
					return true
				}
			}
		case *ast.IfStmt:
			if c.testsErrWith(n.Cond, same) && c.exitsLoop(loop, n.Body.List, c.breaksLoop(cur, loop)) {
				return true
			}
		}
	}
	return false
}

// exitsLoop reports whether the statements leave the loop: a return, a
// break labelled with the loop's label, or (when plainBreak) an unlabelled
// break, which targets the loop there.
func (c *checker) exitsLoop(loop inspector.Cursor, body []ast.Stmt, plainBreak bool) bool {
	for _, st := range body {
		found := false
		ast.Inspect(st, func(n ast.Node) bool {
			_, isLit := n.(*ast.FuncLit)
			_, isRet := n.(*ast.ReturnStmt)
			found = found || isRet
			return !found && !isLit
		})
		if found {
			return true
		}
		for b := range branches(st) {
			if b.Tok == token.BREAK && ((b.Label == nil && plainBreak) || (b.Label != nil && c.labels(loop, b.Label))) {
				return true
			}
		}
	}
	return false
}

// breaksLoop reports whether an unlabelled break in the statement at cur
// leaves the loop: no switch or select lies between them.
func (c *checker) breaksLoop(cur, loop inspector.Cursor) bool {
	for e := range cur.Enclosing((*ast.SwitchStmt)(nil), (*ast.TypeSwitchStmt)(nil), (*ast.SelectStmt)(nil), (*ast.ForStmt)(nil), (*ast.RangeStmt)(nil)) {
		return e.Node() == loop.Node()
	}
	return false
}

// derivesFrom reports whether the context v is parent or a child of it
// made in decl: every assignment to v is a canceller call
// (context.WithCancel, WithTimeout, ...) on a context derived from parent.
func (c *checker) derivesFrom(v, parent *types.Var, decl *ast.FuncDecl, depth int) bool {
	if v == parent {
		return true
	}
	if depth > maxCallerDepth || v.Pos() < decl.Body.Pos() || v.Pos() >= decl.Body.End() {
		return false
	}
	assigned, ok := false, true
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		as, isAs := n.(*ast.AssignStmt)
		if !isAs || !ok {
			return ok
		}
		for _, l := range as.Lhs {
			id, isID := l.(*ast.Ident)
			if !isID || c.pass.TypesInfo.ObjectOf(id) != v {
				continue
			}
			assigned = true
			call, isCall := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
			if len(as.Rhs) != 1 || !isCall || len(call.Args) == 0 {
				ok = false
				break
			}
			if _, canc := c.canceller(call); !canc {
				ok = false
				break
			}
			pid, isID := ast.Unparen(call.Args[0]).(*ast.Ident)
			pv, isVar := c.pass.TypesInfo.Uses[pid].(*types.Var)
			if !isID || !isVar || !c.derivesFrom(pv, parent, decl, depth+1) {
				ok = false
				break
			}
		}
		return ok
	})
	return assigned && ok
}

// ifaceMethodName reports whether fn is a method whose name an interface
// of the package declares: calls through the interface reach it unseen.
func (c *checker) ifaceMethodName(fn *types.Func) bool {
	if fn.Signature().Recv() == nil {
		return false
	}
	for _, obj := range c.pass.TypesInfo.Defs {
		m, ok := obj.(*types.Func)
		if !ok || m.Name() != fn.Name() || m.Signature().Recv() == nil {
			continue
		}
		if types.IsInterface(m.Signature().Recv().Type()) {
			return true
		}
	}
	return false
}

// paramIndex returns the index of v among sig's parameters, or -1.
func paramIndex(sig *types.Signature, v *types.Var) int {
	for i := range sig.Params().Len() {
		if sig.Params().At(i) == v {
			return i
		}
	}
	return -1
}
