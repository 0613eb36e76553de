package shutdown

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// checkShutdownContext reports a graceful stop (Shutdown) given a context
// that is already done where it is called: after <-ctx.Done() in the same
// function, or in the select case <-ctx.Done(). Shutdown then returns
// at once and drops in-flight requests.
func (s *state) checkShutdownContext() {
	info := s.pass.TypesInfo
	for _, k := range s.knownCalls() {
		c, call, fn := k.cur, k.call, k.fn
		i, ok := knowledge.GracefulStops[k.name]
		if !ok || i >= len(call.Args) || s.skip(call.Pos()) {
			continue
		}
		ctx := analysisutil.UsedObject(info, call.Args[i])
		if ctx == nil || !analysisutil.IsContextType(ctx.Type()) {
			continue
		}
		if doneBefore(info, c, ctx) {
			s.pass.ReportRangef(call.Args[i], "%s is called with %s, which is already done after <-%s.Done(): it returns at once and drops in-flight requests; pass a fresh context.WithTimeout(context.Background(), ...) (or context.WithoutCancel(%s)) to bound the drain",
				analysisutil.ShortName(fn), types.ExprString(call.Args[i]), types.ExprString(call.Args[i]), types.ExprString(call.Args[i]))
		}
	}
}

// doneBefore reports whether, within the function around c, a receive
// <-ctx.Done() is certain to have completed when c runs: it is a statement
// earlier in an enclosing statement list, or the communication of an
// enclosing select case.
func doneBefore(info *types.Info, c inspector.Cursor, ctx types.Object) bool {
	for p := c; p.Node() != nil; p = p.Parent() {
		switch p.Node().(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return false
		}
		if k, _ := p.ParentEdge(); k != edge.BlockStmt_List && k != edge.CaseClause_Body && k != edge.CommClause_Body {
			continue
		}
		// p is a statement of a list: look at the statements before it.
		// The first statement of a select case body has the case's
		// communication before it: case <-ctx.Done(): srv.Shutdown(ctx).
		for prev, ok := p.PrevSibling(); ok; prev, ok = prev.PrevSibling() {
			if st, ok := prev.Node().(*ast.ExprStmt); ok {
				if u, ok := ast.Unparen(st.X).(*ast.UnaryExpr); ok && u.Op == token.ARROW && isDoneRecv(info, u.X, ctx) {
					return true
				}
			}
		}
	}
	return false
}

// isDoneRecv reports whether ch is ctx.Done().
func isDoneRecv(info *types.Info, ch ast.Expr, ctx types.Object) bool {
	call, ok := ast.Unparen(ch).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "Done" && analysisutil.UsedObject(info, sel.X) == ctx
}
