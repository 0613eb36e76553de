package handlerblock

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

var (
	sendBlocks = knowledge.Blocking{
		Reason:      "blocks until a receiver is ready or the buffer has room, without watching the context",
		Alternative: "a select with a case <-ctx.Done()",
	}
	selectBlocks = knowledge.Blocking{
		Reason:      "blocks until one of its channels is ready, without watching the context",
		Alternative: "a case <-ctx.Done()",
	}
	recvBlocks = knowledge.Blocking{
		Reason:      "blocks until a value arrives, without watching the context",
		Alternative: "a select with a case <-ctx.Done()",
	}
	// On a channel parameter (paramchans.go) the other end is the
	// caller's.
	sendParamBlocks = knowledge.Blocking{
		Reason:      "blocks until the caller's receiver is ready or the buffer has room, without watching the context",
		Alternative: sendBlocks.Alternative,
	}
	recvParamBlocks = knowledge.Blocking{
		Reason:      "blocks until the caller's sender delivers a value, without watching the context",
		Alternative: recvBlocks.Alternative,
	}
)

// chanOp reports whether the node at cur is a channel send or receive that
// can block without a context: an operation outside any select, on a
// channel held in a struct field or a package-level variable, or on a
// channel parameter of a per-operation function (paramchans.go). Channels
// made by the function itself, other parameters and call results are left
// alone (their buffer and their other end are usually right there, and
// when in doubt the pass stays silent). Operations in a select are judged
// with the select (blockingSelect), and operations in deferred calls (a
// semaphore release) are skipped.
func (c *checker) chanOp(cur inspector.Cursor) (site, bool) {
	var ch ast.Expr
	var kb knowledge.Blocking
	verb := ""
	switch n := cur.Node().(type) {
	case *ast.SendStmt:
		ch, kb, verb = n.Chan, sendBlocks, "send to "
	case *ast.UnaryExpr:
		if n.Op != token.ARROW {
			return site{}, false
		}
		ch, kb, verb = n.X, recvBlocks, "receive from "
	case *ast.SelectStmt:
		return c.blockingSelect(cur, n)
	default:
		return site{}, false
	}
	if inSelectComm(cur) || inDefer(cur) {
		return site{}, false
	}
	if !c.sharedChan(ch) {
		if !c.paramChan(cur, ch) {
			return site{}, false
		}
		kb = sendParamBlocks
		if verb == "receive from " {
			kb = recvParamBlocks
		}
	}
	s := site{cur: cur, name: verb + types.ExprString(ch), kb: kb, chanOp: true}
	if send, ok := cur.Node().(*ast.SendStmt); ok {
		if c.oneReply(cur, ch) {
			return site{}, false // replies.go
		}
		s.fix = c.sendFix(cur, send) // paramchans.go
	}
	return s, true
}

// blockingSelect reports a select with no default and no case on a
// context's Done channel whose cases all operate on shared channels (struct
// fields, package variables). A case on anything else (a local channel, a
// call such as time.After, reported on its own) leaves it alone.
func (c *checker) blockingSelect(cur inspector.Cursor, sel *ast.SelectStmt) (site, bool) {
	if len(sel.Body.List) == 0 || inDefer(cur) || selectWatchesStop(sel) {
		return site{}, false
	}
	var names []string
	for _, st := range sel.Body.List {
		cc, ok := st.(*ast.CommClause)
		if !ok || cc.Comm == nil {
			return site{}, false // default
		}
		ch := commChan(cc.Comm)
		if ch == nil || !c.sharedChan(ch) {
			return site{}, false
		}
		names = append(names, types.ExprString(ch))
	}
	return site{cur: cur, name: "select on " + strings.Join(names, ", "), kb: selectBlocks, chanOp: true}, true
}

// commChan returns the channel of a select case: ch in ch <- v, <-ch,
// v := <-ch, v, ok = <-ch.
func commChan(comm ast.Stmt) ast.Expr {
	if s, ok := comm.(*ast.SendStmt); ok {
		return s.Chan
	}
	return analysisutil.RecvChan(comm)
}

// inDefer reports whether cur runs in a deferred call, such as the release
// of a semaphore: defer func() { <-s.sem }().
func inDefer(cur inspector.Cursor) bool {
	for range cur.Enclosing((*ast.DeferStmt)(nil)) {
		return true
	}
	return false
}

// inSelectComm reports whether the statement holding cur is the Comm of a
// select clause.
func inSelectComm(cur inspector.Cursor) bool {
	for p := cur; p.Index() >= 0; p = p.Parent() {
		if _, ok := p.Node().(ast.Stmt); !ok {
			continue
		}
		k, _ := p.ParentEdge()
		return k == edge.CommClause_Comm
	}
	return false
}

