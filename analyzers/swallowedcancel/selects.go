package swallowedcancel

import (
	"fmt"
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// loopDoneClause flags a continue, or a break that leaves only the select,
// in `case <-ctx.Done():` of a loop.
func (c *checker) loopDoneClause(cur inspector.Cursor, cc *ast.CommClause, ctx ast.Expr) {
	loop := c.loopOf(cur)
	if !loop.Valid() {
		return
	}
	sel, _ := cur.Parent().Parent().Node().(*ast.SelectStmt)
	if sel == nil {
		return
	}
	for _, st := range cc.Body {
		for b := range branches(st) {
			switch {
			case b.Tok == token.CONTINUE && (b.Label == nil || c.labels(loop, b.Label)):
				c.pass.Report(analysis.Diagnostic{Pos: b.Pos(), End: b.End(),
					Message: fmt.Sprintf("continue in case <-%s.Done() runs the loop again after the context is done, so the loop cannot stop; return (or break out of the loop with a label)", c.render(ctx))})
			case b.Tok == token.BREAK && b.Label == nil && !assigns(cc.Body) && !c.checksCtxOutside(loop, []*ast.SelectStmt{sel}):
				c.pass.Report(analysis.Diagnostic{Pos: b.Pos(), End: b.End(),
					Message: fmt.Sprintf("break in case <-%s.Done() leaves only the select, not the loop, so the loop cannot stop once the context is done; return, or use a labelled break", c.render(ctx))})
			}
		}
	}
}

// assigns reports whether the statements assign a variable: a break after
// that hands the state to code after the select, which may check it.
func assigns(body []ast.Stmt) bool {
	for _, st := range body {
		switch st.(type) {
		case *ast.AssignStmt, *ast.IncDecStmt:
			return true
		}
	}
	return false
}

// branches yields the break and continue statements of st that target the
// statement enclosing st (not nested loops, switches, selects or closures).
func branches(st ast.Stmt) func(func(*ast.BranchStmt) bool) {
	return func(yield func(*ast.BranchStmt) bool) {
		stop := false
		var walk func(n ast.Node, inBreakable, inLoop bool)
		walk = func(n ast.Node, inBreakable, inLoop bool) {
			ast.Inspect(n, func(m ast.Node) bool {
				if stop || m == nil {
					return false
				}
				switch m := m.(type) {
				case *ast.FuncLit:
					return false
				case *ast.ForStmt, *ast.RangeStmt:
					if m != n {
						walk(m, true, true)
						return false
					}
				case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
					if m != n {
						walk(m, true, inLoop)
						return false
					}
				case *ast.BranchStmt:
					if m.Label != nil || (m.Tok == token.BREAK && !inBreakable) || (m.Tok == token.CONTINUE && !inLoop) {
						if !yield(m) {
							stop = true
						}
					}
				}
				return true
			})
		}
		// st may itself be a loop, switch or select: its breaks (and a
		// loop's continues) target st, not the enclosing statement.
		switch st.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			walk(st, true, true)
		case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			walk(st, true, false)
		default:
			walk(st, false, false)
		}
	}
}

// loopOf returns the loop whose iteration a select clause at cur belongs
// to: the select's nearest enclosing for/range in the same function.
func (c *checker) loopOf(cur inspector.Cursor) inspector.Cursor {
	for e := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch e.Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return e
		}
		return inspector.Cursor{}
	}
	return inspector.Cursor{}
}

func (c *checker) labels(loop inspector.Cursor, label *ast.Ident) bool {
	ls, ok := loop.Parent().Node().(*ast.LabeledStmt)
	return ok && ls.Label.Name == label.Name
}
