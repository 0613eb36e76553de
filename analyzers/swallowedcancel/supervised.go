package swallowedcancel

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"golang.org/x/tools/go/ast/inspector"
)

// runsOwnedFact marks a supervisor: a function that calls the func values
// it gets at the parameter indexes Params with a context it created itself
// (WithCancel and the like, kept in a local or a field whose cancel func it
// keeps), as goroutine groups and handles do (g.Go(loop), Stop cancels).
// A function run only that way is not the owner's caller: the supervisor
// that cancels the context is, so returning nil when it is done is its
// clean stop.
type runsOwnedFact struct{ Params []int }

func (*runsOwnedFact) AFact() {}

func (f *runsOwnedFact) String() string {
	return fmt.Sprintf("runs func params %v with its own ctx", f.Params)
}

// supervise finds the package's supervisors (exporting their facts), then
// the functions and literals that only supervisors run: c.supervised.
func (c *checker) supervise(in *inspector.Inspector) {
	c.ownedFields = map[*types.Var]bool{}
	c.supers = map[*types.Func][]int{}
	c.supervised = map[ast.Node]bool{}
	info := c.pass.TypesInfo
	// Fields that hold a context their type created: f, _ = WithCancel(),
	// s.f = ctx and T{f: ctx} with ctx created by a canceller.
	for cur := range in.Root().Preorder((*ast.AssignStmt)(nil), (*ast.KeyValueExpr)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.AssignStmt:
			if c.cancellerAssign(n) >= 0 {
				if f := fieldOf(info, n.Lhs[0]); f != nil {
					c.ownedFields[f] = true
				}
			} else if len(n.Lhs) == len(n.Rhs) {
				for i, l := range n.Lhs {
					if f := fieldOf(info, l); f != nil && c.ownedLocal(cur, n.Rhs[i]) {
						c.ownedFields[f] = true
					}
				}
			}
		case *ast.KeyValueExpr:
			if id, ok := n.Key.(*ast.Ident); ok {
				if f, ok := info.Uses[id].(*types.Var); ok && f.IsField() && c.ownedLocal(cur, n.Value) {
					c.ownedFields[f] = true
				}
			}
		}
	}
	// Supervisors: p(ctx) with an owned ctx, or p handed on to a
	// supervisor, for a func parameter p. Repeat for wrappers of wrappers.
	for changed := true; changed; {
		changed = false
		for _, d := range c.rp.Graph.Decls {
			fn, ok := info.Defs[d.Name].(*types.Func)
			if !ok {
				continue
			}
			params := c.runsOwned(d, fn.Signature())
			if len(params) > len(c.supers[fn]) {
				c.supers[fn] = params
				changed = true
			}
		}
	}
	for fn, ps := range c.supers {
		c.pass.ExportObjectFact(fn.Origin(), &runsOwnedFact{Params: ps})
	}
	// Functions of the package referred to only as arguments of
	// supervisors, and literals passed to one.
	refs := map[*types.Func]int{}
	for cur := range in.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		for _, i := range c.superParams(call) {
			if i >= len(call.Args) {
				continue
			}
			switch a := ast.Unparen(call.Args[i]).(type) {
			case *ast.FuncLit:
				c.supervised[a] = true
			default:
				// Methods of generic types are used instantiated.
				if fn, ok := analysisutil.UsedObject(info, a).(*types.Func); ok && fn.Pkg() == c.pass.Pkg {
					refs[fn.Origin()]++
				}
			}
		}
	}
	if len(refs) == 0 {
		return
	}
	uses := map[*types.Func]int{}
	for _, obj := range info.Uses {
		if fn, ok := obj.(*types.Func); ok && refs[fn.Origin()] > 0 {
			uses[fn.Origin()]++
		}
	}
	for fn, n := range refs {
		// An exported function may be called directly from elsewhere.
		if d := c.rp.Graph.Funcs[fn]; d != nil && !fn.Exported() && uses[fn] == n {
			c.supervised[d] = true
		}
	}
}

