package unsupervisedgo

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// Check: a goroutine blocked forever on a send its launcher stopped
// reading.

// checkLeak reports a goroutine that sends on a local channel with less
// room than its sends on some path while its launcher may stop reading.
func (c *checker) checkLeak(g *goroutine, pos, end token.Pos) bool {
	if g.decl == nil || g.spawn {
		return false
	}
	launcher := enclosingFunc(g.cur)
	var order []*types.Var
	exprs := map[*types.Var]ast.Expr{}
	recvs := map[*types.Var]bool{}
	for _, e := range g.evidence {
		if e.kind == evRecv {
			recvs[e.key] = true
		}
	}
	for _, e := range g.evidence {
		if e.kind != evSend || e.guard || e.key == nil {
			continue
		}
		if _, ok := exprs[e.key]; !ok {
			exprs[e.key] = e.expr
			order = append(order, e.key)
		}
	}
	for _, key := range order {
		if key.IsField() || key.Parent() == c.pass.Pkg.Scope() || c.isParam(key) {
			continue
		}
		if recvs[key] {
			continue // acquire and release: a semaphore, not a result
		}
		mk := c.makeOf(key)
		if mk == nil || c.escapes(key, g) {
			continue
		}
		capacity, ok := chanCap(c.info, mk)
		if !ok {
			continue // sized at run time: assume it covers the sends
		}
		sends := c.goroutineSends(g, key)
		if sends.n == 0 && !sends.loop {
			continue
		}
		many := loopAround(g.cur, launcher, mk.Pos())
		if !many && !sends.loop && capacity >= int64(sends.n) {
			continue
		}
		if many && !sends.loop {
			// One goroutine per iteration of loops with a constant
			// count: room for every send is enough.
			if trips, ok := c.tripCount(g.cur, launcher, mk.Pos()); ok && trips <= capacity/max(int64(sends.n), 1) {
				continue
			}
		}
		why, ok := c.launcherStops(key, g, launcher)
		if !ok {
			continue
		}
		name := types.ExprString(exprs[key])
		room := fmt.Sprintf("%s is unbuffered", name)
		if capacity == 1 {
			room = fmt.Sprintf("%s has room for 1 value only", name)
		} else if capacity > 1 {
			room = fmt.Sprintf("%s has room for %d values only", name, capacity)
		}
		senders := "" // for a buffered channel: why its room is too small
		switch {
		case many:
			senders = "one goroutine per loop iteration sends on it"
		case sends.loop:
			senders = "the goroutine sends in a loop"
		case sends.n > 1:
			senders = fmt.Sprintf("the goroutine sends up to %d on one path", sends.n)
		}
		if senders != "" && capacity > 0 {
			room += ", " + senders + ","
		}
		var fixes []analysis.SuggestedFix
		if capacity == 0 && !many && !sends.loop && sends.n == 1 {
			fixes = append(fixes, makeFix(mk, name))
		}
		c.report(pos, end, fmt.Sprintf(
			"goroutine may block forever sending on %s: %s and its launcher stops reading %s, so the goroutine leaks; "+
				"give the channel room for every send (make(chan T, n)) or send in a select with <-ctx.Done()",
			name, room, why), fixes...)
		return true
	}
	return false
}

// goroutineSends counts g's sends on key along its paths: through its
// body when the pass sees it, else through the summary of the function
// its go statement calls.
func (c *checker) goroutineSends(g *goroutine, key *types.Var) sendCount {
	if _, body := analysisutil.FuncParts(g.body); body != nil {
		return c.maxSends(body, c.matchKey(key, g.subst), 0)
	}
	var n sendCount
	call := g.cur.Node().(*ast.GoStmt).Call
	for i, a := range call.Args {
		if c.keyOf(a) != key {
			continue
		}
		if s, ok := c.argSummary(call, i); ok && s.Sync&mSend != 0 {
			n = n.plus(sendCount{s.Sends, s.Loop})
		}
	}
	return n
}

// matchKey matches channel expressions of a goroutine's body that denote
// key, through the parameters bound at its go statement.
func (c *checker) matchKey(key *types.Var, subst map[*types.Var]ast.Expr) chanMatch {
	return func(x ast.Expr) bool {
		k := c.keyOf(x)
		if a, ok := subst[k]; ok && k != nil {
			k = c.keyOf(a)
		}
		return k == key
	}
}

// chanCap returns the constant capacity of make(chan T[, n]).
func chanCap(info *types.Info, mk *ast.CallExpr) (int64, bool) {
	if len(mk.Args) < 2 {
		return 0, true
	}
	tv := info.Types[mk.Args[1]]
	if tv.Value == nil {
		return 0, false
	}
	n, ok := constant.Int64Val(constant.ToInt(tv.Value))
	return n, ok
}

