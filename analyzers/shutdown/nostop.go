package shutdown

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
	"golang.org/x/tools/go/ast/inspector"
)

// checkNoStop reports a serve call on a server value that nothing stops:
// no stop method (Shutdown, GracefulStop, Stop) is called on the same
// variable or field anywhere it is visible (the function for a local, the
// package for a field or package variable), and the value does not escape
// to code that could stop it. Serve calls stopped through their context
// argument are not checked.
func (s *state) checkNoStop() {
	info := s.pass.TypesInfo
	for _, k := range s.knownCalls() {
		c, call, fn := k.cur, k.call, k.fn
		srv, ok := knowledge.Servers[k.name]
		if !ok || len(srv.Stops) == 0 || s.skip(call.Pos()) {
			continue
		}
		obj, ok := recvObject(info, call).(*types.Var)
		if !ok {
			continue
		}
		// server := pkgServer (under a lock, before Serve): the stop is
		// looked for on the variable the local copies.
		objs := map[types.Object]bool{obj: true}
		for range maxAliases {
			src := s.aliasOf(obj)
			if src == nil {
				break
			}
			obj = src
			objs[obj] = true
		}
		if !s.owned(obj) {
			continue
		}
		scope := s.insp.Root()
		if !obj.IsField() && obj.Parent() != s.pass.Pkg.Scope() {
			scope = outermostFunc(c)
		}
		if s.stoppedOrEscapes(scope, objs, srv.Stops, nil) {
			continue
		}
		recv := types.ExprString(ast.Unparen(call.Fun).(*ast.SelectorExpr).X)
		s.pass.ReportRangef(call, "%s starts %s %s that is never stopped (no %s of %s): SIGTERM kills it mid-request; call %s.%s when the signal context is done",
			analysisutil.ShortName(fn), article(srv.What), recv, strings.Join(srv.Stops, " or "), recv, recv, stopCall(srv.Stops[0]))
	}
}

func stopCall(stop string) string {
	if stop == "Shutdown" {
		return "Shutdown(ctx) with a timeout context"
	}
	return stop + "()"
}

func article(what string) string {
	if strings.ContainsRune("aeiouAEIOU", rune(what[0])) || strings.HasPrefix(what, "HTTP") {
		return "an " + what
	}
	return "a " + what
}

// owned reports whether the server variable is created by the code that
// sees it: a field or package variable, or a local that is not a
// parameter and not a range variable (whose value comes from elsewhere).
func (s *state) owned(v *types.Var) bool {
	if v.IsField() || v.Parent() == s.pass.Pkg.Scope() {
		return true
	}
	for _, f := range s.pass.Files {
		if f.FileStart > v.Pos() || v.Pos() > f.FileEnd {
			continue
		}
		cur, ok := s.insp.Root().FindByPos(v.Pos(), v.Pos()+token.Pos(len(v.Name())))
		if !ok {
			return false
		}
		switch cur.Parent().Node().(type) {
		case *ast.AssignStmt, *ast.ValueSpec:
			return true
		}
		return false
	}
	return false
}

// maxAliases bounds the chain of copies followed by checkNoStop.
const maxAliases = 4

