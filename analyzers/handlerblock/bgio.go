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
		for id := range top.Preorder((*ast.Ident)(nil)) {
			if info.ObjectOf(id.Node().(*ast.Ident)) != v {
				continue
			}
			rhs, ok := assignedValue(id)
			if !ok {
				return "", false
			}
			if !rhs.Valid() {
				continue // a use, or var ctx context.Context
			}
			r, ok := c.uncancelled(rhs, top, seen)
			if !ok {
				return "", false
			}
			if root == "" {
				root = r
			}
		}
		return root, root != ""
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

// assignedValue classifies the occurrence of a variable at id: the cursor
// of the value it is assigned (x := v, x = v, var x = v, and the context of
// ctx, cancel := context.WithTimeout(...)), the zero cursor for a use or a
// declaration without a value, and false for anything it cannot follow
// (&x, a range variable, a parameter of a literal, x, err := f()).
func assignedValue(id inspector.Cursor) (inspector.Cursor, bool) {
	k, i := id.ParentEdge()
	p := id.Parent()
	switch k {
	case edge.AssignStmt_Lhs:
		as := p.Node().(*ast.AssignStmt)
		if len(as.Lhs) == len(as.Rhs) {
			return p.ChildAt(edge.AssignStmt_Rhs, i), true
		}
		if i == 0 && len(as.Rhs) == 1 {
			if _, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr); ok {
				return p.ChildAt(edge.AssignStmt_Rhs, 0), true // checked to be a context.WithX call
			}
		}
		return inspector.Cursor{}, false
	case edge.ValueSpec_Names:
		vs := p.Node().(*ast.ValueSpec)
		switch {
		case len(vs.Values) == 0:
			return inspector.Cursor{}, true
		case len(vs.Values) == len(vs.Names):
			return p.ChildAt(edge.ValueSpec_Values, i), true
		case i == 0 && len(vs.Values) == 1:
			return p.ChildAt(edge.ValueSpec_Values, 0), true
		}
		return inspector.Cursor{}, false
	case edge.UnaryExpr_X, edge.RangeStmt_Key, edge.RangeStmt_Value, edge.Field_Names, edge.IncDecStmt_X:
		return inspector.Cursor{}, false
	}
	return inspector.Cursor{}, true
}
