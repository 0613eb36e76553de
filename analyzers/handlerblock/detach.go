package handlerblock

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// afterDone reports whether the code at cur runs only once the request
// context ctx (its source text: "ctx", "r.Context()") is done: in the body
// of an if that tests ctx.Err() != nil, errors.Is(ctx.Err(), ...) or
// ctx.Err() == context.Canceled, in the else of the opposite test, after
// an early return under the opposite test (if ctx.Err() == nil { return }),
// or in a select case that receives from ctx.Done(). Work there is cleanup
// for a request that has ended (telling a backend that its client went
// away); under the request context it would fail at once, so a fresh root
// is the only way to do it.
func (c *checker) afterDone(cur inspector.Cursor, ctx string) bool {
	for p := cur; p.Index() >= 0; p = p.Parent() {
		parent := p.Parent()
		switch n := parent.Node().(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return false
		case *ast.IfStmt:
			if p.Node() == n.Body && c.ctxDone(n.Cond, ctx, true) {
				return true
			}
			if p.Node() == n.Else && c.ctxDone(n.Cond, ctx, false) {
				return true
			}
		case *ast.CommClause:
			if k, _ := p.ParentEdge(); k != edge.CommClause_Comm && n.Comm != nil && c.receivesDone(n.Comm, ctx) {
				return true
			}
		case *ast.BlockStmt:
			for _, st := range n.List {
				if st == p.Node() {
					break
				}
				if ifs, ok := st.(*ast.IfStmt); ok && ifs.Else == nil && returns(ifs.Body) && c.ctxDone(ifs.Cond, ctx, false) {
					return true
				}
			}
		}
	}
	return false
}

// returns reports whether the block ends with a return.
func returns(b *ast.BlockStmt) bool {
	if len(b.List) == 0 {
		return false
	}
	_, ok := b.List[len(b.List)-1].(*ast.ReturnStmt)
	return ok
}

// ctxDone reports whether cond being when (true or false) means the
// context ctx is done.
func (c *checker) ctxDone(cond ast.Expr, ctx string, when bool) bool {
	switch e := ast.Unparen(cond).(type) {
	case *ast.UnaryExpr:
		return e.Op == token.NOT && c.ctxDone(e.X, ctx, !when)
	case *ast.BinaryExpr:
		switch e.Op {
		case token.LAND: // both hold when it is true
			return when && (c.ctxDone(e.X, ctx, true) || c.ctxDone(e.Y, ctx, true))
		case token.LOR: // both fail when it is false
			return !when && (c.ctxDone(e.X, ctx, false) || c.ctxDone(e.Y, ctx, false))
		case token.NEQ, token.EQL:
			x, y := e.X, e.Y
			if !c.isErrOf(x, ctx) {
				x, y = y, x
			}
			if !c.isErrOf(x, ctx) {
				return false
			}
			isNil := c.pass.TypesInfo.Types[y].IsNil()
			// ctx.Err() != nil, ctx.Err() == context.Canceled hold when
			// done; ctx.Err() == nil holds when not.
			done := (e.Op == token.NEQ) == isNil
			return done == when
		}
	case *ast.CallExpr:
		fn := analysisutil.Callee(c.pass.TypesInfo, e)
		return when && analysisutil.IsPkgFunc(fn, "errors", "Is") && len(e.Args) == 2 && c.isErrOf(e.Args[0], ctx)
	}
	return false
}

// isErrOf reports whether e is ctx.Err().
func (c *checker) isErrOf(e ast.Expr, ctx string) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Err" || types.ExprString(sel.X) != ctx {
		return false
	}
	t := c.pass.TypesInfo.TypeOf(sel.X)
	return t != nil && analysisutil.IsContextType(t)
}

// receivesDone reports whether the select case comm receives from
// ctx.Done().
func (c *checker) receivesDone(comm ast.Stmt, ctx string) bool {
	ch := analysisutil.RecvChan(comm)
	call, ok := ast.Unparen(ch).(*ast.CallExpr)
	if ch == nil || !ok || !knowledge.DoneChannels[analysisutil.CalleeName(c.pass.TypesInfo, call)] {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	return ok && types.ExprString(sel.X) == ctx
}

// waitedWith reports whether the fresh root at cur is the parent of a
// derived context (v, cancel := context.WithDeadline(context.Background(),
// d)) that is only ever waited on together with the request context ctx:
// every use of v is an element of a composite literal that also holds
// ctx, or an argument of an append to a slice made from one
// (ctxs := []context.Context{ctx, other}; ctxs = append(ctxs, v)). A wait
// on such a set ends when ctx does; the extra context only adds a
// deadline of its own, which a child of ctx could not outlive.
func (c *checker) waitedWith(cur inspector.Cursor, ctx string) bool {
	info := c.pass.TypesInfo
	outer, ok := cur.Parent().Node().(*ast.CallExpr)
	if !ok || !analysisutil.IsCanceller(analysisutil.CalleeName(info, outer)) {
		return false
	}
	v, fc, ok := c.assignedFrom(cur)
	if !ok {
		return false
	}
	holdsCtx := func(lit *ast.CompositeLit) bool {
		for _, e := range lit.Elts {
			if types.ExprString(e) == ctx {
				return true
			}
		}
		return false
	}
	// sets are the locals assigned a composite literal that holds ctx.
	sets := map[types.Object]bool{}
	for a := range fc.Preorder((*ast.AssignStmt)(nil)) {
		as := a.Node().(*ast.AssignStmt)
		for i, lhs := range as.Lhs {
			if l, ok := lhs.(*ast.Ident); ok && i < len(as.Rhs) {
				if lit, ok := ast.Unparen(as.Rhs[i]).(*ast.CompositeLit); ok && holdsCtx(lit) {
					sets[info.ObjectOf(l)] = true
				}
			}
		}
	}
	uses := 0
	for u := range fc.Preorder((*ast.Ident)(nil)) {
		if info.Uses[u.Node().(*ast.Ident)] != v {
			continue
		}
		uses++
		switch p := u.Parent().Node().(type) {
		case *ast.CompositeLit:
			if !holdsCtx(p) {
				return false
			}
		case *ast.CallExpr:
			if !isBuiltin(info, p, "append") || len(p.Args) < 2 || p.Args[0] == u.Node() {
				return false
			}
			s, ok := ast.Unparen(p.Args[0]).(*ast.Ident)
			if !ok || !sets[info.ObjectOf(s)] {
				return false
			}
		default:
			return false
		}
	}
	return uses > 0
}
