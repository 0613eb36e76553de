package unsupervisedgo

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
	"golang.org/x/tools/go/ast/inspector"
)

// Check: a goroutine that waits for a stop signal nobody sends.

// stopSignal reports whether the receive e is what the goroutine waits
// for to stop: a plain receive, a range, or a select case that is the
// only way on. A case that processes a value and loops is a work input,
// not a stop signal; a case beside another case that exits, or beside a
// default, does not hold the goroutine.
func stopSignal(e evidence) bool {
	if _, ok := e.node.(*ast.RangeStmt); ok {
		return true
	}
	cc, sel := commOf(e.cur)
	if cc == nil {
		return true
	}
	fn := analysisutil.EnclosingFunc(e.cur).Node()
	looping := inLoop(e.cur, fn)
	if looping && !leaves(cc.Body) {
		return false // a work input
	}
	for _, other := range sel.Body.List {
		other := other.(*ast.CommClause)
		if other == cc {
			continue
		}
		if other.Comm == nil || !looping || leaves(other.Body) {
			return false // another way on
		}
	}
	return true
}

// checkControl reports a goroutine stopped by a done channel or a cancel
// func that is not closed or called on some path.
func (c *checker) checkControl(g *goroutine, pos, end token.Pos) bool {
	if g.body == nil && len(g.evidence) == 0 {
		return false
	}
	own := map[*types.Var]bool{}
	selfOnly := map[*types.Var]bool{} // closed by g only in a deferred close
	for _, e := range g.evidence {
		if e.kind == evSend || e.kind == evClose {
			if !own[e.key] {
				selfOnly[e.key] = e.kind == evClose && deferred(e.cur)
			} else if !(e.kind == evClose && deferred(e.cur)) {
				selfOnly[e.key] = false
			}
			own[e.key] = true
		}
	}
	for _, e := range g.evidence {
		if e.kind != evRecv || e.key == nil || e.key.Pkg() != c.pass.Pkg || !stopSignal(e) {
			continue
		}
		if own[e.key] {
			if selfOnly[e.key] && c.noPartner(g, e.key) {
				name := types.ExprString(e.expr)
				c.report(pos, end, fmt.Sprintf(
					"goroutine waits on %s, but only its own deferred close(%s) closes it, which runs after the wait returns: it blocks forever and leaks; close %s from the goroutine's owner",
					name, name, name))
				return true
			}
			continue
		}
		if msg := c.doneChan(g, e); msg != "" {
			c.report(pos, end, msg)
			return true
		}
	}
	if msg := c.cancelField(g); msg != "" {
		c.report(pos, end, msg)
		return true
	}
	return false
}

// noPartner reports whether nothing but g can send on or close key: a
// local or unexported field that no other code sends on, closes or hands
// on.
func (c *checker) noPartner(g *goroutine, key *types.Var) bool {
	if key.Exported() || c.isParam(key) {
		return false
	}
	for _, o := range c.index()[key] {
		if c.owns(g, o) {
			continue
		}
		if c.escaping(o) || c.does(o, opSend) || c.does(o, opClose) || o.kind == opWrite && key.IsField() {
			return false
		}
	}
	return true
}

// doneChan checks the done channel of evidence e (a receive in g).
func (c *checker) doneChan(g *goroutine, e evidence) string {
	key, name := e.key, types.ExprString(e.expr)
	if c.signalChan(key) {
		// A channel handed to signal.Notify delivers OS signals; it is
		// never closed, and the goroutine that reads it lives as long as
		// the process on purpose.
		return ""
	}
	fix := fmt.Sprintf("close(%s) where the goroutine's owner stops", name)
	if key.IsField() || key.Parent() == c.pass.Pkg.Scope() {
		if key.Exported() {
			return ""
		}
		var unreachable *ast.FuncDecl
		for _, o := range c.index()[key] {
			switch {
			case c.escaping(o):
				return ""
			case c.does(o, opClose) || c.does(o, opSend):
				if c.owns(g, o) {
					continue
				}
				if c.reachable(o.decl) {
					return ""
				}
				unreachable = o.decl
			case o.kind == opWrite:
				if call, ok := ast.Unparen(o.rhs).(*ast.CallExpr); !ok || !isBuiltin(c.info, call.Fun, "make") {
					return "" // set from elsewhere: its owner may close it
				}
			}
		}
		if unreachable != nil && !c.reachable(g.decl) {
			return "" // judged alike: the launcher is as unreachable
		}
		where := ""
		if unreachable != nil {
			where = fmt.Sprintf(" (only %s, which nothing calls, does)", unreachable.Name.Name)
		}
		return fmt.Sprintf("goroutine waits on %s to stop, but nothing closes %s%s: it can never stop and leaks; %s (Close, Stop)", name, name, where, fix)
	}
	if c.isParam(key) || g.decl == nil || c.makeOf(key) == nil || c.escapes(key, g) {
		return ""
	}
	launcher := enclosingFunc(g.cur)
	_, body := analysisutil.FuncParts(launcher)
	if body == nil {
		return ""
	}
	buffered := true
	if n, ok := chanCap(c.info, c.makeOf(key)); ok && n == 0 {
		buffered = false
	}
	kills := 0
	for _, o := range c.index()[key] {
		if !(c.does(o, opClose) || c.does(o, opSend)) || c.owns(g, o) {
			continue
		}
		if buffered && c.does(o, opSend) {
			return "" // a token sent before the goroutine runs: a semaphore or a future
		}
		if deferred(o.cur) {
			return ""
		}
		if enclosingFunc(o.cur) != launcher {
			return "" // closed by a helper literal: not followed
		}
		kills++
	}
	if kills == 0 {
		return fmt.Sprintf("goroutine waits on %s to stop, but nothing closes %s: it can never stop and leaks; defer close(%s) right after starting it", name, name, name)
	}
	ret, ok := c.pathWithout(body, g.cur.Node(), key)
	if !ok {
		return ""
	}
	at := "when the function ends"
	if ret != nil {
		at = fmt.Sprintf("on the return at line %d", c.pass.Fset.Position(ret.Pos()).Line)
	}
	return fmt.Sprintf("goroutine waits on %s to stop, but %s is not closed %s: the goroutine never stops on that path and leaks; defer close(%s) right after starting it", name, name, at, name)
}

