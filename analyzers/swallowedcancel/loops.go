package swallowedcancel

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// forLoop checks loops that cannot stop once their context is done.
func (c *checker) forLoop(cur inspector.Cursor, s *ast.ForStmt) {
	if s.Cond != nil && c.mentionsCtx(s.Cond) {
		return
	}
	// Ctx-aware waits: selects with a <-ctx.Done() case directly in this loop.
	var waits []*ast.SelectStmt
	for sc := range cur.Preorder((*ast.SelectStmt)(nil)) {
		if l := c.loopOf(sc); !l.Valid() || l.Node() != s {
			continue
		}
		for _, cl := range sc.Node().(*ast.SelectStmt).Body.List {
			if c.doneContext(cl.(*ast.CommClause).Comm) != nil {
				waits = append(waits, sc.Node().(*ast.SelectStmt))
				break
			}
		}
	}
	otherCheck := c.checksCtxOutside(cur, waits)
	if otherCheck {
		return
	}
	if len(waits) > 0 {
		first := waits[0]
		for i, st := range s.Body.List {
			if st.Pos() >= first.Pos() {
				break
			}
			is, ok := st.(*ast.IfStmt)
			if !ok || is.Else != nil {
				continue
			}
			if id := c.errOnly(errNotNil(is.Cond)); !c.sentinelCond(is.Cond) && (id == nil || c.ctxCallBefore(s.Body.List[:i], is, id) == "") {
				continue
			}
			for b := range branches(is.Body) {
				if b.Tok == token.CONTINUE && (b.Label == nil || c.labels(cur, b.Label)) {
					c.pass.Report(analysis.Diagnostic{Pos: b.Pos(), End: b.End(),
						Message: "continue skips the select on ctx.Done(), the loop's only check of its context, so the loop cannot stop once the context is done; check ctx.Err() here or move the wait to the loop head"})
				}
			}
		}
		return
	}
	if !c.errLoop(cur, s.Body, s.Cond != nil) && s.Cond == nil {
		c.retryLoop(cur, s)
	}
}

// errLoop flags, in a loop with no check of its context, an error from a
// context-aware call that is logged and followed by another iteration:
// once the context is done the call fails at once on every iteration. It
// reports whether it reported.
func (c *checker) errLoop(loop inspector.Cursor, body *ast.BlockStmt, bounded bool) (reported bool) {
	for i, st := range body.List {
		is, ok := st.(*ast.IfStmt)
		if !ok {
			continue
		}
		errID := c.errOnly(errNotNil(is.Cond))
		sentinel := c.sentinelCond(is.Cond)
		if errID == nil && !sentinel {
			continue
		}
		if leaves(is.Body) || is.Else != nil {
			continue
		}
		cont := endsInContinue(is.Body)
		if !cont && !bounded && errID == nil {
			continue
		}
		if bounded && !cont && !c.sleeps(loop) {
			continue
		}
		if !cont && !bounded && !c.hasCall(is.Body) {
			continue
		}
		var via string
		if errID != nil {
			via = c.retryCallBefore(loop, body.List[:i], is, errID)
			if via == "" {
				continue
			}
		} else {
			via = "the context"
		}
		what := "the loop logs the error and continues"
		if sentinel {
			what = "the loop continues on a context error"
		}
		why := "so once the context is done it spins on the same error and cannot stop"
		if bounded {
			why = "so it retries cancellation as if it were a transient failure"
		}
		reported = true
		c.pass.Report(analysis.Diagnostic{Pos: is.Pos(), End: is.Body.Lbrace + 1,
			Message: fmt.Sprintf("%s from %s and never checks its context, %s; return when errors.Is(err, context.Canceled) or ctx.Err() != nil", what, via, why)})
	}
	return reported
}

// checksCtxOutside is checksCtx ignoring the selects in waits and
// everything inside them.
func (c *checker) checksCtxOutside(loop inspector.Cursor, waits []*ast.SelectStmt) bool {
	if fs, ok := loop.Node().(*ast.ForStmt); ok && fs.Cond != nil && c.mentionsCtx(fs.Cond) {
		return true
	}
	in := func(pos token.Pos) bool {
		for _, w := range waits {
			if w.Pos() <= pos && pos < w.End() {
				return true
			}
		}
		return false
	}
	for cur := range loop.Preorder((*ast.CallExpr)(nil), (*ast.IfStmt)(nil)) {
		if in(cur.Node().Pos()) {
			// Code in the waits (a ctx.Err() in the done case's return)
			// runs only when the wait does: no separate check.
			continue
		}
		switch n := cur.Node().(type) {
		case *ast.CallExpr:
			if c.isCtxErrSource(n) || c.doneCall(n) != nil {
				return true
			}
		case *ast.IfStmt:
			if c.sentinelCond(n.Cond) && leaves(n.Body) {
				return true
			}
		}
	}
	return false
}