// sharedChan reports whether ch names a channel-typed struct field or
// package-level variable (not a call result, local or parameter).
func (c *checker) sharedChan(ch ast.Expr) bool {
	info := c.pass.TypesInfo
	t := info.TypeOf(ch)
	if t == nil {
		return false
	}
	if _, ok := t.Underlying().(*types.Chan); !ok {
		return false
	}
	v := sharedVarOf(info, ch)
	return v != nil && !c.tokens[v]
}

// findTokenChans records the channels of the package that are counting
// semaphores filled with their tokens where they are made: a function
// makes the channel of a struct field or package-level variable
// (&sem{ch: make(chan struct{}, n)}, s.ch = make(...)) and sends into it
// in a loop (for range n { s.ch <- struct{}{} }). A receive takes a token
// and waits only for another holder to put one back, as sync.Mutex's Lock
// waits for Unlock (which the pass does not report either); a send puts
// back the token a receive took and cannot block. Such a channel is a
// lock, not a hand-off to another goroutine.
func (c *checker) findTokenChans(insp *inspector.Inspector) {
	info := c.pass.TypesInfo
	isMake := func(e ast.Expr) bool {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		return ok && len(call.Args) == 2 && isMakeCall(info, call)
	}
	for fc := range insp.Root().Preorder((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		_, body := analysisutil.FuncParts(fc.Node())
		if body == nil {
			continue
		}
		made := map[*types.Var]bool{} // buffered channels this function makes
		for n := range fc.Preorder((*ast.KeyValueExpr)(nil), (*ast.AssignStmt)(nil)) {
			switch n := n.Node().(type) {
			case *ast.KeyValueExpr:
				if k, ok := n.Key.(*ast.Ident); ok && isMake(n.Value) {
					if v, ok := info.Uses[k].(*types.Var); ok && v.IsField() {
						made[v] = true
					}
				}
			case *ast.AssignStmt:
				if len(n.Lhs) != len(n.Rhs) {
					continue
				}
				for i, lhs := range n.Lhs {
					if v := sharedVarOf(info, lhs); v != nil && isMake(n.Rhs[i]) {
						made[v] = true
					}
				}
			}
		}
		if len(made) == 0 {
			continue
		}
		for s := range fc.Preorder((*ast.SendStmt)(nil)) {
			send := s.Node().(*ast.SendStmt)
			v := sharedVarOf(info, send.Chan)
			if v == nil || !made[v] {
				continue
			}
			// The tokens are all alike (struct{}{}, the semaphore itself):
			// a loop that sends what it iterates over fills a queue.
			if loop := loopOf(s, fc); loop != nil && !usesDeclaredIn(info, send.Value, loop) {
				c.tokens[v] = true
			}
		}
	}
}

// loopOf returns the innermost loop of the function at fc around cur, not
// in a nested function literal, or nil.
func loopOf(cur, fc inspector.Cursor) ast.Node {
	for p := cur.Parent(); p != fc && p.Index() >= 0; p = p.Parent() {
		switch n := p.Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return n
		case *ast.FuncLit, *ast.FuncDecl:
			return nil
		}
	}
	return nil
}

// usesDeclaredIn reports whether e uses a variable declared inside n (a
// loop's iteration variables, its body's locals).
func usesDeclaredIn(info *types.Info, e ast.Expr, n ast.Node) bool {
	found := false
	ast.Inspect(e, func(m ast.Node) bool {
		if id, ok := m.(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok && n.Pos() <= v.Pos() && v.Pos() < n.End() {
				found = true
			}
		}
		return !found
	})
	return found
}

// sharedVar reports whether e names a struct field or a package-level
// variable.
func (c *checker) sharedVar(e ast.Expr) bool {
	return sharedVarOf(c.pass.TypesInfo, e) != nil
}

// sharedVarOf returns the struct field or package-level variable e names,
// or nil.
func sharedVarOf(info *types.Info, e ast.Expr) *types.Var {
	var v *types.Var
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, _ = info.ObjectOf(e).(*types.Var)
	case *ast.SelectorExpr:
		v, _ = info.ObjectOf(e.Sel).(*types.Var)
	}
	if v == nil || (!v.IsField() && (v.Pkg() == nil || v.Parent() != v.Pkg().Scope())) {
		return nil
	}
	return v
}

// selectWatchesStop reports whether a case of sel receives and then
// returns: a stop signal (case <-s.quit: return) that ends the wait, as a
// ctx.Done() case would. Worker loops paced by a select on their stop
// channel and a timer are the common shape.
func selectWatchesStop(sel *ast.SelectStmt) bool {
	for _, st := range sel.Body.List {
		cc, ok := st.(*ast.CommClause)
		if !ok || cc.Comm == nil || analysisutil.RecvChan(cc.Comm) == nil || len(cc.Body) == 0 {
			continue
		}
		if _, ok := cc.Body[len(cc.Body)-1].(*ast.ReturnStmt); ok {
			return true
		}
	}
	return false
}
