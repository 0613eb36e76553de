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

// rootLoop flags an endless loop (for { ... }, for range ticker.C) whose
// only exits are checks of a context that its function created with
// context.Background() or TODO() and never made cancellable: the checks
// never fire, so the loop cannot stop on shutdown. A loop that can leave
// otherwise (a stop channel, a signal, a closed input, an error) is fine,
// and so is any function that calls a canceller (WithCancel, WithTimeout,
// NotifyContext, ...).
func (c *checker) rootLoop(cur inspector.Cursor, loop ast.Stmt, body *ast.BlockStmt) {
	fn := analysisutil.EnclosingFunc(cur)
	if !fn.Valid() {
		return
	}
	root, name := c.rootCtx(fn)
	if root == nil {
		return
	}
	watched, exits := false, false
	var walk func(n ast.Node, dead, nested bool)
	walk = func(n ast.Node, dead, nested bool) {
		ast.Inspect(n, func(m ast.Node) bool {
			if exits || m == nil {
				return false
			}
			switch m := m.(type) {
			case *ast.FuncLit:
				return false
			case *ast.CommClause:
				if x := c.doneContext(m.Comm); x != nil && c.isVar(x, root) {
					watched = true
					for _, st := range m.Body {
						walk(st, true, nested)
					}
					return false
				}
			case *ast.IfStmt:
				if c.testsErrOf(m.Cond, root) {
					watched = true
					walk(m.Body, true, nested)
					if m.Else != nil {
						walk(m.Else, dead, nested)
					}
					return false
				}
			case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
				if m != n {
					walk(m, dead, true)
					return false
				}
			case *ast.ReturnStmt:
				exits = exits || !dead
			case *ast.BranchStmt:
				if m.Tok == token.GOTO || (m.Tok == token.BREAK && (m.Label != nil || !nested)) {
					exits = exits || !dead
				}
			case *ast.CallExpr:
				if id, ok := m.Fun.(*ast.Ident); ok && knowledge.LeavingBuiltins[id.Name] {
					exits = exits || !dead
				}
				if knowledge.NoReturn[analysisutil.CalleeName(c.pass.TypesInfo, m)] {
					exits = exits || !dead
				}
			}
			return true
		})
	}
	for _, st := range body.List {
		walk(st, false, false)
	}
	if !watched || exits {
		return
	}
	c.pass.Report(analysis.Diagnostic{Pos: loop.Pos(), End: body.Lbrace,
		Message: fmt.Sprintf("this loop runs under %s := %s(), which nothing cancels: its check of %s never fires, so the loop cannot stop on shutdown; derive %s with signal.NotifyContext (or WithCancel, cancelled on shutdown) or take it as a parameter", root.Name(), name, root.Name(), root.Name())})
}

// rootCtx returns the local context variable of fn that is assigned only
// from a non-detaching root (context.Background, TODO) and the root's
// name, when fn calls no canceller; or nil.
func (c *checker) rootCtx(fn inspector.Cursor) (*types.Var, string) {
	var root *types.Var
	name := ""
	bad := map[*types.Var]bool{}
	for n := range fn.Preorder((*ast.CallExpr)(nil), (*ast.AssignStmt)(nil), (*ast.FuncLit)(nil)) {
		switch n := n.Node().(type) {
		case *ast.CallExpr:
			if _, ok := c.canceller(n); ok {
				return nil, ""
			}
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				id, ok := l.(*ast.Ident)
				if !ok {
					continue
				}
				v, ok := c.pass.TypesInfo.ObjectOf(id).(*types.Var)
				if !ok || !analysisutil.IsContextType(v.Type()) {
					continue
				}
				r := ""
				if len(n.Rhs) == len(n.Lhs) {
					if call, ok := ast.Unparen(n.Rhs[i]).(*ast.CallExpr); ok {
						k := analysisutil.CalleeName(c.pass.TypesInfo, call)
						if rt, ok := knowledge.ContextRoots[k]; ok && !rt.Detaches {
							r = k
						}
					}
				}
				switch {
				case r == "" || (root != nil && root != v):
					bad[v] = true
				default:
					root, name = v, analysisutil.ShortKey(r)
				}
			}
		}
	}
	if root == nil || bad[root] || root.Pos() < fn.Node().Pos() || root.Pos() >= fn.Node().End() {
		return nil, ""
	}
	return root, name
}

// isVar reports whether e names v.
func (c *checker) isVar(e ast.Expr, v *types.Var) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && c.pass.TypesInfo.Uses[id] == v
}

// testsErrOf reports whether cond calls v.Err() or context.Cause(v).
func (c *checker) testsErrOf(cond ast.Expr, v *types.Var) bool {
	return c.testsErrWith(cond, func(e ast.Expr) bool { return c.isVar(e, v) })
}

// testsErrWith reports whether cond calls x.Err() or context.Cause(x) on
// a context x that is accepts.
func (c *checker) testsErrWith(cond ast.Expr, is func(ast.Expr) bool) bool {
	found := false
	ast.Inspect(cond, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if ok && c.isCtxErrSource(call) {
			if sel, ok := call.Fun.(*ast.SelectorExpr); ok && is(sel.X) {
				found = true
			}
			if len(call.Args) == 1 && is(call.Args[0]) {
				found = true
			}
		}
		return !found
	})
	return found
}
