package swallowedcancel

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// doneClause checks what `case <-ctx.Done():` returns, sends or stores
// in a function that received ctx.
func (c *checker) doneClause(cur inspector.Cursor, cc *ast.CommClause, ctx ast.Expr) {
	if c.receivedParam(cur, ctx) {
		fi := c.funcAt(cur)
		c.doneBranch(cur, cc.Body, fi, c.render(ctx)+" is done")
		c.freshPassed(cur, cc.Body, fi, c.render(ctx)+" is done")
	}
}

// doneIf checks `if errors.Is(err, context.Canceled) { return nil }` in a
// function that received its context.
func (c *checker) doneIf(cur inspector.Cursor, s *ast.IfStmt) {
	if !c.sentinelCond(s.Cond) {
		return
	}
	fi := c.funcAt(cur)
	c.doneBranch(cur, s.Body.List, fi, "its context is done")
	c.freshPassed(cur, s.Body.List, fi, "its context is done")
}

// doneBranch checks the statements that run once ctx is done: a return of
// a nil error (success), or of a fresh error that loses ctx.Err()'s
// identity. It reports whether the branch maps the cancellation to a
// protocol response.
func (c *checker) doneBranch(cur inspector.Cursor, body []ast.Stmt, fi funcInfo, what string) {
	if !fi.returnsErr() || !fi.received || fi.owner {
		return
	}
	for _, st := range body {
		if c.responds(st) || c.stopsOwnServer(cur, st) {
			return
		}
	}
	for _, st := range body {
		ast.Inspect(st, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				if len(n.Results) == 0 {
					return false
				}
				last := n.Results[len(n.Results)-1]
				if isNil(c.pass.TypesInfo, last) && c.notHandedOver(cur, fi, n) {
					return true
				}
				if isNil(c.pass.TypesInfo, last) {
					c.pass.Report(analysis.Diagnostic{Pos: n.Pos(), End: n.End(),
						Message: fmt.Sprintf("%s returns a nil error when %s: the function received its context, so its caller takes the cancellation for success and carries on; return ctx.Err() (or wrap it with %%w)", c.funcName(cur), what)})
				} else if c.fresh(last) && c.formatsCtxErr(last) == nil {
					c.pass.Report(analysis.Diagnostic{Pos: last.Pos(), End: last.End(),
						Message: fmt.Sprintf("%s replaces the context error with a fresh error when %s: errors.Is(err, context.Canceled) fails for its callers; return ctx.Err() or wrap it with %%w", c.funcName(cur), what)})
				}
			}
			return true
		})
	}
}

// notHandedOver reports whether ret is `return false, nil` of a try-send:
// a function returning (bool, error) whose done branch at cur lies in a
// select (its own or an enclosing one) with a send case. The false says
// that the value was not handed over, so the caller does not take the
// cancellation for success.
func (c *checker) notHandedOver(cur inspector.Cursor, fi funcInfo, ret *ast.ReturnStmt) bool {
	res := fi.sig.Results()
	if res.Len() != 2 || len(ret.Results) != 2 || !types.Identical(res.At(0).Type(), types.Typ[types.Bool]) {
		return false
	}
	if tv, ok := c.pass.TypesInfo.Types[ret.Results[0]]; !ok || tv.Value == nil || constant.BoolVal(tv.Value) {
		return false
	}
	fn := analysisutil.EnclosingFunc(cur)
	for sel := range cur.Enclosing((*ast.SelectStmt)(nil)) {
		if analysisutil.EnclosingFunc(sel).Node() != fn.Node() {
			break
		}
		for _, cl := range sel.Node().(*ast.SelectStmt).Body.List {
			if _, ok := cl.(*ast.CommClause).Comm.(*ast.SendStmt); ok {
				return true
			}
		}
	}
	return false
}

// stopsOwnServer reports whether n stops a server (a Stops method of
// knowledge.Servers: Shutdown, GracefulStop, ...) held in a local of the
// function at cur: the function serves until its context is done, which
// is its stop signal, and returning nil then is its clean stop.
func (c *checker) stopsOwnServer(cur inspector.Cursor, n ast.Node) bool {
	fn := analysisutil.EnclosingFunc(cur)
	if !fn.Valid() {
		return false
	}
	ft, _ := analysisutil.FuncParts(fn.Node())
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || !serverStops[analysisutil.CalleeName(c.pass.TypesInfo, call)] {
			return true
		}
		id, ok := ast.Unparen(sel.X).(*ast.Ident)
		if !ok {
			return true
		}
		v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
		found = ok && v.Pos() >= ft.End() && v.Pos() < fn.Node().End()
		return !found
	})
	return found
}