// escapes reports whether the local v flows into something the pass does
// not follow: a call without a summary outside goroutine g, or, anywhere,
// another variable, a struct or a result.
func (c *checker) escapes(v *types.Var, g *goroutine) bool {
	for _, o := range c.index()[v] {
		// The goroutine's own calls are judged by their summaries; a
		// channel it stores in a value (a request struct sent to a
		// worker) is handed on like any other.
		if c.escaping(o) && (o.kind == opEscape || !c.owns(g, o)) {
			return true
		}
	}
	return false
}

// launcherStops reports whether the launcher (the function containing the
// go statement) may stop receiving from ch before every send is taken:
// it receives in a select whose other case leaves (context done, timeout,
// default), or in a loop it can return from early (first error). It also
// reports a channel nobody receives from.
func (c *checker) launcherStops(ch *types.Var, g *goroutine, launcher ast.Node) (string, bool) {
	received := false
	for _, o := range c.index()[ch] {
		if !c.does(o, opRecv) || c.owns(g, o) {
			continue
		}
		received = true
		if o.kind != opRecv || enclosingFunc(o.cur) != launcher {
			continue
		}
		if cc, sel := commOf(o.cur); cc != nil {
			looping := inLoop(o.cur, launcher)
			for _, other := range sel.Body.List {
				other := other.(*ast.CommClause)
				if other == cc {
					continue
				}
				if looping && !leaves(other.Body) {
					continue
				}
				if c.readsAgain(launcher, sel, other, ch) {
					continue // it gives up waiting, not reading
				}
				return c.caseWhy(other), true
			}
			continue
		}
		for p := o.cur.Parent(); p.Node() != nil && p.Node() != launcher; p = p.Parent() {
			var body *ast.BlockStmt
			switch l := p.Node().(type) {
			case *ast.ForStmt:
				body = l.Body
			case *ast.RangeStmt:
				body = l.Body
			default:
				continue
			}
			if ret := firstReturn(body); ret != nil {
				return fmt.Sprintf("when it returns early (line %d), for example on the first error", c.pass.Fset.Position(ret.Pos()).Line), true
			}
			break
		}
	}
	if !received {
		return "because nothing receives from it", true
	}
	return "", false
}

// commOf returns the select clause whose Comm receives at cur, and its
// select statement.
func commOf(cur inspector.Cursor) (*ast.CommClause, *ast.SelectStmt) {
	prev := cur
	for p := cur.Parent(); p.Node() != nil; p = p.Parent() {
		switch n := p.Node().(type) {
		case *ast.CommClause:
			if n.Comm != nil && n.Comm == prev.Node() {
				if sel, ok := p.Parent().Parent().Node().(*ast.SelectStmt); ok {
					return n, sel
				}
			}
			return nil, nil
		case ast.Stmt:
			if _, ok := n.(*ast.ExprStmt); !ok {
				if _, ok := n.(*ast.AssignStmt); !ok {
					return nil, nil
				}
			}
		case *ast.FuncLit:
			return nil, nil
		}
		prev = p
	}
	return nil, nil
}

// caseWhy describes when a select takes the clause cc instead of reading.
func (c *checker) caseWhy(cc *ast.CommClause) string {
	if cc.Comm == nil {
		return "when no value is ready (select default)"
	}
	if src, ok := c.stopSource(analysisutil.RecvChan(cc.Comm)); ok {
		return src.Why
	}
	return "when another select case fires"
}

// stopSource looks up a channel expression in the knowledge tables of
// channels that fire on their own (ctx.Done(), time.After, timer.C).
func (c *checker) stopSource(x ast.Expr) (knowledge.StopSource, bool) {
	switch ch := ast.Unparen(x).(type) {
	case *ast.CallExpr:
		src, ok := knowledge.StopCalls[analysisutil.CalleeName(c.info, ch)]
		return src, ok
	case *ast.SelectorExpr:
		t := c.info.TypeOf(ch.X)
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil {
			src, ok := knowledge.StopFields[n.Obj().Pkg().Path()+"."+n.Obj().Name()+"."+ch.Sel.Name]
			return src, ok
		}
	}
	return knowledge.StopSource{}, false
}

// makeFix is a suggested fix that gives make(chan T) a buffer of one.
func makeFix(mk *ast.CallExpr, name string) analysis.SuggestedFix {
	return analysis.SuggestedFix{
		Message:   fmt.Sprintf("buffer %s for its one send", name),
		TextEdits: []analysis.TextEdit{{Pos: mk.Rparen, End: mk.Rparen, NewText: []byte(", 1")}},
	}
}
