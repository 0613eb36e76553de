package handlerblock

import (
	"go/ast"
	"go/types"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/callgraph"
	"github.com/lifelint/lifelint/analyzers/internal/requestpath"
)

// summarise computes the blocking summary of every declaration and exports
// the facts. A function blocks when its own body (not a goroutine, not a
// literal that may never run, not a loop body that is a request path of its
// own) blocks, or when it calls one that does. Channel operations count
// only inside the package: exported to other packages, they would make
// library internals (os/exec, client libraries waiting on their own
// goroutines) look blocking.
func (c *checker) summarise() map[*ast.FuncDecl]callgraph.Chain {
	rp, g := c.rp, c.rp.Graph
	imported := func(fn *types.Func) callgraph.Chain {
		var f blocksFact
		if c.pass.ImportObjectFact(fn, &f) {
			return f.Chain
		}
		return nil
	}
	skip := func(d *ast.FuncDecl, call requestpath.Call) bool {
		return call.Go || !rp.RunsWithFunc(call.Cursor, d)
	}
	summaries := func(withChans bool) map[*ast.FuncDecl]callgraph.Chain {
		base := map[*ast.FuncDecl]callgraph.Chain{}
		for _, d := range g.Decls {
			for _, s := range c.sites[d] {
				if (withChans || !s.chanOp) && rp.RunsWithFunc(s.cur, d) {
					base[d] = callgraph.Chain{s.name}
					break
				}
			}
		}
		return g.Summaries(base, imported, skip)
	}
	chains := summaries(true)
	for d, ch := range summaries(false) {
		if !rp.ExportsSummary(d) {
			continue
		}
		if fn, ok := c.pass.TypesInfo.Defs[d.Name].(*types.Func); ok {
			c.pass.ExportObjectFact(fn.Origin(), &blocksFact{Chain: ch})
		}
	}
	return chains
}

// checkCall reports, on a request path, a call of a function whose summary
// blocks, and the context misuses of misuse.go.
func (c *checker) checkCall(call requestpath.Call, chains map[*ast.FuncDecl]callgraph.Chain) {
	if call.Go || c.rp.Graph.Generated(call.Expr().Pos()) {
		return
	}
	r := c.rp.At(call.Cursor)
	if r == nil {
		return
	}
	c.checkFrameworkContext(call.Cursor, r)
	fn := call.Callee
	if fn == nil || c.checkMisuse(call, r) {
		return
	}
	if _, ok := c.rp.Config.Blocking[analysisutil.FuncName(fn)]; ok {
		return // a known blocking call: reported as a direct site, or fine
	}
	var chain callgraph.Chain
	if local := c.rp.Graph.Local(call); local != nil {
		if c.rp.Func(local) != nil {
			return // a request path itself: its body is reported where it blocks
		}
		chain = chains[local]
	} else {
		var f blocksFact
		if !c.pass.ImportObjectFact(fn, &f) {
			return
		}
		chain = f.Chain
	}
	if chain == nil {
		return
	}
	c.pass.ReportRangef(call.Expr(), "calls %s in %s: it blocks without the request context, so a cancelled request keeps waiting and shutdown waits for it; pass the request context down and use context-aware calls",
		chain.Prepend(analysisutil.ShortName(fn)), r)
}