// checksCtx reports whether the loop checks its context other than in the
// `except` node: ctx.Err(), context.Cause, a <-ctx.Done() receive, a call
// in the loop condition that takes a context, or an if on a context error
// that leaves the loop.
func (c *checker) checksCtx(loop inspector.Cursor, except ast.Node) bool {
	if fs, ok := loop.Node().(*ast.ForStmt); ok && fs.Cond != nil && c.mentionsCtx(fs.Cond) {
		return true
	}
	found := false
	for cur := range loop.Preorder((*ast.CallExpr)(nil), (*ast.IfStmt)(nil), (*ast.FuncLit)(nil)) {
		if found {
			break
		}
		switch n := cur.Node().(type) {
		case *ast.CallExpr:
			if c.isCtxErrSource(n) {
				found = true
			}
			if x := c.doneCall(n); x != nil {
				// <-ctx.Done() in a select, or a plain receive.
				found = true
			}
		case *ast.IfStmt:
			if n != except && c.sentinelCond(n.Cond) && leaves(n.Body) {
				found = true
			}
		}
	}
	return found
}

// leaves reports whether the block returns, panics, or leaves the loop.
func leaves(b *ast.BlockStmt) bool {
	found := false
	ast.Inspect(b, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			found = true
		case *ast.BranchStmt:
			if n.Tok == token.BREAK || n.Tok == token.GOTO {
				found = true
			}
		case *ast.CallExpr:
			if id, ok := n.Fun.(*ast.Ident); ok && knowledge.LeavingBuiltins[id.Name] {
				found = true
			}
		}
		return !found
	})
	return found
}

func (c *checker) hasCall(b *ast.BlockStmt) bool {
	found := false
	ast.Inspect(b, func(n ast.Node) bool {
		_, ok := n.(*ast.CallExpr)
		found = found || ok
		return !found
	})
	return found
}

// sleeps reports whether the loop waits without watching a context
// (time.Sleep, <-time.After).
func (c *checker) sleeps(loop inspector.Cursor) bool {
	for cur := range loop.Preorder((*ast.CallExpr)(nil)) {
		if knowledge.PlainWaits[analysisutil.CalleeName(c.pass.TypesInfo, cur.Node().(*ast.CallExpr))] {
			return true
		}
	}
	return false
}

// errNotNil returns err when e is err != nil.
func errNotNil(e ast.Expr) *ast.Ident { return errCmpNil(e, token.NEQ) }

// errOnly returns id when it names an error value (its type implements
// error), or nil: upd != nil on a found *T, or resp != nil on a forwarded
// response, is a test of a result, not of the call's failure.
func (c *checker) errOnly(id *ast.Ident) *ast.Ident {
	if id == nil || !isErrorType(c.pass.TypesInfo.TypeOf(id)) {
		return nil
	}
	return id
}

// isErrorType reports whether t implements error.
func isErrorType(t types.Type) bool {
	return t != nil && types.Implements(t, errType.Underlying().(*types.Interface))
}

// errIsNil returns err when e is err == nil.
func errIsNil(e ast.Expr) *ast.Ident { return errCmpNil(e, token.EQL) }

// errCmpNil returns err when e is err <op> nil.
func errCmpNil(e ast.Expr, op token.Token) *ast.Ident {
	b, ok := ast.Unparen(e).(*ast.BinaryExpr)
	if !ok || b.Op != op {
		return nil
	}
	id, ok := ast.Unparen(b.X).(*ast.Ident)
	if y, ok2 := ast.Unparen(b.Y).(*ast.Ident); !ok || !ok2 || y.Name != "nil" {
		return nil
	}
	return id
}

func endsInContinue(b *ast.BlockStmt) bool {
	if len(b.List) == 0 {
		return false
	}
	br, ok := b.List[len(b.List)-1].(*ast.BranchStmt)
	return ok && br.Tok == token.CONTINUE && br.Label == nil
}

// ctxCallBefore returns the name of the context-aware call that assigned
// errID (in the if's init or the statements before it), or "".
func (c *checker) ctxCallBefore(before []ast.Stmt, is *ast.IfStmt, errID *ast.Ident) string {
	return c.callBefore(before, is, errID, c.ctxCall)
}

