package unsupervisedgo

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/inspector"
)

// Check: blocking operations on confined primitives, which need no
// partner search: no other goroutine can ever complete them.

// checkConfined reports operations on a nil channel, select {} outside
// package main, a WaitGroup that gets Add and Wait but no Done, and a
// Cond.Wait that nothing signals.
func (c *checker) checkConfined() {
	c.checkEmptySelect()
	idx := c.index()
	keys := make([]*types.Var, 0, len(idx))
	for v := range idx {
		keys = append(keys, v)
	}
	slices.SortFunc(keys, func(a, b *types.Var) int { return int(a.Pos() - b.Pos()) })
	for _, v := range keys {
		if c.shared(v) {
			continue
		}
		switch {
		case isCondType(v.Type()):
			c.checkCond(v, idx[v])
		case isTrackerType(v.Type()):
			c.checkNoDone(v, idx[v])
		default:
			if _, ok := v.Type().Underlying().(*types.Chan); ok {
				c.checkNilChan(v, idx[v])
			}
		}
	}
}

// shared reports whether code the pass cannot see may operate on v: it
// is exported, or handed somewhere the pass does not follow.
func (c *checker) shared(v *types.Var) bool {
	if v.Exported() || c.isParam(v) {
		return true
	}
	for _, o := range c.index()[v] {
		if c.escaping(o) {
			return true
		}
	}
	return false
}

// checkEmptySelect reports select {} in a goroutine's literal outside
// package main: it blocks the goroutine forever and nothing can stop it.
func (c *checker) checkEmptySelect() {
	if c.pass.Pkg.Name() == "main" {
		return // a main that parks while its goroutines serve
	}
	for cur := range c.insp.Root().Preorder((*ast.SelectStmt)(nil)) {
		sel := cur.Node().(*ast.SelectStmt)
		if len(sel.Body.List) > 0 || c.rp.Graph.InTest(sel.Pos()) {
			continue
		}
		// Only inside a goroutine's own literal: a CLI command that parks
		// the process (caddy's "caddy run" helpers) is main's flow.
		lit, ok := enclosingFunc(cur).(*ast.FuncLit)
		if !ok || c.byNode[lit] == nil {
			continue
		}
		c.report(sel.Pos(), sel.End(), "select {} blocks this goroutine forever and nothing can stop it: no case can ever fire; "+
			"wait on a stop signal instead (<-ctx.Done() or a done channel its owner closes)")
	}
}

// checkNilChan reports sends and receives on a local channel declared
// with var and never made or assigned: they block forever. Receives in a
// select are the idiom that disables a case and stay silent.
func (c *checker) checkNilChan(v *types.Var, ops []op) {
	if v.IsField() || v.Parent() == c.pass.Pkg.Scope() || !c.declaredNil(v) {
		return
	}
	for _, o := range ops {
		if o.kind == opWrite {
			return
		}
	}
	for _, o := range ops {
		if o.kind != opSend && o.kind != opRecv {
			continue
		}
		if cc, _ := commOf(o.cur); cc != nil || inSendComm(o.cur) {
			continue
		}
		what := "receive from"
		if o.kind == opSend {
			what = "send on"
		}
		c.report(o.pos, o.cur.Node().End(), fmt.Sprintf(
			"%s nil channel %s blocks this goroutine forever: %s is declared with var but never made or assigned; create it with make(%s)",
			what, v.Name(), v.Name(), types.TypeString(v.Type(), types.RelativeTo(c.pass.Pkg))))
	}
}

// inSendComm reports whether the send at cur is the comm of a select
// case.
func inSendComm(cur inspector.Cursor) bool {
	s, ok := cur.Parent().Node().(*ast.SendStmt)
	if !ok {
		return false
	}
	cc, ok := cur.Parent().Parent().Node().(*ast.CommClause)
	return ok && cc.Comm == ast.Stmt(s)
}

// declaredNil reports whether v is declared as var v chan T, without a
// value.
func (c *checker) declaredNil(v *types.Var) bool {
	cur, ok := c.insp.Root().FindByPos(v.Pos(), v.Pos())
	if !ok {
		return false
	}
	spec, ok := cur.Parent().Node().(*ast.ValueSpec)
	return ok && len(spec.Values) == 0
}

// checkNoDone reports the Waits of a WaitGroup that gets Add and Wait but
// on which nothing calls Done: the Wait blocks forever.
func (c *checker) checkNoDone(v *types.Var, ops []op) {
	var adds, waits []op
	for _, o := range ops {
		switch {
		case c.does(o, opDone):
			return
		case o.kind == opAdd:
			adds = append(adds, o)
		case o.kind == opWait:
			waits = append(waits, o)
		}
	}
	if len(adds) == 0 {
		return
	}
	for _, w := range waits {
		x := types.ExprString(w.cur.Node().(ast.Expr))
		c.report(w.pos, w.cur.Node().End(), fmt.Sprintf(
			"%s.Wait blocks this goroutine forever: %s gets Add (line %d) but nothing calls %s.Done; defer %s.Done() in every goroutine it counts",
			x, x, c.pass.Fset.Position(adds[0].pos).Line, x, x))
	}
}

// checkCond reports the Waits of a Cond that nothing signals.
func (c *checker) checkCond(v *types.Var, ops []op) {
	var waits []op
	for _, o := range ops {
		switch o.kind {
		case opWake:
			return
		case opCondWait:
			waits = append(waits, o)
		}
	}
	for _, w := range waits {
		x := types.ExprString(w.cur.Node().(ast.Expr))
		c.report(w.pos, w.cur.Node().End(), fmt.Sprintf(
			"%s.Wait blocks this goroutine forever: nothing calls %s.Signal or %s.Broadcast; call %s.Broadcast() where the state it waits for changes",
			x, x, x, x))
	}
}