// serverStops are the stop methods of knowledge.Servers, by key:
// "(*net/http.Server).Shutdown".
var serverStops = func() map[string]bool {
	m := map[string]bool{}
	for key, s := range knowledge.Servers {
		i := strings.LastIndex(key, ".")
		if i < 0 || !strings.HasPrefix(key, "(") {
			continue
		}
		for _, stop := range s.Stops {
			m[key[:i+1]+stop] = true
		}
	}
	return m
}()

// responds reports whether n writes a protocol response (HTTP status,
// gRPC status).
func (c *checker) responds(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && knowledge.ResponseWriters[analysisutil.CalleeName(c.pass.TypesInfo, call)] {
			found = true
		}
		return !found
	})
	return found
}

// receivedParam reports whether ctx is a parameter of a function enclosing
// cur: a context the function received rather than created.
func (c *checker) receivedParam(cur inspector.Cursor, ctx ast.Expr) bool {
	id, ok := ast.Unparen(ctx).(*ast.Ident)
	if !ok {
		return false
	}
	obj := c.pass.TypesInfo.Uses[id]
	for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		ft, _ := analysisutil.FuncParts(f.Node())
		for _, fld := range ft.Params.List {
			for _, n := range fld.Names {
				if c.pass.TypesInfo.Defs[n] == obj {
					return true
				}
			}
		}
	}
	return false
}

// funcInfo describes the innermost function enclosing cur.
type funcInfo struct {
	sig      *types.Signature
	received bool // has a context.Context parameter
	owner    bool // creates a cancellable context itself, is main, or only a supervisor runs it
}

func (c *checker) funcAt(cur inspector.Cursor) funcInfo {
	fn := analysisutil.EnclosingFunc(cur)
	if !fn.Valid() {
		return funcInfo{}
	}
	var fi funcInfo
	// The supervisor that created the context is the caller (supervised.go).
	fi.owner = c.supervised[fn.Node()]
	switch f := fn.Node().(type) {
	case *ast.FuncDecl:
		if f.Name.Name == "main" && f.Recv == nil && c.pass.Pkg.Name() == "main" {
			fi.owner = true
		}
		if obj, ok := c.pass.TypesInfo.Defs[f.Name].(*types.Func); ok {
			fi.sig = obj.Signature()
		}
	case *ast.FuncLit:
		if tv, ok := c.pass.TypesInfo.Types[f]; ok {
			fi.sig, _ = tv.Type.(*types.Signature)
		}
	}
	if fi.sig == nil {
		return funcInfo{}
	}
	for v := range fi.sig.Params().Variables() {
		if analysisutil.IsContextType(v.Type()) {
			fi.received = true
		}
	}
	for call := range fn.Preorder((*ast.CallExpr)(nil)) {
		if _, ok := c.canceller(call.Node().(*ast.CallExpr)); ok {
			fi.owner = true
		}
	}
	return fi
}

// canceller reports whether call creates a cancellable context, and the
// index of the cancel func it returns with it (-1 for none): the
// calls of knowledge.ContextCancellers (signal.NotifyContext counts, with
// its stop), and any function returning (context.Context,
// context.CancelFunc) (or CancelCauseFunc), a helper that derives a child
// for its caller the way WithTimeout does.
func (c *checker) canceller(call *ast.CallExpr) (cancel int, ok bool) {
	if k, ok := knowledge.ContextCancellers[analysisutil.CalleeName(c.pass.TypesInfo, call)]; ok {
		return k.Cancel, true
	}
	tup, ok := c.pass.TypesInfo.TypeOf(call).(*types.Tuple)
	if !ok || tup.Len() != 2 || !analysisutil.IsContextType(tup.At(0).Type()) {
		return -1, false
	}
	if t := tup.At(1).Type(); analysisutil.IsNamedType(t, "context", "CancelFunc") || analysisutil.IsNamedType(t, "context", "CancelCauseFunc") {
		return 1, true
	}
	return -1, false
}

// returnsErr reports whether the function's last result is an error.
func (fi funcInfo) returnsErr() bool {
	if fi.sig == nil || fi.sig.Results().Len() == 0 {
		return false
	}
	return types.Identical(fi.sig.Results().At(fi.sig.Results().Len()-1).Type(), types.Universe.Lookup("error").Type())
}

func (c *checker) funcName(cur inspector.Cursor) string {
	if fn := analysisutil.EnclosingFunc(cur); !fn.Valid() {
		return "the function"
	} else if d, ok := fn.Node().(*ast.FuncDecl); ok {
		return d.Name.Name
	}
	return "the function literal"
}
