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

// ineffectiveIf flags `if ctx.Err() != nil { ... }` whose branch neither
// returns, leaves, stores, sends nor passes the error on, in a function
// that received its context and later returns nil: the check notices the
// cancellation and then drops it.
func (c *checker) ineffectiveIf(cur inspector.Cursor, is *ast.IfStmt) {
	b, ok := ast.Unparen(is.Cond).(*ast.BinaryExpr)
	if !ok || b.Op != token.NEQ || !c.isCtxErrSource(b.X) || !isNil(c.pass.TypesInfo, b.Y) || is.Else != nil {
		return
	}
	c.ineffective(cur, is.Body.List, is.End(), "if "+c.render(is.Cond)+" { ... }", is.Pos(), is.Body.Lbrace+1)
}

// ineffectivePoll flags the same in a poll of ctx.Done():
// select { case <-ctx.Done(): ...; default: }.
func (c *checker) ineffectivePoll(cur inspector.Cursor, cc *ast.CommClause, ctx ast.Expr) {
	sel, ok := cur.Parent().Parent().Node().(*ast.SelectStmt)
	if !ok || !c.receivedParam(cur, ctx) {
		return
	}
	poll := false
	for _, cl := range sel.Body.List {
		poll = poll || cl.(*ast.CommClause).Comm == nil
	}
	if !poll {
		return
	}
	c.ineffective(cur, cc.Body, sel.End(), "case <-"+c.render(ctx)+".Done()", cc.Pos(), cc.Colon+1)
}

func (c *checker) ineffective(cur inspector.Cursor, body []ast.Stmt, after token.Pos, what string, pos, end token.Pos) {
	fi := c.funcAt(cur)
	if !fi.returnsErr() || !fi.received || fi.owner || !c.handsNothingOn(body) {
		return
	}
	fn := analysisutil.EnclosingFunc(cur)
	var later *ast.ReturnStmt
	for r := range fn.Preorder((*ast.ReturnStmt)(nil)) {
		ret := r.Node().(*ast.ReturnStmt)
		if ret.Pos() > after && len(ret.Results) > 0 && isNil(c.pass.TypesInfo, ret.Results[len(ret.Results)-1]) &&
			analysisutil.EnclosingFunc(r).Node() == fn.Node() {
			later = ret
			break
		}
	}
	if later == nil {
		return
	}
	c.pass.Report(analysis.Diagnostic{Pos: pos, End: end,
		Message: fmt.Sprintf("%s notices that the context is done but neither returns nor passes the error on, and %s later returns nil: its caller takes the cancellation for success; return ctx.Err() in the branch", what, c.funcName(cur))})
}

// handsNothingOn reports whether the statements neither leave (return,
// break, continue, goto, panic), nor assign, send, or pass a context error
// to a call.
func (c *checker) handsNothingOn(body []ast.Stmt) bool {
	ok := true
	for _, st := range body {
		ast.Inspect(st, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt, *ast.BranchStmt, *ast.AssignStmt, *ast.IncDecStmt, *ast.SendStmt, *ast.DeferStmt, *ast.GoStmt:
				ok = false
			case *ast.CallExpr:
				if id, isID := n.Fun.(*ast.Ident); isID && knowledge.LeavingBuiltins[id.Name] {
					ok = false
				}
				for _, a := range n.Args {
					if c.isCtxErrSource(a) {
						ok = false
					}
				}
			}
			return ok
		})
	}
	return ok
}
