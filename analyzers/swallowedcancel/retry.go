package swallowedcancel

import (
	"fmt"
	"go/ast"
	"go/token"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// retryLoop flags an endless loop with no check of its context (forLoop
// has ruled those out) that calls a context-aware operation, leaves only
// when it succeeds (if err == nil { return }) and otherwise goes round
// again, whether after a backoff by time.Sleep, a log line or a return for
// a "permanent" class of errors: once the context is done the operation
// fails at once and the loop retries cancellation forever. An if that
// leaves on the result of a call given a context (a ctx-aware wait
// helper: if !sleep(ctx, d) { return }), or on the non-nil error of one
// (if err := waitErr(ctx, d); err != nil { return err }), is a check and
// keeps it silent.
func (c *checker) retryLoop(cur inspector.Cursor, s *ast.ForStmt) {
	if s.Init != nil || s.Post != nil || len(s.Body.List) == 0 {
		return
	}
	switch last := s.Body.List[len(s.Body.List)-1].(type) {
	case *ast.ReturnStmt:
		return
	case *ast.BranchStmt:
		if last.Tok == token.BREAK || last.Tok == token.GOTO {
			return
		}
	}
	var success *ast.IfStmt
	via := ""
	for i, st := range s.Body.List {
		is, ok := st.(*ast.IfStmt)
		if !ok {
			continue
		}
		if c.ctxAwareCond(is.Cond) && leaves(is.Body) {
			return
		}
		if id := c.errOnly(errNotNil(is.Cond)); id != nil && leaves(is.Body) && c.ctxCallBefore(s.Body.List[:i], is, id) != "" {
			// The loop leaves when a call given a context fails
			// (if err := waitErr(ctx, d); err != nil { return err }):
			// on cancellation too.
			return
		}
		if success != nil {
			continue
		}
		if id := c.errOnly(errIsNil(is.Cond)); id != nil && is.Else == nil && leaves(is.Body) {
			if v := c.retryCallBefore(cur, s.Body.List[:i], is, id); v != "" {
				success, via = is, v
			}
		}
	}
	if success == nil {
		return
	}
	c.pass.Report(analysis.Diagnostic{Pos: success.Pos(), End: success.Body.Lbrace + 1,
		Message: fmt.Sprintf("the loop leaves only on success of %s and never checks its context, so it retries cancellation forever (once the context is done the call fails at once); return when errors.Is(err, context.Canceled) or ctx.Err() != nil", via)})
}

// ctxAwareCond reports whether e calls a function given a context: the
// result of a ctx-aware helper, which may say that the context is done.
func (c *checker) ctxAwareCond(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			for _, a := range call.Args {
				if analysisutil.IsContextType(c.pass.TypesInfo.TypeOf(a)) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}
