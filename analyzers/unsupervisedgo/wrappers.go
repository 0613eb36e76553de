package unsupervisedgo

import (
	"go/ast"
	"go/types"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
	"github.com/lifelint/lifelint/analyzers/internal/requestpath"
	"golang.org/x/tools/go/ast/edge"
)

// Trackers announced by the launcher: wg.Add(1) right before a go
// statement whose literal runs a func parameter of the launcher (a
// supervisor helper: Done is in the functions its callers hand it, where
// the pass cannot see it).

// addedTracker returns the tracker of the Add call in the statement just
// before g's go statement, when g's literal calls a func parameter of the
// launcher; else nil.
func (c *checker) addedTracker(g *goroutine) ast.Expr {
	if g.spawn || g.decl == nil {
		return nil
	}
	lit, ok := g.body.(*ast.FuncLit)
	if !ok || !c.callsFuncParam(lit, g.decl) {
		return nil
	}
	k, idx := g.cur.ParentEdge()
	var list []ast.Stmt
	switch p := g.cur.Parent().Node().(type) {
	case *ast.BlockStmt:
		if k == edge.BlockStmt_List {
			list = p.List
		}
	case *ast.CaseClause:
		if k == edge.CaseClause_Body {
			list = p.Body
		}
	case *ast.CommClause:
		if k == edge.CommClause_Body {
			list = p.Body
		}
	}
	if idx < 1 || idx > len(list) {
		return nil
	}
	es, ok := list[idx-1].(*ast.ExprStmt)
	if !ok {
		return nil
	}
	call, ok := ast.Unparen(es.X).(*ast.CallExpr)
	if !ok || !knowledge.TrackerAdd[analysisutil.CalleeName(c.info, call)] {
		return nil
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	return sel.X
}

// callsFuncParam reports whether lit calls a func-typed parameter of d.
func (c *checker) callsFuncParam(lit *ast.FuncLit, d *ast.FuncDecl) bool {
	return c.funcParamCall(lit, d, func(*ast.CallExpr) bool { return true })
}

// runsCallersFunc reports whether lit runs the work d's caller handed it:
// it calls a func-typed parameter of d with only d's own parameters,
// constants or the literal's own variables as arguments (fn(),
// fn(ctx, id)). A callback called with values d computed itself
// (notify(context.Background(), key)) is an injected dependency of d's
// own work, not the caller's work: d then starts the goroutine for its
// own reasons, and the go statement is the root cause.
func (c *checker) runsCallersFunc(lit *ast.FuncLit, d *ast.FuncDecl) bool {
	return c.funcParamCall(lit, d, func(call *ast.CallExpr) bool { return c.passThrough(call.Args, lit, d) })
}

// funcParamCall reports whether lit (not its nested literals) calls a
// func-typed parameter of d in a call that ok accepts.
func (c *checker) funcParamCall(lit *ast.FuncLit, d *ast.FuncDecl, ok func(*ast.CallExpr) bool) bool {
	found := false
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if v := c.varOf(n.Fun); v != nil && paramIndex(c.info, d.Type, v) >= 0 {
				if _, isFunc := v.Type().Underlying().(*types.Signature); isFunc && ok(n) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// passThrough reports whether every argument is a parameter of d, a
// constant, nil, or a variable declared inside lit.
func (c *checker) passThrough(args []ast.Expr, lit *ast.FuncLit, d *ast.FuncDecl) bool {
	for _, a := range args {
		a = ast.Unparen(a)
		if tv, ok := c.info.Types[a]; ok && (tv.Value != nil || tv.IsNil()) {
			continue
		}
		id, ok := a.(*ast.Ident)
		if !ok {
			return false
		}
		v, ok := c.info.Uses[id].(*types.Var)
		if !ok {
			return false
		}
		param := v.Parent() != nil && v.Parent() == c.info.Scopes[d.Type]
		if !param && (v.Pos() < lit.Pos() || v.Pos() >= lit.End()) {
			return false
		}
	}
	return true
}

// goWrapper reports whether g's launcher is a go wrapper that is a
// request path only because it takes a context (threading.GoSafeCtx(ctx,
// fn)): its goroutine runs a func parameter, the work its callers hand
// it. Such a go statement is not reported where it is; the wrapper gets
// a spawn summary instead, so its calls on request paths are reported.
func (c *checker) goWrapper(g *goroutine) bool {
	if g.spawn || g.decl == nil {
		return false
	}
	r := c.rp.Func(g.decl)
	if r == nil || r.Kind != requestpath.PerOperation {
		return false
	}
	// A literal that wraps the call (recover, labels, logging), or a
	// function the parameter is handed to (go runSafe(ctx, fn)), is the
	// wrapper's shape; a bare go f() stays reported where it is.
	if lit, ok := g.body.(*ast.FuncLit); ok {
		return c.runsCallersFunc(lit, g.decl)
	}
	for _, a := range g.cur.Node().(*ast.GoStmt).Call.Args {
		if v := c.varOf(a); v != nil && paramIndex(c.info, g.decl.Type, v) >= 0 {
			return true
		}
	}
	return false
}
