package handlerblock

import (
	"fmt"
	"go/ast"
	"go/types"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
	"github.com/lifelint/lifelint/analyzers/internal/requestpath"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// checkMisuse reports, on the request path r, a call that detaches work
// from the request context (knowledge.ContextMisuses): context.Background
// or TODO where the request context is in scope, a context-less
// http.NewRequest that reaches Do, a discarded WithContext result. It
// reports whether the callee is such a call.
func (c *checker) checkMisuse(call requestpath.Call, r *requestpath.Reason) bool {
	fn := call.Callee
	mu, ok := knowledge.ContextMisuses[analysisutil.FuncName(fn)]
	if !ok {
		return false
	}
	expr := call.Expr()
	switch mu.Kind {
	case knowledge.FreshRoot:
		// An argument of a go statement's call is a deliberate detachment:
		// the request context ends when the handler returns.
		if inGoArgs(call.Cursor) || c.deliberateRoot(call.Cursor) {
			return true
		}
		if ctx, ok := c.rp.RequestContext(call.Cursor); ok {
			if c.afterDone(call.Cursor, ctx) || c.waitedWith(call.Cursor, ctx) {
				return true // cleanup once the request has ended, or an extra deadline beside ctx (detach.go)
			}
			edit := []analysis.TextEdit{{Pos: expr.Pos(), End: expr.End(), NewText: []byte(ctx)}}
			msg := fmt.Sprintf("%s in %s, where the request context is available: work under it is not cancelled when the client goes away or the server shuts down; use %s (or context.WithoutCancel(%s) to detach on purpose)", analysisutil.ShortName(fn), r, ctx, ctx)
			if _, field := c.rp.FieldContext(call.Cursor); field {
				msg = fmt.Sprintf("%s in %s, where the worker's context %s is available: work under it is not cancelled when the worker stops or the server shuts down; use %s (or context.WithoutCancel(%s) to detach on purpose)", analysisutil.ShortName(fn), r, ctx, ctx, ctx)
			}
			c.pass.Report(analysis.Diagnostic{Pos: expr.Pos(), End: expr.End(),
				Message:        msg,
				SuggestedFixes: []analysis.SuggestedFix{{Message: "use the request context " + ctx, TextEdits: edit}}})
		}
	case knowledge.NoContextRequest:
		if c.newRequestReachesDo(call.Cursor) {
			var fix func(string) []analysis.TextEdit
			if sel, ok := ast.Unparen(expr.Fun).(*ast.SelectorExpr); ok {
				fix = func(ctx string) []analysis.TextEdit {
					return renameAndPrepend(expr, sel, mu.Variant, ctx+", ")
				}
			}
			short := analysisutil.ShortName(fn)
			c.report(call.Cursor, fix, "%s in %s: the request it builds reaches Do without a context, so the call is not cancelled with the request; use %s.%s", short, r, fn.Pkg().Name(), mu.Variant)
		}
	case knowledge.DroppedCopy:
		if _, ok := call.Cursor.Parent().Node().(*ast.ExprStmt); ok {
			c.pass.ReportRangef(expr, "result of %s discarded in %s: it returns a copy and leaves the request without the context; assign it: req = req.WithContext(ctx)", analysisutil.ShortName(fn), r)
		}
	}
	return true
}

// directlyIn reports whether cur runs as part of d's own body: not inside a
// function literal (which may run later or never) nor a go statement.
// inGoArgs reports whether cur is evaluated for the call of a go statement
// of its own function: go audit(context.Background(), ...).
func inGoArgs(cur inspector.Cursor) bool {
	for p := range cur.Enclosing((*ast.GoStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		_, ok := p.Node().(*ast.GoStmt)
		return ok
	}
	return false
}

// checkFrameworkContext reports a framework's own context type
// (knowledge.FrameworkContexts: *gin.Context) passed as a context.Context.
func (c *checker) checkFrameworkContext(cur inspector.Cursor, r *requestpath.Reason) {
	info := c.pass.TypesInfo
	expr := cur.Node().(*ast.CallExpr)
	ft := info.TypeOf(expr.Fun)
	if ft == nil {
		return
	}
	sig, ok := ft.Underlying().(*types.Signature)
	if !ok {
		return
	}
	for i, arg := range expr.Args {
		var pt types.Type
		switch {
		case sig.Variadic() && i >= sig.Params().Len()-1:
			if expr.Ellipsis.IsValid() {
				continue
			}
			if s, ok := sig.Params().At(sig.Params().Len() - 1).Type().(*types.Slice); ok {
				pt = s.Elem()
			}
		case i < sig.Params().Len():
			pt = sig.Params().At(i).Type()
		}
		at := info.TypeOf(arg)
		if pt == nil || at == nil || !analysisutil.IsContextType(pt) {
			continue
		}
		fwc, short, ok := frameworkContext(at)
		if !ok {
			continue
		}
		text := types.ExprString(arg)
		c.pass.Report(analysis.Diagnostic{Pos: arg.Pos(), End: arg.End(),
			Message: fmt.Sprintf("%s passed as a context.Context in %s: %s; pass %s%s", short, r, fwc.Why, text, fwc.Accessor),
			SuggestedFixes: []analysis.SuggestedFix{{Message: "pass " + text + fwc.Accessor,
				TextEdits: []analysis.TextEdit{{Pos: arg.End(), End: arg.End(), NewText: []byte(fwc.Accessor)}}}}})
	}
}

// frameworkContext looks t up in knowledge.FrameworkContexts, and renders
// it as source text ("*gin.Context").
func frameworkContext(t types.Type) (knowledge.FrameworkContext, string, bool) {
	key, short := analysisutil.NamedKey(t)
	if key == "" {
		return knowledge.FrameworkContext{}, "", false
	}
	if _, isPtr := t.(*types.Pointer); isPtr {
		key, short = "*"+key, "*"+short
	}
	fwc, ok := knowledge.FrameworkContexts[key]
	return fwc, short, ok
}

// isDo reports whether fn sends a request: (*http.Client).Do, or a Do
// method taking just an *http.Request (an HTTPClient interface, a wrapper).
func isDo(fn *types.Func) bool {
	sig := fn.Signature()
	if fn.Name() != "Do" || sig.Recv() == nil || sig.Params().Len() != 1 {
		return false
	}
	t := sig.Params().At(0).Type()
	_, ptr := t.(*types.Pointer)
	return ptr && requestType.Matches(t)
}

// newRequestReachesDo reports whether the request built by the
// http.NewRequest call at cur is assigned to a local variable that is
// passed to (*http.Client).Do, or another Do(*http.Request), in the same
// function, and no req.WithContext result is stored in that function.
// When in doubt it says no.
func (c *checker) newRequestReachesDo(cur inspector.Cursor) bool {
	info := c.pass.TypesInfo
	as, ok := cur.Parent().Node().(*ast.AssignStmt)
	if !ok || len(as.Lhs) == 0 || len(as.Rhs) != 1 {
		return false
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	if !ok {
		return false
	}
	v, _ := info.ObjectOf(id).(*types.Var)
	if v == nil {
		return false
	}
	fc := analysisutil.EnclosingFunc(cur)
	if !fc.Valid() {
		return false
	}
	do, withCtx := false, false
	for cc := range fc.Preorder((*ast.CallExpr)(nil)) {
		call := cc.Node().(*ast.CallExpr)
		fn := analysisutil.Callee(info, call)
		if fn == nil {
			continue
		}
		switch key := analysisutil.FuncName(fn); {
		case isDo(fn):
			if len(call.Args) == 1 {
				if a, ok := ast.Unparen(call.Args[0]).(*ast.Ident); ok && info.Uses[a] == v {
					do = true
				}
			}
		case knowledge.ContextMisuses[key].Kind == knowledge.DroppedCopy:
			if s, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
				if a, ok := ast.Unparen(s.X).(*ast.Ident); ok && info.Uses[a] == v {
					if _, dropped := cc.Parent().Node().(*ast.ExprStmt); !dropped {
						withCtx = true
					}
				}
			}
		}
	}
	return do && !withCtx
}

// requestType is the type a Do method sends.
var requestType = analysisutil.ParseTypeKey(knowledge.RequestType)

// deliberateRoot reports whether the fresh root context at cur is used on
// purpose: handed to a call that uses a context only for values (a log
// call), or the base of the deadline of a stop (srv.Shutdown(ctx) with ctx
// from context.WithTimeout(context.Background(), d)), which must outlive
// the done context that triggered the shutdown.
func (c *checker) deliberateRoot(cur inspector.Cursor) bool {
	info := c.pass.TypesInfo
	outer, ok := cur.Parent().Node().(*ast.CallExpr)
	if !ok {
		return false
	}
	name := analysisutil.CalleeName(info, outer)
	if knowledge.ContextValueOnly[name] || isStop(analysisutil.Callee(info, outer)) {
		return true
	}
	if _, ok := knowledge.ContextCancellers[name]; !ok {
		return false
	}
	// ctx, cancel := context.WithTimeout(context.Background(), d)
	v, fc, ok := c.assignedFrom(cur)
	if !ok {
		return false
	}
	for cc := range fc.Preorder((*ast.CallExpr)(nil)) {
		call := cc.Node().(*ast.CallExpr)
		if !isStop(analysisutil.Callee(info, call)) {
			continue
		}
		for _, arg := range call.Args {
			if a, ok := ast.Unparen(arg).(*ast.Ident); ok && info.Uses[a] == v {
				return true
			}
		}
	}
	return false
}

// isStop reports whether fn is a method that stops a server or client
// (knowledge.StopMethods: Shutdown, GracefulStop, Close, ...).
func isStop(fn *types.Func) bool {
	return fn != nil && fn.Signature().Recv() != nil && knowledge.StopMethods[fn.Name()]
}

// assignedFrom returns the variable that the call around cur (a
// context.WithX(root, ...) call) is assigned to first, as in
// ctx, cancel := context.WithTimeout(context.Background(), d), and the
// function that encloses it.
func (c *checker) assignedFrom(cur inspector.Cursor) (types.Object, inspector.Cursor, bool) {
	as, ok := cur.Parent().Parent().Node().(*ast.AssignStmt)
	if !ok || len(as.Lhs) == 0 {
		return nil, inspector.Cursor{}, false
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	if !ok {
		return nil, inspector.Cursor{}, false
	}
	v := c.pass.TypesInfo.ObjectOf(id)
	fc := analysisutil.EnclosingFunc(cur)
	if v == nil || !fc.Valid() {
		return nil, inspector.Cursor{}, false
	}
	return v, fc, true
}