// aliasOf returns the variable that the local v is a copy of, when its
// only definition is a plain copy of another variable (server :=
// pkgServer, srv := s.server, var srv = other) and nothing assigns it
// later; or nil.
func (s *state) aliasOf(v *types.Var) *types.Var {
	if v.IsField() || v.Parent() == s.pass.Pkg.Scope() {
		return nil
	}
	info := s.pass.TypesInfo
	cur, ok := s.insp.Root().FindByPos(v.Pos(), v.Pos()+token.Pos(len(v.Name())))
	if !ok {
		return nil
	}
	var rhs ast.Expr
	switch p := cur.Parent().Node().(type) {
	case *ast.AssignStmt:
		if p.Tok == token.DEFINE && len(p.Lhs) == len(p.Rhs) {
			if i := slices.Index(p.Lhs, cur.Node().(ast.Expr)); i >= 0 {
				rhs = p.Rhs[i]
			}
		}
	case *ast.ValueSpec:
		if len(p.Names) == len(p.Values) {
			for i, n := range p.Names {
				if n == cur.Node() {
					rhs = p.Values[i]
				}
			}
		}
	}
	src, ok := analysisutil.UsedObject(info, rhs).(*types.Var)
	fun := outermostFunc(cur)
	if !ok || src == v || !fun.Valid() {
		return nil
	}
	// A later assignment to v makes it more than a copy.
	for c := range fun.Preorder((*ast.AssignStmt)(nil)) {
		as := c.Node().(*ast.AssignStmt)
		if as.Tok == token.DEFINE {
			continue
		}
		for _, l := range as.Lhs {
			if id, ok := ast.Unparen(l).(*ast.Ident); ok && info.Uses[id] == v {
				return nil
			}
		}
	}
	return src
}

// stoppedOrEscapes reports whether, in scope, a stop method is called (or
// taken as a method value) on one of objs (a server variable and the
// locals that copy it), or one escapes: returned, stored,
// address taken, put in a composite literal, or passed where a stop could
// be called (a parameter of its own type or an interface with a stop
// method). Uses inside except (the serve call itself) do not count.
func (s *state) stoppedOrEscapes(scope inspector.Cursor, objs map[types.Object]bool, stops []string, except ast.Node) bool {
	info := s.pass.TypesInfo
	for c := range scope.Preorder((*ast.Ident)(nil)) {
		id := c.Node().(*ast.Ident)
		if !objs[info.Uses[id]] || except != nil && id.Pos() >= except.Pos() && id.End() <= except.End() {
			continue
		}
		use := c
		if sel, ok := c.Parent().Node().(*ast.SelectorExpr); ok && sel.Sel == id {
			use = c.Parent() // x.srv: the use is the selector
		}
		switch p := use.Parent().Node().(type) {
		case *ast.SelectorExpr:
			if p.X == use.Node() && slices.Contains(stops, p.Sel.Name) {
				return true
			}
			continue // srv.Addr, srv.ListenAndServe()
		case *ast.AssignStmt:
			if slices.Contains(p.Lhs, use.Node().(ast.Expr)) {
				continue // srv = &http.Server{...}
			}
			if s.copyOf(p, objs) {
				continue // server := pkgServer, followed by aliasOf
			}
			return true
		case *ast.CallExpr:
			if ast.Unparen(p.Fun) == use.Node() {
				continue
			}
			if s.canStop(p, use.Node().(ast.Expr), stops) {
				return true
			}
			continue
		case *ast.ParenExpr, *ast.StarExpr:
			continue
		}
		return true
	}
	return false
}

// copyOf reports whether the assignment defines a variable of objs (a copy
// that aliasOf followed).
func (s *state) copyOf(as *ast.AssignStmt, objs map[types.Object]bool) bool {
	for _, l := range as.Lhs {
		if id, ok := l.(*ast.Ident); ok && objs[s.pass.TypesInfo.Defs[id]] {
			return true
		}
	}
	return false
}

// canStop reports whether passing arg to call could stop the server: the
// parameter has the server's own type, or an interface type with a stop
// method. A server handed to a registration (grpc.ServiceRegistrar) or as
// an http.Handler stays owned by the caller.
func (s *state) canStop(call *ast.CallExpr, arg ast.Expr, stops []string) bool {
	pt := paramType(s.pass.TypesInfo, call, arg)
	if pt == nil {
		return true // a conversion, a builtin: be conservative
	}
	if it, ok := pt.Underlying().(*types.Interface); ok {
		for m := range it.Methods() {
			if slices.Contains(stops, m.Name()) {
				return true
			}
		}
		return it.Empty()
	}
	return types.Identical(pt, s.pass.TypesInfo.TypeOf(arg))
}
