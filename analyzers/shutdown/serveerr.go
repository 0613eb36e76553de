package shutdown

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
	"golang.org/x/tools/go/ast/inspector"
)

// checkServeErrors reports serve calls whose error is lost: go
// srv.ListenAndServe() (a port already in use goes unnoticed while the
// process keeps running without serving; a Serve on a listener the caller
// bound cannot fail that way), and an error handler that treats
// the stop sentinel (http.ErrServerClosed) as a failure in a function that
// also stops the server.
func (s *state) checkServeErrors() {
	info := s.pass.TypesInfo
	for _, k := range s.knownCalls() {
		c, call, fn := k.cur, k.call, k.fn
		srv, ok := knowledge.Servers[k.name]
		if !ok || s.skip(call.Pos()) || !returnsError(fn) {
			continue
		}
		name := analysisutil.ShortName(fn)
		if discarded(c) && !srv.OnListener {
			s.pass.ReportRangef(call, "the error of %s is discarded: a failure to listen (port in use) leaves the process running without serving; check it, ignore only %s, and stop the process on any other error",
				name, sentinel(srv))
			continue
		}
		if srv.Closed == "" || discarded(c) {
			continue
		}
		fun := outermostFunc(c)
		if !fun.Valid() || mentions(info, fun, srv.Closed) || !s.stopsSameType(fn, srv) {
			continue
		}
		if fatalOnError(info, c) {
			s.pass.ReportRangef(call, "the error of %s is treated as fatal without checking %s: Shutdown makes it return that error at once, so the process exits before the drain completes; skip errors.Is(err, %s)",
				name, sentinel(srv), sentinel(srv))
		}
	}
}

// sentinel renders the stop sentinel of srv for messages.
func sentinel(srv knowledge.Server) string {
	if srv.Closed == "" {
		return "the error after a stop"
	}
	return analysisutil.ShortKey(srv.Closed)
}

// discarded reports whether the result of the call at c is dropped: the
// call of a go statement, an expression statement, or assigned to _.
func discarded(c inspector.Cursor) bool {
	switch p := c.Parent().Node().(type) {
	case *ast.GoStmt, *ast.ExprStmt:
		return true
	case *ast.AssignStmt:
		if len(p.Lhs) == 1 && len(p.Rhs) == 1 {
			if id, ok := p.Lhs[0].(*ast.Ident); ok && id.Name == "_" {
				return true
			}
		}
	}
	return false
}

// outermostFunc returns the function declaration around c, or the
// outermost literal when there is none.
func outermostFunc(c inspector.Cursor) inspector.Cursor {
	var out inspector.Cursor
	for f := range c.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		out = f
	}
	return out
}

// mentions reports whether the subtree at fun refers to the package-level
// object key ("net/http.ErrServerClosed").
func mentions(info *types.Info, fun inspector.Cursor, key string) bool {
	for c := range fun.Preorder((*ast.SelectorExpr)(nil), (*ast.Ident)(nil)) {
		var id *ast.Ident
		switch n := c.Node().(type) {
		case *ast.SelectorExpr:
			id = n.Sel
		case *ast.Ident:
			id = n
		}
		if obj := info.Uses[id]; obj != nil && obj.Pkg() != nil && obj.Pkg().Path()+"."+obj.Name() == key {
			return true
		}
	}
	return false
}

// stopsSameType reports whether the package calls a stop method of the
// serve method's receiver type: then serve calls do return the sentinel.
func (s *state) stopsSameType(serve *types.Func, srv knowledge.Server) bool {
	recv := serve.Signature().Recv()
	if recv == nil {
		return false
	}
	for _, k := range s.knownCalls() {
		fn := k.fn
		if fn.Signature().Recv() == nil || !types.Identical(fn.Signature().Recv().Type(), recv.Type()) {
			continue
		}
		for _, stop := range srv.Stops {
			if fn.Name() == stop {
				return true
			}
		}
	}
	return false
}

// fatalOnError reports whether the error of the call at c reaches an exit
// call: log.Fatal(srv.ListenAndServe()), or err := srv.ListenAndServe()
// (or if err := ...; err != nil) followed by an exit call that uses err.
func fatalOnError(info *types.Info, c inspector.Cursor) bool {
	if p, ok := c.Parent().Node().(*ast.CallExpr); ok && knowledge.ExitCalls[analysisutil.CalleeName(info, p)] {
		return true
	}
	as, ok := c.Parent().Node().(*ast.AssignStmt)
	if !ok || len(as.Lhs) != 1 || as.Tok != token.DEFINE && as.Tok != token.ASSIGN {
		return false
	}
	errObj := analysisutil.UsedObject(info, as.Lhs[0])
	if errObj == nil {
		if id, ok := as.Lhs[0].(*ast.Ident); ok {
			errObj = info.Defs[id]
		}
	}
	if errObj == nil {
		return false
	}
	block := c.Parent().Parent()
	for e := range block.Preorder((*ast.CallExpr)(nil)) {
		call := e.Node().(*ast.CallExpr)
		if call.Pos() < as.End() || !knowledge.ExitCalls[analysisutil.CalleeName(info, call)] {
			continue
		}
		for _, a := range call.Args {
			if analysisutil.UsedObject(info, a) == errObj {
				return true
			}
		}
	}
	return false
}

// returnsError reports whether fn's only result is an error.
func returnsError(fn *types.Func) bool {
	res := fn.Signature().Results()
	return res.Len() == 1 && types.Identical(res.At(0).Type(), types.Universe.Lookup("error").Type())
}
