package handlerblock

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// rootedSite reports a call, directly in the body of d (the declaration at
// top), of the Context variant of a blocking-table entry (QueryRowContext
// for (*sql.DB).QueryRow) given a context that nothing cancels:
// context.Background() or TODO(), a context.WithX child of one, or a local
// only ever set to such a context. It blocks as surely as the ctx-less
// call, so it is a site of d's summary, when d has no context in scope to
// pass instead (with one, the misuse rule reports the root where the
// request context is available) and is no startup code. The site is
// reported only at the calls of d on request paths (reportSite skips it).
func (c *checker) rootedSite(cur, top inspector.Cursor, d *ast.FuncDecl) (site, bool) {
	info := c.pass.TypesInfo
	call := cur.Node().(*ast.CallExpr)
	fn := analysisutil.Callee(info, call)
	if fn == nil || len(call.Args) == 0 || (c.rp.IsStartup(d) && !c.rp.OwnsRootOnly(d)) {
		return site{}, false
	}
	if c.ctxVariants == nil {
		c.ctxVariants = map[string]bool{}
		for key, kb := range c.rp.Config.Blocking {
			if i := strings.LastIndex(key, "."); kb.CtxMethod != "" && i >= 0 {
				c.ctxVariants[key[:i+1]+kb.CtxMethod] = true
			}
		}
	}
	params := fn.Signature().Params()
	if !c.ctxVariants[analysisutil.FuncName(fn)] || params.Len() == 0 || !analysisutil.IsContextType(params.At(0).Type()) {
		return site{}, false
	}
	if _, ok := c.rp.RequestContext(cur); ok {
		return site{}, false
	}
	root, ok := c.uncancelled(cur.ChildAt(edge.CallExpr_Args, 0), top, map[types.Object]bool{})
	if !ok {
		return site{}, false
	}
	return site{cur: cur, name: analysisutil.ShortName(fn) + "(" + root + "())", rooted: true}, true
}

// uncancelled returns the root ("context.Background") of the context the
// expression at cur evaluates to when nothing can cancel it: a root call
// not used as the base of a stop's deadline (deliberateRoot), a
// context.WithX or value-wrapper child of such a context, or a local
// variable of the function at top whose every assignment is one. seen
// holds the variables being traced: ctx = context.WithValue(ctx, k, v)
// keeps ctx uncancelled. When in doubt it says no.
func (c *checker) uncancelled(cur, top inspector.Cursor, seen map[types.Object]bool) (string, bool) {
	info := c.pass.TypesInfo
	cur = unparen(cur)
	switch e := cur.Node().(type) {
	case *ast.CallExpr:
		fn := analysisutil.Callee(info, e)
		if fn == nil {
			return "", false
		}
		name := analysisutil.FuncName(fn)
		if knowledge.ContextMisuses[name].Kind == knowledge.FreshRoot {
			return name, !c.deliberateRoot(cur)
		}
		parent := -1
		if w, ok := knowledge.ContextValueWrappers[name]; ok {
			parent = w.Parent
		} else if _, ok := knowledge.ContextCancellers[name]; ok && fn.Pkg().Path() == "context" {
			parent = 0 // not signal.NotifyContext: a signal ends that one
		}
		if parent < 0 || parent >= len(e.Args) {
			return "", false
		}
		return c.uncancelled(cur.ChildAt(edge.CallExpr_Args, parent), top, seen)
	case *ast.Ident:
		v, _ := info.Uses[e].(*types.Var)
		d := top.Node().(*ast.FuncDecl)
		if v == nil || v.Pos() < d.Body.Pos() || v.Pos() >= d.Body.End() {
			return "", false // a parameter, a field, a package variable
		}
		if seen[v] {
			return "", true
		}
		seen[v] = true
		root := ""
		followed := analysisutil.Assigned(info, top, v, func(_ ast.Node, rhs inspector.Cursor) bool {
			r, ok := c.uncancelled(rhs, top, seen)
			if ok && root == "" {
				root = r
			}
			return ok
		})
		return root, followed && root != ""
	}
	return "", false
}

// unparen returns the cursor of the expression at cur without its
// parentheses.
func unparen(cur inspector.Cursor) inspector.Cursor {
	for {
		if _, ok := cur.Node().(*ast.ParenExpr); !ok {
			return cur
		}
		cur = cur.ChildAt(edge.ParenExpr_X, -1)
	}
}
