package swallowedcancel

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// ctxPredFact marks a predicate on context errors: a func(...) bool that
// returns errors.Is(param, context.Canceled|DeadlineExceeded) (possibly
// ||-combined, possibly inside if err != nil { ... }) or ctx.Err() != nil.
// A call of one counts as that test in every rule.
type ctxPredFact struct{}

func (*ctxPredFact) AFact() {}

func (*ctxPredFact) String() string { return "tests for a ctx error" }

// ctxFilterFact marks a filter that returns nil for a context error and
// the error otherwise: returning its result turns cancellation into
// success.
type ctxFilterFact struct{}

func (*ctxFilterFact) AFact() {}

func (*ctxFilterFact) String() string { return "drops ctx errors" }

// classify finds the package's predicates and filters and exports their
// facts. Predicates may call predicates, so it repeats until nothing
// changes (each round adds one at least, so the rounds are bounded by the
// number of functions).
func (c *checker) classify() {
	c.preds = map[*types.Func]bool{}
	c.filters = map[*types.Func]bool{}
	for changed := true; changed; {
		changed = false
		for _, d := range c.rp.Graph.Decls {
			fn, ok := c.pass.TypesInfo.Defs[d.Name].(*types.Func)
			if !ok || d.Body == nil || c.preds[fn] || !c.isPredicate(d, fn.Signature()) {
				continue
			}
			c.preds[fn] = true
			changed = true
		}
	}
	for _, d := range c.rp.Graph.Decls {
		if fn, ok := c.pass.TypesInfo.Defs[d.Name].(*types.Func); ok && d.Body != nil && c.isFilter(d, fn.Signature()) {
			c.filters[fn] = true
		}
	}
	// Only exported functions can be called from another package by name.
	for fn := range c.preds {
		if fn.Exported() {
			c.pass.ExportObjectFact(fn.Origin(), &ctxPredFact{})
		}
	}
	for fn := range c.filters {
		if fn.Exported() {
			c.pass.ExportObjectFact(fn.Origin(), &ctxFilterFact{})
		}
	}
}

// isPredicate reports whether d (not an Is method) returns one bool, takes
// an error or a context, returns a test for a context error at least once
// and a constant otherwise.
func (c *checker) isPredicate(d *ast.FuncDecl, sig *types.Signature) bool {
	if d.Recv != nil && d.Name.Name == "Is" {
		// An Is method serves errors.Is: it compares its target.
		return false
	}
	if sig.Results().Len() != 1 || !types.Identical(sig.Results().At(0).Type(), types.Typ[types.Bool]) || !takesErrOrCtx(sig) {
		return false
	}
	tests, others := 0, 0
	ast.Inspect(d.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			switch {
			case len(n.Results) != 1:
				others++
			case c.sentinelCond(guarded(n.Results[0])):
				tests++
			case !isConstBool(c.pass.TypesInfo, n.Results[0]):
				others++
			}
		}
		return true
	})
	return tests > 0 && others == 0
}

// isFilter reports whether d takes an error and returns an error last,
// returning nil at the top of an if that tests for a context error and the
// error parameter elsewhere.
func (c *checker) isFilter(d *ast.FuncDecl, sig *types.Signature) bool {
	n := sig.Results().Len()
	if n == 0 || !types.Identical(sig.Results().At(n-1).Type(), errType) {
		return false
	}
	var param *types.Var
	for p := range sig.Params().Variables() {
		if types.Identical(p.Type(), errType) {
			param = p
		}
	}
	if param == nil {
		return false
	}
	drops, passes := false, false
	for _, st := range d.Body.List {
		switch st := st.(type) {
		case *ast.IfStmt:
			if c.sentinelCond(st.Cond) && c.nilReturn(st.Body) != nil {
				drops = true
			}
		case *ast.ReturnStmt:
			if len(st.Results) == n {
				if id, ok := ast.Unparen(st.Results[n-1]).(*ast.Ident); ok && c.pass.TypesInfo.Uses[id] == param {
					passes = true
				}
			}
		}
	}
	return drops && passes
}

var errType = types.Universe.Lookup("error").Type()

// guarded strips an `err != nil &&` guard from a predicate's result.
func guarded(e ast.Expr) ast.Expr {
	if b, ok := ast.Unparen(e).(*ast.BinaryExpr); ok && b.Op == token.LAND && errNotNil(b.X) != nil {
		return b.Y
	}
	return e
}

func takesErrOrCtx(sig *types.Signature) bool {
	for p := range sig.Params().Variables() {
		if types.Identical(p.Type(), errType) || analysisutil.IsContextType(p.Type()) {
			return true
		}
	}
	return false
}

func isConstBool(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && types.Identical(tv.Type.Underlying(), types.Typ[types.Bool])
}

// isPredCall reports whether call calls a predicate on context errors of
// this package or, through its fact, of another.
func (c *checker) isPredCall(call *ast.CallExpr) bool {
	fn := analysisutil.Callee(c.pass.TypesInfo, call)
	if fn == nil {
		return false
	}
	if c.preds[fn.Origin()] {
		return true
	}
	return fn.Pkg() != c.pass.Pkg && c.pass.ImportObjectFact(fn.Origin(), new(ctxPredFact))
}

// filterCall returns the callee's name when call calls a filter of context
// errors, or "".
func (c *checker) filterCall(call *ast.CallExpr) string {
	fn := analysisutil.Callee(c.pass.TypesInfo, call)
	if fn == nil {
		return ""
	}
	if c.filters[fn.Origin()] || (fn.Pkg() != c.pass.Pkg && c.pass.ImportObjectFact(fn.Origin(), new(ctxFilterFact))) {
		return analysisutil.ShortName(fn)
	}
	return ""
}

// filteredReturn flags `return filter(err)` in a function that received
// its context: the filter turns cancellation into a nil error, so the
// caller takes it for success.
func (c *checker) filteredReturn(cur inspector.Cursor, ret *ast.ReturnStmt) {
	if len(ret.Results) == 0 {
		return
	}
	call, ok := ast.Unparen(ret.Results[len(ret.Results)-1]).(*ast.CallExpr)
	if !ok {
		return
	}
	name := c.filterCall(call)
	if name == "" {
		return
	}
	fi := c.funcAt(cur)
	if !fi.returnsErr() || !fi.received || fi.owner {
		return
	}
	c.pass.Report(analysis.Diagnostic{Pos: call.Pos(), End: call.End(),
		Message: fmt.Sprintf("%s returns the result of %s, which turns a context error into nil: the function received its context, so its caller takes cancellation for success; return the error itself when errors.Is(err, context.Canceled)", c.funcName(cur), name)})
}
