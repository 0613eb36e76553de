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

// ineffectiveIf flags `if ctx.Err() != nil { ... }` whose branch neither
// returns, leaves, stores, sends nor passes the error on, in a function
// that received its context and later returns nil: the check notices the
// cancellation and then drops it.
// The error may be taken in the if's init (if err := ctx.Err(); err != nil);
// a call given err then passes it on.
func (c *checker) ineffectiveIf(cur inspector.Cursor, is *ast.IfStmt) {
	b, ok := ast.Unparen(is.Cond).(*ast.BinaryExpr)
	if !ok || b.Op != token.NEQ || !isNil(c.pass.TypesInfo, b.Y) || is.Else != nil {
		return
	}
	// The text is rendered only for a check of a context error: render
	// reads the source, and this runs for every if in the package.
	var errObj types.Object
	var what string
	if c.isCtxErrSource(b.X) {
		what = "if " + c.render(is.Cond) + " { ... }"
	} else {
		if errObj = c.initCtxErr(is, b.X); errObj == nil {
			return
		}
		what = "if " + c.render(is.Init) + "; " + c.render(is.Cond) + " { ... }"
	}
	c.ineffective(cur, is.Body.List, errObj, is.End(), what, is.Pos(), is.Body.Lbrace+1)
}

// initCtxErr returns the variable x when the if's init is x := ctx.Err()
// (or context.Cause), or nil.
func (c *checker) initCtxErr(is *ast.IfStmt, x ast.Expr) types.Object {
	as, ok := is.Init.(*ast.AssignStmt)
	id, isID := ast.Unparen(x).(*ast.Ident)
	if !ok || !isID || as.Tok != token.DEFINE || len(as.Lhs) != 1 || len(as.Rhs) != 1 || !c.isCtxErrSource(as.Rhs[0]) {
		return nil
	}
	lhs, ok := as.Lhs[0].(*ast.Ident)
	if !ok || c.pass.TypesInfo.Defs[lhs] == nil || c.pass.TypesInfo.Defs[lhs] != c.pass.TypesInfo.Uses[id] {
		return nil
	}
	return c.pass.TypesInfo.Defs[lhs]
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
	c.ineffective(cur, cc.Body, nil, sel.End(), "case <-"+c.render(ctx)+".Done()", cc.Pos(), cc.Colon+1)
}

func (c *checker) ineffective(cur inspector.Cursor, body []ast.Stmt, errObj types.Object, after token.Pos, what string, pos, end token.Pos) {
	fi := c.funcAt(cur)
	if !fi.returnsErr() || !fi.received || fi.owner || !c.handsNothingOn(body, errObj) {
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
// (or errObj, a variable holding one) to a call.
func (c *checker) handsNothingOn(body []ast.Stmt, errObj types.Object) bool {
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
					if id, isID := ast.Unparen(a).(*ast.Ident); c.isCtxErrSource(a) || (isID && errObj != nil && c.pass.TypesInfo.Uses[id] == errObj) {
						ok = false
					}
				}
			}
			return ok
		})
	}
	return ok
}
