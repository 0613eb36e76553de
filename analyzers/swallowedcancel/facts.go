package swallowedcancel

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/callgraph"
	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
	"github.com/lifelint/lifelint/analyzers/internal/requestpath"
)

// ctxErrFact marks a function that returns its context's error
// (ctx.Err(), context.Cause, or a %w wrap of it), directly or by returning
// the result of another such function.
type ctxErrFact struct{ Chain callgraph.Chain }

func (*ctxErrFact) AFact() {}

func (f *ctxErrFact) String() string { return "returns ctx error: " + f.Chain.String() }

// summarise computes and exports ctxErrFact for every function declared in
// the package: a function that returns ctx.Err() (or wraps it with %w), or
// returns the result of a call to such a function.
func (c *checker) summarise() {
	g := c.rp.Graph
	base := map[*ast.FuncDecl]callgraph.Chain{}
	for _, d := range g.Decls {
		if d.Body == nil {
			continue
		}
		ast.Inspect(d.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				if len(n.Results) > 0 && base[d] == nil {
					if name := c.ctxErrExpr(n.Results[len(n.Results)-1]); name != "" {
						base[d] = callgraph.Chain{name}
					}
				}
			}
			return true
		})
	}
	imported := func(fn *types.Func) callgraph.Chain {
		var f ctxErrFact
		if c.pass.ImportObjectFact(fn, &f) {
			return f.Chain
		}
		return nil
	}
	skip := func(_ *ast.FuncDecl, call requestpath.Call) bool {
		if call.Go || call.Lit != nil {
			return true
		}
		ret, ok := call.Cursor.Parent().Node().(*ast.ReturnStmt)
		return !ok || len(ret.Results) == 0 || ret.Results[len(ret.Results)-1] != call.Expr()
	}
	c.chains = g.Summaries(base, imported, skip)
	for _, d := range g.Decls {
		if ch := c.chains[d]; ch != nil {
			if fn, ok := c.pass.TypesInfo.Defs[d.Name].(*types.Func); ok {
				c.pass.ExportObjectFact(fn.Origin(), &ctxErrFact{Chain: ch})
			}
		}
	}
}

// ctxErrExpr returns "ctx.Err()" (the source call rendered) when e is the
// context's error or a %w wrap of it, or "".
func (c *checker) ctxErrExpr(e ast.Expr) string {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return ""
	}
	name := analysisutil.CalleeName(c.pass.TypesInfo, call)
	if knowledge.ContextErrorSources[name] {
		return "ctx.Err()"
	}
	if k, ok := knowledge.ErrorConstructors[name]; ok && k.Format >= 0 && len(call.Args) > k.Format+1 && strings.Contains(formatString(call, k.Format), "%w") {
		for _, a := range call.Args[k.Format+1:] {
			if s := c.ctxErrExpr(a); s != "" {
				return s
			}
		}
	}
	return ""
}

// ctxCall names call when it returns its context's error once the context
// is done: it takes a context argument, or its callee's summary says so.
func (c *checker) ctxCall(call *ast.CallExpr) string {
	fn := analysisutil.Callee(c.pass.TypesInfo, call)
	if fn == nil {
		return ""
	}
	if d := c.rp.Graph.Funcs[fn]; d != nil {
		if ch := c.chains[d]; ch != nil {
			return ch.Prepend(analysisutil.ShortName(fn)).String()
		}
	} else {
		var f ctxErrFact
		if c.pass.ImportObjectFact(fn, &f) {
			return f.Chain.Prepend(analysisutil.ShortName(fn)).String()
		}
	}
	for _, a := range call.Args {
		if analysisutil.IsContextType(c.pass.TypesInfo.TypeOf(a)) {
			return analysisutil.ShortName(fn)
		}
	}
	return ""
}