// callBefore finds the last assignment to errID in the if's init or the
// statements before it and returns what name gives for the first call in
// its right-hand side that it names, or "".
func (c *checker) callBefore(before []ast.Stmt, is *ast.IfStmt, errID *ast.Ident, name func(*ast.CallExpr) string) string {
	for _, r := range c.assignedBy(withInit(before, is), errID) {
		if s := c.errCall(r, true, name); s != "" {
			return s
		}
	}
	return ""
}

// withInit returns the statements before the if, then its init, if any:
// where what its condition tests was last assigned.
func withInit(before []ast.Stmt, is *ast.IfStmt) []ast.Stmt {
	if is.Init == nil {
		return before
	}
	return append(append([]ast.Stmt{}, before...), is.Init)
}

// assignedBy returns the right-hand side of the last assignment to id
// among stmts: the expression assigned to it, or the whole multi-valued
// right-hand side (v, err := f()); nil when none assigns it.
func (c *checker) assignedBy(stmts []ast.Stmt, id *ast.Ident) []ast.Expr {
	obj := c.pass.TypesInfo.ObjectOf(id)
	for j := len(stmts) - 1; j >= 0; j-- {
		as, ok := stmts[j].(*ast.AssignStmt)
		if !ok {
			continue
		}
		at := -1
		for i, l := range as.Lhs {
			if id, ok := l.(*ast.Ident); ok && c.pass.TypesInfo.ObjectOf(id) == obj {
				at = i
			}
		}
		if at < 0 {
			continue
		}
		if len(as.Rhs) == len(as.Lhs) {
			return as.Rhs[at : at+1]
		}
		return as.Rhs
	}
	return nil
}

// errCall returns what name gives for the first call in e whose error e
// carries: e's own call, the calls of its receiver chain
// (rdb.Get(ctx, k).Err()), and calls in its arguments of type error
// (wrap(fetch(ctx))), but not a call that only computes another argument
// (check(size, scope(ctx)) fails for check's own reasons). counts says
// whether e itself carries the error.
func (c *checker) errCall(e ast.Expr, counts bool, name func(*ast.CallExpr) string) string {
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if counts {
			if s := name(e); s != "" {
				return s
			}
		}
		if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok {
			if s := c.errCall(sel.X, counts, name); s != "" {
				return s
			}
		}
		for _, a := range e.Args {
			if s := c.errCall(a, isErrorType(c.pass.TypesInfo.TypeOf(a)), name); s != "" {
				return s
			}
		}
	case *ast.UnaryExpr:
		return c.errCall(e.X, counts, name)
	case *ast.SelectorExpr:
		return c.errCall(e.X, counts, name)
	case *ast.TypeAssertExpr:
		return c.errCall(e.X, counts, name)
	case *ast.IndexExpr:
		return c.errCall(e.X, counts, name)
	}
	return ""
}

// tickerLoop flags `for range ticker.C` with no check of the context in a
// function that has one.
func (c *checker) tickerLoop(cur inspector.Cursor, s *ast.RangeStmt) {
	if !c.isTick(s.X) || c.checksCtx(cur, nil) {
		return
	}
	if !c.hasCtx(cur) {
		return
	}
	c.pass.Report(analysis.Diagnostic{Pos: s.Pos(), End: s.Body.Lbrace,
		Message: fmt.Sprintf("for range %s never checks the context, so this loop cannot stop once the context is done (a ticker channel is never closed); use for { select { case <-ctx.Done(): return; case <-%s: ... } }", c.render(s.X), c.render(s.X))})
}

// isTick reports whether e is the channel of a *time.Ticker or time.Tick.
func (c *checker) isTick(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		for _, tc := range knowledge.TickerChans {
			if e.Sel.Name == tc.Field && analysisutil.IsNamedType(c.pass.TypesInfo.TypeOf(e.X), tc.Path, tc.Type) {
				return true
			}
		}
	case *ast.CallExpr:
		return knowledge.TickCalls[analysisutil.CalleeName(c.pass.TypesInfo, e)]
	}
	return false
}

// hasCtx reports whether the function enclosing cur has a context: a
// context parameter or a context variable used in the loop.
func (c *checker) hasCtx(cur inspector.Cursor) bool {
	if c.funcAt(cur).received {
		return true
	}
	for id := range cur.Preorder((*ast.Ident)(nil)) {
		if analysisutil.IsContextType(c.pass.TypesInfo.TypeOf(id.Node().(*ast.Ident))) {
			return true
		}
	}
	return false
}
