package swallowedcancel

import (
	"fmt"
	"go/ast"
	"go/types"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// freshPassed flags, in the statements that run once ctx is done, a fresh
// error (errors.New, fmt.Errorf without %w) sent on a channel, stored
// where it outlives the branch (a field, a pointer, a package variable, a
// captured variable or a named result), or passed for an error parameter
// of a call that is a statement or whose result is returned
// (s.fail(errors.New("stopped")), freshArgs): whoever reads it cannot tell
// cancellation from failure. It applies whatever the function returns;
// the owner of the context and protocol responses are silent, as for
// returns.
func (c *checker) freshPassed(cur inspector.Cursor, body []ast.Stmt, fi funcInfo, what string) {
	if fi.sig == nil || !fi.received || fi.owner {
		return
	}
	for _, st := range body {
		if c.responds(st) {
			return
		}
	}
	var fn ast.Node
	if f := analysisutil.EnclosingFunc(cur); f.Valid() {
		fn = f.Node()
	}
	report := func(e ast.Expr, how string) {
		c.pass.Report(analysis.Diagnostic{Pos: e.Pos(), End: e.End(),
			Message: fmt.Sprintf("%s %s a fresh error when %s: errors.Is(err, context.Canceled) fails for whoever reads it; pass ctx.Err() on, or wrap it with %%w", c.funcName(cur), how, what)})
	}
	passes := func(e ast.Expr) {
		if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
			for _, a := range c.freshArgs(call) {
				report(a, "passes "+c.render(call.Fun))
			}
		}
	}
	for _, st := range body {
		ast.Inspect(st, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ExprStmt:
				passes(n.X)
			case *ast.ReturnStmt:
				for _, r := range n.Results {
					passes(r)
				}
			case *ast.SendStmt:
				if c.freshErr(n.Value) {
					report(n.Value, "sends "+c.render(n.Chan))
				}
			case *ast.AssignStmt:
				if len(n.Lhs) != len(n.Rhs) {
					return true
				}
				for i, l := range n.Lhs {
					if c.freshErr(n.Rhs[i]) && c.outlives(l, fn) {
						report(n.Rhs[i], "stores in "+c.render(l))
					}
				}
			}
			return true
		})
	}
}

// freshErr reports whether e is a fresh error that does not format
// ctx.Err() (that one is reported by the wrap check).
func (c *checker) freshErr(e ast.Expr) bool {
	return c.fresh(e) && c.formatsCtxErr(e) == nil
}

// outlives reports whether an assignment to l is seen after the function
// fn returns or by others: a field, an element, a pointer target, a
// package variable, a variable of an enclosing function, or a named result.
func (c *checker) outlives(l ast.Expr, fn ast.Node) bool {
	switch l := ast.Unparen(l).(type) {
	case *ast.SelectorExpr, *ast.StarExpr, *ast.IndexExpr:
		return true
	case *ast.Ident:
		v, ok := c.pass.TypesInfo.ObjectOf(l).(*types.Var)
		if !ok || fn == nil {
			return false
		}
		if v.Parent() == c.pass.Pkg.Scope() {
			return true
		}
		ft, body := analysisutil.FuncParts(fn)
		if body == nil || ft == nil {
			return false
		}
		if ft.Results != nil {
			for _, f := range ft.Results.List {
				for _, id := range f.Names {
					if c.pass.TypesInfo.Defs[id] == v {
						return true
					}
				}
			}
		}
		// Declared outside fn: captured from an enclosing function.
		return v.Pos() < fn.Pos() || v.Pos() >= fn.End()
	}
	return false
}
