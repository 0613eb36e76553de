// Recognisers shared by the checks: context errors, their sources and
// tests, ctx.Done() receives, and source rendering.

package swallowedcancel

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
)

// sentinel returns "context.Canceled" or "context.DeadlineExceeded" when e
// names that variable, or "".
func (c *checker) sentinel(e ast.Expr) string {
	v, ok := analysisutil.UsedObject(c.pass.TypesInfo, e).(*types.Var)
	if !ok || v.Pkg() == nil {
		return ""
	}
	key := v.Pkg().Path() + "." + v.Name()
	if knowledge.ContextErrors[key] {
		return key
	}
	return ""
}

// isCtxErrSource reports whether e is ctx.Err() or context.Cause(ctx).
func (c *checker) isCtxErrSource(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	return ok && knowledge.ContextErrorSources[analysisutil.CalleeName(c.pass.TypesInfo, call)]
}

// sentinelCond reports whether e tests for a context error:
// errors.Is(err, context.X), err == context.X, ctx.Err() != nil, a call of
// a predicate on context errors (predicates.go), or an || of these.
func (c *checker) sentinelCond(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.BinaryExpr:
		switch e.Op {
		case token.LOR:
			return c.sentinelCond(e.X) || c.sentinelCond(e.Y)
		case token.EQL, token.NEQ:
			return c.sentinel(e.X) != "" || c.sentinel(e.Y) != "" ||
				(e.Op == token.NEQ && (c.isCtxErrSource(e.X) && isNil(c.pass.TypesInfo, e.Y)))
		}
	case *ast.CallExpr:
		if t, ok := knowledge.ErrorTests[analysisutil.CalleeName(c.pass.TypesInfo, e)]; ok && len(e.Args) == 2 {
			return c.sentinel(e.Args[t.Target]) != ""
		}
		return c.isPredCall(e)
	}
	return false
}

// doneContext returns the context whose Done() comm receives, or nil.
func (c *checker) doneContext(comm ast.Stmt) ast.Expr {
	return c.doneCall(analysisutil.RecvChan(comm))
}

// doneCall returns X when e is X.Done() on a context.Context.
func (c *checker) doneCall(e ast.Expr) ast.Expr {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return nil
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Done" || !analysisutil.IsContextType(c.pass.TypesInfo.TypeOf(sel.X)) {
		return nil
	}
	return sel.X
}

// mentionsCtx reports whether e uses a context value.
func (c *checker) mentionsCtx(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if x, ok := n.(ast.Expr); ok && analysisutil.IsContextType(c.pass.TypesInfo.TypeOf(x)) {
			found = true
		}
		return !found
	})
	return found
}

func isNil(info *types.Info, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	_, isNil := info.Uses[id].(*types.Nil)
	return isNil
}

var errorType = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

// formatString returns the constant format string argument i of call,
// or "".
func formatString(call *ast.CallExpr, i int) string {
	if i < 0 || len(call.Args) <= i {
		return ""
	}
	lit, ok := ast.Unparen(call.Args[i]).(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return ""
	}
	s, err := strconv.Unquote(lit.Value)
	if err != nil {
		return ""
	}
	return s
}

func (c *checker) render(e ast.Node) string {
	if c.sources == nil {
		c.sources = map[string][]byte{}
	}
	var b strings.Builder
	start, end := c.pass.Fset.Position(e.Pos()), c.pass.Fset.Position(e.End())
	for _, f := range c.pass.Files {
		if f.FileStart <= e.Pos() && e.End() <= f.FileEnd {
			src, err := c.source(c.pass.Fset.File(f.FileStart).Name())
			if err == nil && end.Offset <= len(src) {
				b.Write(src[start.Offset:end.Offset])
			}
		}
	}
	return b.String()
}

// source returns the content of the file name, read once per package.
func (c *checker) source(name string) ([]byte, error) {
	if src, ok := c.sources[name]; ok {
		return src, nil
	}
	src, err := c.pass.ReadFile(name)
	if err == nil {
		c.sources[name] = src
	}
	return src, err
}
