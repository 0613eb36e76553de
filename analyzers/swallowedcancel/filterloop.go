package swallowedcancel

import (
	"fmt"
	"go/ast"
	"go/token"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// filterLoop flags an endless loop (no condition) whose only exits are
// ifs at its top level on the non-nil result of a filter of context
// errors (predicates.go) applied to the error of a context-aware call:
//
//	for {
//		if err := ignoreCanceled(work(ctx)); err != nil {
//			return err
//		}
//	}
//
// Once the context is done the call fails with the context's error, the
// filter turns it into nil and the loop goes round again, forever. Silent
// when the loop can leave otherwise (another return, a break or labelled
// branch out of it, panic, log.Fatal), checks its context anywhere
// (ctx.Err(), ctx.Done(), a test for a context error), runs under a
// context nobody cancels, or in the owner of the context.
func (c *checker) filterLoop(cur inspector.Cursor, s *ast.ForStmt) {
	if s.Cond != nil || c.checksCtx(cur, nil) || c.checksCtxIn(s.Body) {
		return
	}
	fn := analysisutil.EnclosingFunc(cur)
	if !fn.Valid() || c.funcAt(cur).owner {
		return
	}
	var first *ast.IfStmt
	filter := ""
	for i, st := range s.Body.List {
		if is, ok := st.(*ast.IfStmt); ok {
			if name := c.filteredExit(fn, s.Body.List[:i], is); name != "" {
				if first == nil {
					first, filter = is, name
				}
				continue
			}
		}
		if c.leavesLoop(cur, st) {
			return
		}
	}
	if first == nil {
		return
	}
	c.pass.Report(analysis.Diagnostic{Pos: first.Pos(), End: first.Body.Lbrace + 1,
		Message: fmt.Sprintf("the loop leaves only when %s returns a non-nil error, and %s turns a context error into nil, so the loop never stops once its context is done; test errors.Is(err, context.Canceled) before filtering, or check ctx.Err()", filter, filter)})
}

// filteredExit returns the filter's name when is, with no else, leaves
// the loop on err != nil and err was last assigned the result of a filter
// applied to the error of a context-aware call (filter(work(ctx)), or
// filter(err) after err := work(ctx)) whose context may be cancelled;
// "" otherwise.
func (c *checker) filteredExit(fn inspector.Cursor, before []ast.Stmt, is *ast.IfStmt) string {
	errID := c.errOnly(errNotNil(is.Cond))
	if errID == nil || is.Else != nil || !leaves(is.Body) {
		return ""
	}
	stmts := withInit(before, is)
	rhs := c.assignedBy(stmts, errID)
	if len(rhs) != 1 {
		return ""
	}
	call, ok := ast.Unparen(rhs[0]).(*ast.CallExpr)
	if !ok {
		return ""
	}
	name := c.filterCall(call)
	if name == "" {
		return ""
	}
	for _, a := range call.Args {
		if !isErrorType(c.pass.TypesInfo.TypeOf(a)) {
			continue
		}
		src := []ast.Expr{a}
		if id, ok := ast.Unparen(a).(*ast.Ident); ok {
			// filter(err) after err := work(ctx): the statements
			// before the one holding the filter call.
			var prior []ast.Stmt
			for _, st := range stmts {
				if st.Pos() <= call.Pos() && call.End() <= st.End() {
					break
				}
				prior = append(prior, st)
			}
			src = c.assignedBy(prior, id)
		}
		for _, e := range src {
			if c.errCall(e, true, func(k *ast.CallExpr) string { return c.cancellable(fn, k) }) != "" {
				return name
			}
		}
	}
	return ""
}

// cancellable is ctxCall for a call none of whose context arguments is a
// context nobody cancels (uncancelled.go).
func (c *checker) cancellable(fn inspector.Cursor, call *ast.CallExpr) string {
	for _, a := range call.Args {
		if analysisutil.IsContextType(c.pass.TypesInfo.TypeOf(a)) && c.neverCancelled(fn, a, 0) {
			return ""
		}
	}
	return c.ctxCall(call)
}

// leavesLoop reports whether the statement st of the loop's body can
// leave the loop: a return, a break out of it, a branch to a label other
// than the loop's own continue, panic, or a call after which control
// does not continue (log.Fatal, os.Exit).
func (c *checker) leavesLoop(loop inspector.Cursor, st ast.Stmt) bool {
	if c.exitsLoop(loop, []ast.Stmt{st}, true) {
		return true
	}
	for b := range branches(st) {
		if b.Label != nil && !(b.Tok == token.CONTINUE && c.labels(loop, b.Label)) {
			return true
		}
	}
	found := false
	ast.Inspect(st, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if id, ok := call.Fun.(*ast.Ident); ok && knowledge.LeavingBuiltins[id.Name] {
				found = true
			}
			found = found || knowledge.NoReturn[analysisutil.CalleeName(c.pass.TypesInfo, call)]
		}
		_, isLit := n.(*ast.FuncLit)
		return !found && !isLit
	})
	return found
}
