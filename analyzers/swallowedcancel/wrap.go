package swallowedcancel

import (
	"fmt"
	"go/ast"
	"strings"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
	"golang.org/x/tools/go/analysis"
)

// wrapCall flags fmt.Errorf formatting ctx.Err() without %w.
func (c *checker) wrapCall(call *ast.CallExpr) {
	if a := c.formatsCtxErr(call); a != nil {
		c.pass.Report(analysis.Diagnostic{Pos: call.Pos(), End: call.End(),
			Message: fmt.Sprintf("fmt.Errorf formats %s without %%w: the new error loses the identity of the context error, so callers' errors.Is(err, context.Canceled) fails; wrap it with %%w", c.render(a))})
	}
}

// formatsCtxErr returns the ctx.Err() argument of a fmt.Errorf call e that
// has no %w verb, or nil.
func (c *checker) formatsCtxErr(e ast.Expr) ast.Expr {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return nil
	}
	k, ok := knowledge.ErrorConstructors[analysisutil.CalleeName(c.pass.TypesInfo, call)]
	if !ok || k.Format < 0 || len(call.Args) < k.Format+2 || strings.Contains(formatString(call, k.Format), "%w") {
		return nil
	}
	for _, a := range call.Args[k.Format+1:] {
		if c.isCtxErrSource(a) {
			return a
		}
	}
	return nil
}

// fresh reports whether e is a fresh error that wraps nothing:
// errors.New(...), or fmt.Errorf without %w.
func (c *checker) fresh(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	k, ok := knowledge.ErrorConstructors[analysisutil.CalleeName(c.pass.TypesInfo, call)]
	return ok && (k.Format < 0 || !strings.Contains(formatString(call, k.Format), "%w"))
}
