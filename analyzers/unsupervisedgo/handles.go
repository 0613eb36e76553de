package unsupervisedgo

import (
	"fmt"
	"go/ast"
	"go/types"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
)

// Check: stop handles that callers drop (a cross-call lostcancel).

// stopsFact marks a function that starts a goroutine bound to a context
// it creates, and returns that context's cancel func as result Result:
// the goroutine stops only when the caller calls it.
type stopsFact struct{ Result int }

func (*stopsFact) AFact() {}
func (f *stopsFact) String() string {
	return fmt.Sprintf("result %d stops the goroutine it starts", f.Result)
}

// stopResults finds, per function of the package, the result that stops a
// goroutine it starts: ctx, cancel := context.WithCancel(...); go
// work(ctx); return ..., cancel.
func (c *checker) stopResults() map[*types.Func]int {
	out := map[*types.Func]int{}
	for _, g := range c.gos {
		if g.decl == nil || enclosingFunc(g.cur) != ast.Node(g.decl) {
			continue
		}
		fn, ok := c.info.Defs[g.decl.Name].(*types.Func)
		if !ok {
			continue
		}
		if _, done := out[fn.Origin()]; done {
			continue
		}
		for _, ctx := range c.contextsOf(g) {
			if i := c.returnedCancel(g.decl, ctx); i >= 0 {
				out[fn.Origin()] = i
				break
			}
		}
	}
	return out
}

// returnedCancel returns the index of the result of d that is the cancel
// func of the context ctx, if every return of d returns it and d does not
// call it itself; else -1.
func (c *checker) returnedCancel(d *ast.FuncDecl, ctx *types.Var) int {
	var cancel *types.Var
	ast.Inspect(d.Body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || cancel != nil || len(as.Lhs) != 2 || len(as.Rhs) != 1 || c.keyOf(as.Lhs[0]) != ctx {
			return cancel == nil
		}
		if call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr); ok && analysisutil.IsCanceller(analysisutil.CalleeName(c.info, call)) {
			cancel = c.keyOf(as.Lhs[1])
		}
		return cancel == nil
	})
	if cancel == nil || cancel.IsField() {
		return -1
	}
	idx := -1
	for _, o := range c.index()[cancel] {
		if o.kind == opCall {
			return -1 // d stops it itself
		}
		ret, ok := o.cur.Parent().Node().(*ast.ReturnStmt)
		if !ok || enclosingFunc(o.cur.Parent()) != ast.Node(d) {
			continue
		}
		for i, r := range ret.Results {
			if r == o.cur.Node() {
				if idx >= 0 && idx != i {
					return -1
				}
				idx = i
			}
		}
	}
	return idx
}

// checkDroppedStops reports calls that discard the stop func a callee
// returns (assigned to _, or the call's results dropped): the goroutine
// the callee starts runs until the process exits.
func (c *checker) checkDroppedStops(local map[*types.Func]int) {
	for _, d := range c.rp.Graph.Decls {
		for _, call := range c.rp.Graph.Calls[d] {
			if call.Callee == nil || call.Go {
				continue
			}
			i, ok := local[call.Callee]
			if !ok {
				var f stopsFact
				if call.Callee.Pkg() == c.pass.Pkg || !c.pass.ImportObjectFact(call.Callee, &f) {
					continue
				}
				i = f.Result
			}
			if !dropsResult(call.Cursor.Parent().Node(), call.Expr(), i) {
				continue
			}
			name := analysisutil.ShortName(call.Callee)
			e := call.Expr()
			c.report(e.Pos(), e.End(), fmt.Sprintf(
				"the stop func that %s returns (result %d) is dropped: the goroutine %s starts stops only when it is called, so it runs until the process exits; keep it and call it when done (defer stop())",
				name, i, name))
		}
	}
}

// dropsResult reports whether the call, in its parent statement, drops
// its result i: a bare call statement, or _ at position i.
func dropsResult(parent ast.Node, call *ast.CallExpr, i int) bool {
	switch p := parent.(type) {
	case *ast.ExprStmt:
		return true
	case *ast.AssignStmt:
		if len(p.Rhs) != 1 || p.Rhs[0] != ast.Expr(call) || i >= len(p.Lhs) {
			return false
		}
		id, ok := p.Lhs[i].(*ast.Ident)
		return ok && id.Name == "_"
	}
	return false
}

// exportStops exports stopsFact for the exported functions in stops.
func (c *checker) exportStops(stops map[*types.Func]int) {
	for fn, i := range stops {
		if fn.Exported() {
			c.pass.ExportObjectFact(fn, &stopsFact{Result: i})
		}
	}
}
