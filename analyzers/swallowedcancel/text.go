package swallowedcancel

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
	"golang.org/x/tools/go/analysis"
)

// textCompare flags err.Error() == "context canceled" (and !=) and
// reports whether it did.
func (c *checker) textCompare(b *ast.BinaryExpr) bool {
	if b.Op != token.EQL && b.Op != token.NEQ {
		return false
	}
	if !c.stringMatch(b.X, b.Y) && !c.stringMatch(b.Y, b.X) {
		return false
	}
	c.pass.Report(analysis.Diagnostic{Pos: b.Pos(), End: b.End(),
		Message: "comparing err.Error() with the text of a context error: wrapping changes the text, so cancellation slips through; use errors.Is(err, context.Canceled)"})
	return true
}

// textCall flags strings.Contains(err.Error(), "context canceled") and the
// other text matchers.
func (c *checker) textCall(call *ast.CallExpr) {
	m, ok := knowledge.TextMatchers[analysisutil.CalleeName(c.pass.TypesInfo, call)]
	if !ok || len(call.Args) != 2 || !c.stringMatch(call.Args[m.Subject], call.Args[m.Text]) {
		return
	}
	c.pass.Report(analysis.Diagnostic{Pos: call.Pos(), End: call.End(),
		Message: "matching err.Error() against the text of a context error: wrapping and other messages make this fragile; use errors.Is(err, context.Canceled)"})
}

// stringMatch reports whether x is err.Error() and y a context error text.
func (c *checker) stringMatch(x, y ast.Expr) bool {
	lit, ok := ast.Unparen(y).(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return false
	}
	s, err := strconv.Unquote(lit.Value)
	if err != nil {
		return false
	}
	if _, ok := knowledge.ContextErrorTexts[s]; !ok {
		return false
	}
	return c.isErrorCall(x)
}

// isErrorCall reports whether e is a call of the Error method of an error.
func (c *checker) isErrorCall(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "Error" && len(call.Args) == 0 && types.Implements(c.pass.TypesInfo.TypeOf(sel.X), errorType)
}
