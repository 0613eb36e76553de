package swallowedcancel

import (
	"go/ast"
	"go/types"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
	"golang.org/x/tools/go/ast/inspector"
)

// retryCallBefore is ctxCallBefore for the retry rules, leaving out calls
// whose contexts are all fresh: an attempt under context.TODO(), a
// per-attempt context built from nothing (newTestContext()) or from a
// root (WithTimeout(context.Background(), d)) fails for its own reasons,
// never because the loop's context was cancelled.
func (c *checker) retryCallBefore(loop inspector.Cursor, before []ast.Stmt, is *ast.IfStmt, errID *ast.Ident) string {
	fn := analysisutil.EnclosingFunc(loop)
	return c.callBefore(before, is, errID, func(call *ast.CallExpr) string {
		if fn.Valid() && c.freshCtxCall(fn, loop.Node(), call) {
			return ""
		}
		return c.ctxCall(call)
	})
}

// freshFact marks a function that takes no context and returns a fresh
// one (freshCtx): a root, or a timeout on a root, for one attempt.
type freshFact struct{}

func (*freshFact) AFact() {}

func (*freshFact) String() string { return "returns a fresh ctx" }

// findFresh finds the package's functions that return fresh contexts and
// exports their facts; they may build on each other, so it repeats until
// nothing changes.
func (c *checker) findFresh(in *inspector.Inspector) {
	c.freshFuncs = map[*types.Func]bool{}
	type cand struct {
		fn  *types.Func
		cur inspector.Cursor
	}
	var cands []cand
	for cur := range in.Root().Preorder((*ast.FuncDecl)(nil)) {
		d := cur.Node().(*ast.FuncDecl)
		fn, ok := c.pass.TypesInfo.Defs[d.Name].(*types.Func)
		if !ok || d.Body == nil || d.Recv != nil {
			continue
		}
		sig := fn.Signature()
		if takesCtx(sig) || sig.Results().Len() == 0 || !analysisutil.IsContextType(sig.Results().At(0).Type()) {
			continue
		}
		cands = append(cands, cand{fn, cur})
	}
	for changed := true; changed; {
		changed = false
		for _, k := range cands {
			if c.freshFuncs[k.fn] {
				continue
			}
			body := k.cur.Node().(*ast.FuncDecl).Body
			ok, any := true, false
			for r := range k.cur.Preorder((*ast.ReturnStmt)(nil)) {
				if analysisutil.EnclosingFunc(r).Node() != k.cur.Node() {
					continue
				}
				ret := r.Node().(*ast.ReturnStmt)
				any = true
				ok = ok && len(ret.Results) > 0 && c.freshCtx(k.cur, body, ret.Results[0], false, 0)
			}
			if ok && any {
				c.freshFuncs[k.fn] = true
				changed = true
			}
		}
	}
	for fn := range c.freshFuncs {
		c.pass.ExportObjectFact(fn.Origin(), &freshFact{})
	}
}

// isFreshFunc reports whether fn returns a fresh context, by the
// package's findFresh or, for another package, its fact.
func (c *checker) isFreshFunc(fn *types.Func) bool {
	if fn.Pkg() == c.pass.Pkg {
		return c.freshFuncs[fn]
	}
	return c.pass.ImportObjectFact(fn, new(freshFact))
}

// freshCtxCall reports whether call, in loop, takes contexts and every one
// of them is fresh (freshCtx).
func (c *checker) freshCtxCall(fn inspector.Cursor, loop ast.Node, call *ast.CallExpr) bool {
	n := 0
	for _, a := range call.Args {
		if analysisutil.IsContextType(c.pass.TypesInfo.TypeOf(a)) {
			if !c.freshCtx(fn, loop, a, false, 0) {
				return false
			}
			n++
		}
	}
	return n > 0
}

// freshCtx reports whether the context e, used in loop in the function fn,
// is one no caller can cancel and whose deadline, if any, is the
// attempt's: a root (Background, TODO, WithoutCancel), a package
// function's result built only from fresh contexts (none at all, a root
// with a timeout, a root with values), or a local of fn assigned only
// such values in the loop, or only roots outside it (a timeout set once
// before the loop expires for every later attempt). A method's result
// (s.ctx()) and a parameter are not. rootsOnly admits the roots alone.
func (c *checker) freshCtx(fn inspector.Cursor, loop ast.Node, e ast.Expr, rootsOnly bool, depth int) bool {
	if depth > 4 {
		return false
	}
	info := c.pass.TypesInfo
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		name := analysisutil.CalleeName(info, e)
		if _, ok := knowledge.ContextRoots[name]; ok {
			return true
		}
		callee := analysisutil.Callee(info, e)
		if rootsOnly || callee == nil || callee.Signature().Recv() != nil {
			return false
		}
		n := 0
		for _, a := range e.Args {
			if analysisutil.IsContextType(info.TypeOf(a)) {
				if !c.freshCtx(fn, loop, a, false, depth+1) {
					return false
				}
				n++
			}
		}
		// A function given no context may return one its package
		// cancels: only its summary can tell.
		return n > 0 || c.isFreshFunc(callee)
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		if !ok || v.Pos() < fn.Node().Pos() || v.Pos() >= fn.Node().End() {
			return false
		}
		if ft, _ := analysisutil.FuncParts(fn.Node()); ft != nil {
			for _, f := range ft.Params.List {
				for _, id := range f.Names {
					if info.Defs[id] == v {
						return false
					}
				}
			}
		}
		return analysisutil.Assigned(info, fn, v, func(at ast.Node, rhs inspector.Cursor) bool {
			roots := rootsOnly || at.Pos() < loop.Pos() || at.Pos() >= loop.End()
			return c.freshCtx(fn, loop, rhs.Node().(ast.Expr), roots, depth+1)
		})
	}
	return false
}
