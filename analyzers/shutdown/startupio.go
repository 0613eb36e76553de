package shutdown

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
	"golang.org/x/tools/go/ast/inspector"
)

// checkStartupIO reports startup I/O (Ping, Connect) in startup code under
// context.Background or context.TODO, directly or through a local bound to
// one and never reassigned: with no deadline, an unreachable dependency
// hangs startup forever and the service never becomes ready. A context
// derived from signal.NotifyContext is stopped by SIGTERM and is not
// reported; calls in goroutines do not hold up startup.
func (s *state) checkStartupIO() {
	for _, d := range s.g.Decls {
		if !s.rp.IsStartup(d) {
			continue
		}
		for _, c := range s.g.Calls[d] {
			// Per-tick and per-message loop bodies of a startup function
			// are request paths, not startup.
			if c.Callee == nil || c.Lit != nil || c.Go || s.rp.At(c.Cursor) != nil {
				continue
			}
			io, ok := knowledge.StartupCalls[s.funcName(c.Callee)]
			if !ok || s.skip(c.Expr().Pos()) {
				continue
			}
			name := analysisutil.ShortName(c.Callee)
			if io.CtxArg < 0 {
				s.pass.ReportRangef(c.Expr(), "%s at startup has no deadline (it runs under context.Background): an unreachable %s hangs startup forever and the service never becomes ready; use the Context variant under context.WithTimeout", name, io.What)
				continue
			}
			call := c.Expr()
			if io.CtxArg >= len(call.Args) {
				continue
			}
			if root := s.rootContext(s.decls[d], call.Args[io.CtxArg]); root != "" {
				s.pass.ReportRangef(call.Args[io.CtxArg], "%s at startup under %s has no deadline: an unreachable %s hangs startup forever and the service never becomes ready; pass a context.WithTimeout of it", name, root, io.What)
			}
		}
	}
}

// rootContext returns "context.Background" or "context.TODO" when e is a
// call of one, or a local variable whose only assignment in decl is one.
func (s *state) rootContext(decl inspector.Cursor, e ast.Expr) string {
	info := s.pass.TypesInfo
	if _, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		return rootCall(info, e)
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return ""
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.Parent() == nil || v.Parent() == s.pass.Pkg.Scope() || v.IsField() {
		return ""
	}
	root := ""
	for c := range decl.Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.UnaryExpr)(nil)) {
		switch n := c.Node().(type) {
		case *ast.UnaryExpr:
			if n.Op == token.AND && analysisutil.UsedObject(info, n.X) == v {
				return "" // &ctx: assigned elsewhere
			}
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				lid, ok := lhs.(*ast.Ident)
				if !ok || (info.Defs[lid] != v && info.Uses[lid] != v) {
					continue
				}
				if len(n.Rhs) != len(n.Lhs) || root != "" {
					return ""
				}
				if root = rootCall(info, n.Rhs[i]); root == "" {
					return ""
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if info.Defs[name] != v {
					continue
				}
				if len(n.Values) != len(n.Names) || root != "" {
					return ""
				}
				if root = rootCall(info, n.Values[i]); root == "" {
					return ""
				}
			}
		}
	}
	return root
}

// rootCall returns "context.Background()" or "context.TODO()" when e is a
// call of one, or "".
func rootCall(info *types.Info, e ast.Expr) string {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return ""
	}
	switch analysisutil.CalleeName(info, call) {
	case "context.Background":
		return "context.Background()"
	case "context.TODO":
		return "context.TODO()"
	}
	return ""
}