// runsOwned returns the indexes of d's func parameters that d calls with
// a context it owns or hands on to a supervisor.
func (c *checker) runsOwned(d *ast.FuncDecl, sig *types.Signature) []int {
	info := c.pass.TypesInfo
	idx := map[*types.Var]int{}
	for i := range sig.Params().Len() {
		p := sig.Params().At(i)
		if fs, ok := p.Type().Underlying().(*types.Signature); ok && takesCtx(fs) {
			idx[p] = i
		}
	}
	if len(idx) == 0 || d.Body == nil {
		return nil
	}
	var out []int
	add := func(i int) {
		if !slices.Contains(out, i) {
			out = append(out, i)
		}
	}
	for _, call := range c.rp.Graph.Calls[d] {
		ce := call.Expr()
		if id, ok := ast.Unparen(ce.Fun).(*ast.Ident); ok {
			if p, ok := info.Uses[id].(*types.Var); ok {
				if i, ok := idx[p]; ok {
					for _, a := range ce.Args {
						if analysisutil.IsContextType(info.TypeOf(a)) && c.owned(call.Cursor, a) {
							add(i)
						}
					}
				}
			}
		}
		for _, j := range c.superParams(ce) {
			if j >= len(ce.Args) {
				continue
			}
			if id, ok := ast.Unparen(ce.Args[j]).(*ast.Ident); ok {
				if p, ok := info.Uses[id].(*types.Var); ok {
					if i, ok := idx[p]; ok {
						add(i)
					}
				}
			}
		}
	}
	slices.Sort(out)
	return out
}

// superParams returns the supervised parameter indexes of call's callee,
// of this package or, through its fact, of another.
func (c *checker) superParams(call *ast.CallExpr) []int {
	fn := analysisutil.Callee(c.pass.TypesInfo, call)
	if fn == nil {
		return nil
	}
	if fn.Pkg() == c.pass.Pkg {
		return c.supers[fn]
	}
	var f runsOwnedFact
	if c.pass.ImportObjectFact(fn, &f) {
		return f.Params
	}
	return nil
}

// owned reports whether the context expression e at cur is one its
// function created: a field holding a created context, or a local last
// assigned from a canceller.
func (c *checker) owned(cur inspector.Cursor, e ast.Expr) bool {
	if f := fieldOf(c.pass.TypesInfo, e); f != nil {
		return c.ownedFields[f]
	}
	return c.ownedLocal(cur, e)
}

// ownedLocal reports whether e is a variable whose last assignment before
// it, in its function declaration, takes the context of a canceller.
func (c *checker) ownedLocal(cur inspector.Cursor, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || !analysisutil.IsContextType(v.Type()) {
		return false
	}
	d := analysisutil.EnclosingDecl(cur)
	if d == nil || d.Body == nil {
		return false
	}
	var last *ast.AssignStmt
	ast.Inspect(d.Body, func(n ast.Node) bool {
		if n == nil || n.Pos() >= id.Pos() {
			return false
		}
		if as, ok := n.(*ast.AssignStmt); ok {
			for _, l := range as.Lhs {
				if lid, ok := l.(*ast.Ident); ok && c.pass.TypesInfo.ObjectOf(lid) == v {
					last = as
				}
			}
		}
		return true
	})
	if last == nil || c.cancellerAssign(last) < 0 {
		return false
	}
	lid, ok := last.Lhs[0].(*ast.Ident)
	return ok && c.pass.TypesInfo.ObjectOf(lid) == v
}

// cancellerAssign returns the cancel index of `ctx, cancel = canceller(...)`
// when the cancel result is kept (not blank), or -1.
func (c *checker) cancellerAssign(as *ast.AssignStmt) int {
	if len(as.Rhs) != 1 || len(as.Lhs) < 2 {
		return -1
	}
	call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
	if !ok {
		return -1
	}
	k, ok := c.canceller(call)
	if !ok || k < 0 || k >= len(as.Lhs) {
		return -1
	}
	if id, ok := as.Lhs[k].(*ast.Ident); ok && id.Name == "_" {
		return -1
	}
	return k
}

// fieldOf returns the struct field e selects, or nil.
func fieldOf(info *types.Info, e ast.Expr) *types.Var {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	if f, ok := info.Uses[sel.Sel].(*types.Var); ok && f.IsField() {
		return f
	}
	return nil
}

func takesCtx(sig *types.Signature) bool {
	for p := range sig.Params().Variables() {
		if analysisutil.IsContextType(p.Type()) {
			return true
		}
	}
	return false
}
