package unsupervisedgo

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"golang.org/x/tools/go/ast/inspector"
)

// A goroutine's body is the code it runs itself: its function, the
// closures it runs in place, and the functions of this package it calls
// (to maxDepth), with their parameters bound to the arguments. Goroutines
// it starts (its children) and closures it only hands on (handlers,
// hooks) are not part of it: their operations are partners of the
// goroutine's, not its own.

// maxDepth bounds how deep the pass follows same-package callees.
const maxDepth = 4

// collectEvidence records the Done calls, sends, closes and receives
// that the goroutine's body makes.
func (c *checker) collectEvidence(g *goroutine) {
	g.own = map[ast.Node]bool{}
	c.walkOwn(g, g.body, g.subst, 0)
}

func (c *checker) walkOwn(g *goroutine, fn ast.Node, subst map[*types.Var]ast.Expr, depth int) {
	if g.own[fn] {
		return
	}
	g.own[fn] = true
	root, ok := analysisutil.Find(c.insp, fn)
	if !ok {
		return
	}
	root.Inspect([]ast.Node{(*ast.FuncLit)(nil), (*ast.GoStmt)(nil), (*ast.CallExpr)(nil), (*ast.SendStmt)(nil), (*ast.UnaryExpr)(nil), (*ast.RangeStmt)(nil)}, func(cur inspector.Cursor) bool {
		switch n := cur.Node().(type) {
		case *ast.GoStmt:
			return false // a child: a goroutine of its own
		case *ast.FuncLit:
			if n == fn {
				return true
			}
			if c.isBodyLit(n) || !c.runsInPlace(cur) {
				return false
			}
			g.own[n] = true
		case *ast.CallExpr:
			c.callEvidence(g, n, cur, subst, depth)
		case *ast.SendStmt:
			c.addEvidence(g, evSend, n.Chan, n, cur, subst)
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				c.addEvidence(g, evRecv, n.X, n, cur, subst)
			}
		case *ast.RangeStmt:
			if t := c.info.TypeOf(n.X); t != nil {
				if _, ok := t.Underlying().(*types.Chan); ok {
					c.addEvidence(g, evRecv, n.X, n, cur, subst)
				}
			}
		}
		return true
	})
}

// callEvidence records what a call in the body does: wg.Done(),
// close(ch), or, for a callee the pass can see or has a summary of, its
// operations on the arguments.
func (c *checker) callEvidence(g *goroutine, n *ast.CallExpr, cur inspector.Cursor, subst map[*types.Var]ast.Expr, depth int) {
	if isBuiltin(c.info, n.Fun, "close") && len(n.Args) == 1 {
		c.addEvidence(g, evClose, n.Args[0], n, cur, subst)
		return
	}
	fn := analysisutil.Callee(c.info, n)
	if fn == nil {
		// A func value: a parameter bound to a literal at the go
		// statement (go run(x, func() { wg.Done() })), or a local
		// closure only ever called.
		if lit := c.funcValueLit(n, subst); lit != nil && depth < maxDepth {
			c.walkOwn(g, lit, subst, depth+1)
		}
		return
	}
	if methodKind(analysisutil.FuncName(fn)) == opDone {
		if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok {
			c.addEvidence(g, evDone, sel.X, n, cur, subst)
		}
		return
	}
	if d := c.rp.Graph.Funcs[fn.Origin()]; d != nil {
		if depth < maxDepth {
			c.walkOwn(g, d, c.bindIn(d.Type, n.Args, subst), depth+1)
		}
		return
	}
	for i, a := range n.Args {
		s, ok := c.argSummary(n, i)
		if !ok {
			continue
		}
		for _, k := range maskEvidence {
			if s.Sync&k.m != 0 {
				c.addEvidence(g, k.kind, a, n, cur, subst)
			}
		}
	}
}

// funcValueLit returns the literal that a call of a func value runs: the
// literal a parameter is bound to in subst, or the one a local variable
// is defined with (see localClosure).
func (c *checker) funcValueLit(call *ast.CallExpr, subst map[*types.Var]ast.Expr) *ast.FuncLit {
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if v, ok := c.info.Uses[id].(*types.Var); ok {
			if a, ok := subst[v]; ok {
				lit, _ := ast.Unparen(a).(*ast.FuncLit)
				return lit
			}
		}
	}
	return c.localClosure(call)
}

