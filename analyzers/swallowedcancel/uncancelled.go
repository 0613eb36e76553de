package swallowedcancel

import (
	"go/ast"
	"go/types"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
	"golang.org/x/tools/go/ast/inspector"
)

// A function that drops the error of a call given its context parameter
// loses nothing when that context can never be cancelled: when every call
// in the package that can run it passes a root (context.Background(),
// TODO(), WithoutCancel) or a root with values added, the callers own a
// context nobody ends, and a failure handled as "skip" is the function's
// policy, not a lost cancellation. Callers in other packages are not seen:
// an exported function is taken at its package's word (its one miss: an
// importer that passes a cancellable context).

// valueCtxFact marks a function that returns its context parameter Param
// with values added and nothing else (knowledge.ContextValueWrappers, or
// another such function): its result is cancelled exactly when that
// argument is.
type valueCtxFact struct{ Param int }

func (*valueCtxFact) AFact() {}

func (f *valueCtxFact) String() string { return "adds values to ctx" }

// findValueCtx finds the package's value wrappers (valueCtxFact) and
// exports their facts; they may call each other, so it repeats until
// nothing changes.
func (c *checker) findValueCtx() {
	c.valueFuncs = map[*types.Func]int{}
	type cand struct {
		fn *types.Func
		d  *ast.FuncDecl
	}
	var cands []cand
	for _, d := range c.rp.Graph.Decls {
		fn, ok := c.pass.TypesInfo.Defs[d.Name].(*types.Func)
		if !ok {
			continue
		}
		sig := fn.Signature()
		if !takesCtx(sig) || sig.Results().Len() != 1 || !analysisutil.IsContextType(sig.Results().At(0).Type()) {
			continue
		}
		cands = append(cands, cand{fn, d})
	}
	for changed := true; changed; {
		changed = false
		for _, k := range cands {
			if _, done := c.valueFuncs[k.fn]; done {
				continue
			}
			param, ok := -1, true
			ast.Inspect(k.d.Body, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.FuncLit:
					return false
				case *ast.ReturnStmt:
					p := -1
					if len(n.Results) == 1 {
						p = c.parentParam(k.fn.Signature(), n.Results[0], 0)
					}
					if p < 0 || (param >= 0 && p != param) {
						ok = false
					}
					param = p
				}
				return ok
			})
			if ok && param >= 0 {
				c.valueFuncs[k.fn] = param
				changed = true
			}
		}
	}
	for fn, p := range c.valueFuncs {
		c.pass.ExportObjectFact(fn.Origin(), &valueCtxFact{Param: p})
	}
}

// parentParam returns the index of the parameter of sig that e is, with
// values added by value wrappers, or -1.
func (c *checker) parentParam(sig *types.Signature, e ast.Expr, depth int) int {
	if depth > 4 {
		return -1
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if v, ok := c.pass.TypesInfo.Uses[e].(*types.Var); ok {
			return paramIndex(sig, v)
		}
	case *ast.CallExpr:
		if p, ok := c.valueWrapper(e); ok && p < len(e.Args) {
			return c.parentParam(sig, e.Args[p], depth+1)
		}
	}
	return -1
}

// valueWrapper returns the parent argument's index when call derives a
// context with values only: a knowledge-table entry, a wrapper of this
// package (findValueCtx) or one whose valueCtxFact says so.
func (c *checker) valueWrapper(call *ast.CallExpr) (int, bool) {
	fn := analysisutil.Callee(c.pass.TypesInfo, call)
	if fn == nil {
		return 0, false
	}
	if w, ok := knowledge.ContextValueWrappers[analysisutil.FuncName(fn)]; ok {
		return w.Parent, true
	}
	if fn.Pkg() == c.pass.Pkg {
		p, ok := c.valueFuncs[fn]
		return p, ok
	}
	var f valueCtxFact
	if c.pass.ImportObjectFact(fn, &f) {
		return f.Param, true
	}
	return 0, false
}

// neverCancelled reports whether the context e, evaluated in the function
// at fn, is one nobody can cancel and that has no deadline: a root
// (knowledge.ContextRoots), a value wrapper of one, or a local of fn
// assigned only such values whose address is not taken.
func (c *checker) neverCancelled(fn inspector.Cursor, e ast.Expr, depth int) bool {
	if depth > 4 {
		return false
	}
	info := c.pass.TypesInfo
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if _, ok := knowledge.ContextRoots[analysisutil.CalleeName(info, e)]; ok {
			return true
		}
		if p, ok := c.valueWrapper(e); ok && p < len(e.Args) {
			return c.neverCancelled(fn, e.Args[p], depth+1)
		}
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		if !ok || !fn.Valid() || v.Pos() < fn.Node().Pos() || v.Pos() >= fn.Node().End() {
			return false
		}
		if ft, _ := analysisutil.FuncParts(fn.Node()); ft != nil && ft.Params.Pos() <= v.Pos() && v.Pos() < ft.Params.End() {
			return false
		}
		return analysisutil.Assigned(info, fn, v, func(_ ast.Node, rhs inspector.Cursor) bool {
			return c.neverCancelled(fn, rhs.Node().(ast.Expr), depth+1)
		})
	}
	return false
}

// callersNeverCancel reports whether every call in the package that can
// run the function declared by d (callgraph's Dispatch: its static calls
// and calls through an interface it implements) passes, as the context
// parameter ctx, a context nobody can cancel, and there is at least one
// such call and no other reference.
func (c *checker) callersNeverCancel(d *ast.FuncDecl, ctx *types.Var) bool {
	fn, ok := c.pass.TypesInfo.Defs[d.Name].(*types.Func)
	if !ok {
		return false
	}
	at := paramIndex(fn.Signature(), ctx)
	sites, complete := c.rp.Graph.Dispatch(fn)
	if at < 0 || !complete || len(sites) == 0 {
		return false
	}
	for _, s := range sites {
		call := s.Expr()
		if at >= len(call.Args) || !c.neverCancelled(analysisutil.EnclosingFunc(s.Cursor), call.Args[at], 0) {
			return false
		}
	}
	return true
}