// cancelField finds a context handed to g whose cancel func is kept in a
// field that nothing calls. A local cancel func that is dropped on some
// path is go vet's lostcancel check and is not repeated here.
func (c *checker) cancelField(g *goroutine) string {
	for _, v := range c.contextsOf(g) {
		field, shown := c.cancelOf(v)
		if field == nil || field.Exported() {
			continue
		}
		called := false
		for _, o := range c.index()[field] {
			if (o.kind == opCall || c.escaping(o)) && c.reachable(o.decl) {
				called = true
				break
			}
		}
		if !called {
			return fmt.Sprintf("goroutine stops when %s is called, but nothing calls %s: it runs until the process exits; call %s() in Close or Stop", shown, shown, shown)
		}
	}
	return ""
}

// contextsOf returns the local context variables handed to g: arguments
// of its call, or captured by its literal.
func (c *checker) contextsOf(g *goroutine) []*types.Var {
	var out []*types.Var
	add := func(id *ast.Ident) {
		if v, ok := c.info.Uses[id].(*types.Var); ok && analysisutil.IsContextType(v.Type()) && !v.IsField() {
			for _, w := range out {
				if w == v {
					return
				}
			}
			out = append(out, v)
		}
	}
	call := g.cur.Node().(*ast.GoStmt).Call
	for _, a := range call.Args {
		if id, ok := ast.Unparen(a).(*ast.Ident); ok {
			add(id)
		}
	}
	if lit, ok := g.body.(*ast.FuncLit); ok {
		ast.Inspect(lit.Body, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if v, ok := c.info.Uses[id].(*types.Var); ok && (v.Pos() < lit.Pos() || v.Pos() >= lit.End()) {
					add(id)
				}
			}
			return true
		})
	}
	return out
}

// cancelOf finds the field that keeps the cancel func of the context v:
// ctx, s.cancel = context.WithCancel(...), or ctx, cancel := ...; then
// s.cancel = cancel with the local cancel never called.
func (c *checker) cancelOf(v *types.Var) (*types.Var, string) {
	cur, ok := c.insp.Root().FindByPos(v.Pos(), v.Pos()+token.Pos(len(v.Name())))
	if !ok {
		return nil, ""
	}
	as, ok := cur.Parent().Node().(*ast.AssignStmt)
	if !ok || len(as.Lhs) != 2 || len(as.Rhs) != 1 || as.Lhs[0] != cur.Node() {
		return nil, ""
	}
	call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
	if !ok || !analysisutil.IsCanceller(analysisutil.CalleeName(c.info, call)) {
		return nil, ""
	}
	second := as.Lhs[1]
	k := c.keyOf(second)
	if k == nil || k.Pkg() != c.pass.Pkg {
		return nil, ""
	}
	if k.IsField() {
		return k, types.ExprString(second)
	}
	// A local cancel: follow it into one field, unless it is called.
	var field *types.Var
	shown := ""
	for _, o := range c.index()[k] {
		switch o.kind {
		case opCall, opArg:
			return nil, ""
		case opEscape:
			a, ok := o.cur.Parent().Node().(*ast.AssignStmt)
			if !ok || len(a.Lhs) != len(a.Rhs) {
				return nil, ""
			}
			for i, r := range a.Rhs {
				if r == o.cur.Node() {
					if f := c.keyOf(a.Lhs[i]); f != nil && f.IsField() {
						field, shown = f, types.ExprString(a.Lhs[i])
					}
				}
			}
			if field == nil {
				return nil, ""
			}
		}
	}
	return field, shown
}

// signalChan reports whether the channel variable key is handed to a
// signal sink (signal.Notify) anywhere in the package.
func (c *checker) signalChan(key *types.Var) bool {
	for _, o := range c.index()[key] {
		if o.kind != opArg {
			continue
		}
		if i, ok := knowledge.SignalSinks[analysisutil.CalleeName(c.info, o.call)]; ok && i == o.arg {
			return true
		}
	}
	return false
}

// boundedByLauncher reports whether g waits on a local stop signal that
// its launcher closes in a defer: the goroutine ends when the launcher
// returns, so it does not outlive its owner (a stop channel pair bound to
// a request).
func (c *checker) boundedByLauncher(g *goroutine) bool {
	launcher := enclosingFunc(g.cur)
	for _, e := range g.evidence {
		if e.kind != evRecv || e.key == nil || e.key.IsField() || c.isParam(e.key) {
			continue
		}
		for _, o := range c.index()[e.key] {
			if o.kind == opClose && !c.owns(g, o) && deferred(o.cur) && analysisutil.EnclosingDecl(o.cur) == g.decl && c.deferredIn(o.cur, launcher) {
				return true
			}
		}
	}
	return false
}

// deferredIn reports whether the deferred operation at cur is deferred
// by fn itself: defer close(ch) in fn, or defer func() { close(ch) }() in
// fn.
func (c *checker) deferredIn(cur inspector.Cursor, fn ast.Node) bool {
	for d := range cur.Enclosing((*ast.DeferStmt)(nil)) {
		return enclosingFunc(d) == fn
	}
	return false
}
