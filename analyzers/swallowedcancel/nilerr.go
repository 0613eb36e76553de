package swallowedcancel

import (
	"fmt"
	"go/ast"
	"go/types"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// nilOnErr flags `if err != nil { return nil }` (or zero values and nil)
// in a function that received its context and returns an error, when err
// comes from a call given that context: cancellation is dropped with every
// other error and the caller takes it for success. The owner of the
// context, main, a function whose callers all pass a context nobody
// cancels, and a branch that writes a protocol response or checks the
// context are silent.
func (c *checker) nilOnErr(cur inspector.Cursor, is *ast.IfStmt) {
	errID := c.errOnly(errNotNil(is.Cond))
	if errID == nil {
		return
	}
	ret := c.nilReturn(is.Body)
	if ret == nil {
		return
	}
	fi := c.funcAt(cur)
	if !fi.returnsErr() || !fi.received || fi.owner || c.responds(is.Body) || c.checksCtxIn(is.Body) || c.delivers(cur, is.Body, errID) {
		return
	}
	if c.returnsAsValue(ret, errID) {
		return
	}
	var ctx *types.Var
	via := c.callBefore(stmtsBefore(cur), is, errID, func(call *ast.CallExpr) string {
		name, v := c.givenCtx(call, fi)
		ctx = v
		return name
	})
	if via == "" {
		return
	}
	if d, ok := analysisutil.EnclosingFunc(cur).Node().(*ast.FuncDecl); ok && (c.callersStop(d, ctx) || c.callersNeverCancel(d, ctx)) {
		// A per-item helper of loops that stop on that context
		// themselves (callers.go), or a function whose every caller
		// passes a context nobody cancels (uncancelled.go).
		return
	}
	c.pass.Report(analysis.Diagnostic{Pos: ret.Pos(), End: ret.End(),
		Message: fmt.Sprintf("%s returns a nil error when %s fails: that drops cancellation with every other error, so its caller takes a cancelled call for success; return %s (or at least when errors.Is(%s, context.Canceled))", c.funcName(cur), via, errID.Name, errID.Name)})
}

// delivers reports whether the block hands the error errID to whoever
// waits for the outcome: it sends it (or a value holding it) on a
// channel, stores it where it outlives the function, or puts it in a
// composite literal (a result or message value), so the failure, and a
// cancellation with it, reaches its waiter while the function answers
// its own caller otherwise. Logging it (log.Print(err)) is no delivery.
func (c *checker) delivers(cur inspector.Cursor, b *ast.BlockStmt, errID *ast.Ident) bool {
	obj := c.pass.TypesInfo.ObjectOf(errID)
	holds := func(e ast.Node) bool {
		found := false
		ast.Inspect(e, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && c.pass.TypesInfo.Uses[id] == obj {
				found = true
			}
			return !found
		})
		return found
	}
	var fn ast.Node
	if f := analysisutil.EnclosingFunc(cur); f.Valid() {
		fn = f.Node()
	}
	found := false
	ast.Inspect(b, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.SendStmt:
			found = found || holds(n.Value)
		case *ast.CompositeLit:
			found = found || holds(n)
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				for i, l := range n.Lhs {
					found = found || (holds(n.Rhs[i]) && c.outlives(l, fn))
				}
			}
		}
		return !found
	})
	return found
}

// returnsAsValue reports whether ret hands the error errID to the caller
// in another result (return nil, warnings.Add(err), nil): a best-effort
// call whose failure, cancellation included, is returned as a warning
// value rather than as the error.
func (c *checker) returnsAsValue(ret *ast.ReturnStmt, errID *ast.Ident) bool {
	obj := c.pass.TypesInfo.ObjectOf(errID)
	found := false
	for _, r := range ret.Results[:len(ret.Results)-1] {
		ast.Inspect(r, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && c.pass.TypesInfo.Uses[id] == obj {
				found = true
			}
			return !found
		})
	}
	return found
}

// nilReturn returns the statement of body, at its top level, that returns
// a nil error, or nil.
func (c *checker) nilReturn(body *ast.BlockStmt) *ast.ReturnStmt {
	for _, st := range body.List {
		if r, ok := st.(*ast.ReturnStmt); ok && len(r.Results) > 0 && isNil(c.pass.TypesInfo, r.Results[len(r.Results)-1]) {
			return r
		}
	}
	return nil
}

// givenCtx names call, and returns the parameter, when one of its
// arguments is a context parameter of the function fi describes, or "".
func (c *checker) givenCtx(call *ast.CallExpr, fi funcInfo) (string, *types.Var) {
	fn := analysisutil.Callee(c.pass.TypesInfo, call)
	if fn == nil {
		return "", nil
	}
	for _, a := range call.Args {
		id, ok := ast.Unparen(a).(*ast.Ident)
		if !ok {
			continue
		}
		v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
		if !ok || !analysisutil.IsContextType(v.Type()) {
			continue
		}
		for p := range fi.sig.Params().Variables() {
			if p == v {
				return analysisutil.ShortName(fn), v
			}
		}
	}
	return "", nil
}

// checksCtxIn reports whether the block tests for a context error
// (errors.Is(err, context.Canceled), ctx.Err()) anywhere.
func (c *checker) checksCtxIn(b *ast.BlockStmt) bool {
	found := false
	ast.Inspect(b, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			found = found || c.isCtxErrSource(n) || c.sentinelCond(n)
		case *ast.BinaryExpr:
			found = found || c.sentinelCond(n)
		}
		return !found
	})
	return found
}

// stmtsBefore returns the statements of the block holding the statement at
// cur that come before it.
func stmtsBefore(cur inspector.Cursor) []ast.Stmt {
	list := analysisutil.StmtList(cur.Parent().Node())
	for i, st := range list {
		if st == cur.Node() {
			return list[:i]
		}
	}
	return nil
}