// maskEvidence maps summarised operations to evidence kinds.
var maskEvidence = []struct {
	m    opMask
	kind evKind
}{{mSend, evSend}, {mClose, evClose}, {mRecv, evRecv}, {mDone, evDone}}

// bindIn maps the parameters of ft to the call's arguments, written as
// the launcher sees them.
func (c *checker) bindIn(ft *ast.FuncType, args []ast.Expr, subst map[*types.Var]ast.Expr) map[*types.Var]ast.Expr {
	m := c.bind(ft, args)
	for v, a := range m {
		if k := c.keyOf(a); k != nil {
			if outer, ok := subst[k]; ok {
				m[v] = outer
			}
		}
	}
	return m
}

func (c *checker) addEvidence(g *goroutine, kind evKind, x ast.Expr, node ast.Node, cur inspector.Cursor, subst map[*types.Var]ast.Expr) {
	key := c.keyOf(x)
	expr := x
	if a, ok := subst[key]; ok && key != nil {
		expr = a
		key = c.keyOf(a)
	}
	e := evidence{kind: kind, expr: expr, key: key, node: node, cur: cur}
	for p := cur.Parent(); p.Node() != nil; p = p.Parent() {
		if _, ok := p.Node().(*ast.FuncDecl); ok {
			break
		}
		if cc, ok := p.Node().(*ast.CommClause); ok && kind == evSend && cc.Comm == node {
			if sel, ok := p.Parent().Parent().Node().(*ast.SelectStmt); ok && len(sel.Body.List) > 1 {
				e.guard = true
			}
		}
	}
	g.evidence = append(g.evidence, e)
}

// isBodyLit reports whether lit runs in a goroutine of its own: a go
// statement's literal, a spawn call's argument or a literal handed to a
// supervisor helper.
func (c *checker) isBodyLit(lit *ast.FuncLit) bool {
	return c.byNode[lit] != nil || c.superLit[lit]
}

// owns reports whether the operation is part of g itself: in its body
// (see walkOwn), or in the arguments of its go statement. An operation
// in a same-package callee that other code calls too is not only g's.
func (c *checker) owns(g *goroutine, o op) bool {
	n := g.cur.Node()
	f := analysisutil.EnclosingFunc(o.cur)
	if !f.Valid() {
		return false
	}
	if n.Pos() <= o.pos && o.pos < n.End() && f.Node() == enclosingFunc(g.cur) {
		return true // go f(ch): the arguments are g's
	}
	if !g.own[f.Node()] {
		return false
	}
	if d, ok := f.Node().(*ast.FuncDecl); ok && ast.Node(d) != g.body {
		return !c.calledOutside(d, g)
	}
	return true
}

// calledOutside reports whether some code that is not part of g calls
// the declaration d.
func (c *checker) calledOutside(d *ast.FuncDecl, g *goroutine) bool {
	if r, ok := g.outside[d]; ok {
		return r
	}
	if g.outside == nil {
		g.outside = map[*ast.FuncDecl]bool{}
	}
	r := c.calledOutsideUncached(d, g)
	g.outside[d] = r
	return r
}

func (c *checker) calledOutsideUncached(d *ast.FuncDecl, g *goroutine) bool {
	fn, ok := c.info.Defs[d.Name].(*types.Func)
	if !ok || fn.Exported() {
		return true
	}
	for _, caller := range c.rp.Graph.Decls {
		for _, call := range c.rp.Graph.Calls[caller] {
			if call.Callee != fn.Origin() {
				continue
			}
			if f := analysisutil.EnclosingFunc(call.Cursor); !g.own[f.Node()] {
				return true
			}
		}
	}
	return false
}

// goCallEvidence records, for go f(args) with f outside the package
// (or a func value), what f's summary says it does to its arguments. A
// tracker handed to a function without a summary is assumed to be
// marked done by it.
func (c *checker) goCallEvidence(g *goroutine, call *ast.CallExpr) {
	cur, _ := analysisutil.Find(c.insp, call)
	for i, a := range call.Args {
		s, ok := c.argSummary(call, i)
		if !ok {
			if isTrackerType(c.info.TypeOf(a)) {
				g.evidence = append(g.evidence, evidence{kind: evTracker, expr: a, key: c.keyOf(a), node: a, cur: cur})
			}
			continue
		}
		for _, k := range maskEvidence {
			if s.Sync&k.m != 0 {
				g.evidence = append(g.evidence, evidence{kind: k.kind, expr: a, key: c.keyOf(a), node: call, cur: cur})
			}
		}
	}
}
