package handlerblock

import (
	"fmt"
	"go/ast"
	"go/types"
	"maps"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/callgraph"
	"github.com/lifelint/lifelint/analyzers/internal/requestpath"
	"golang.org/x/tools/go/ast/inspector"
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
	imported := c.importedChain
	plain := func(d *ast.FuncDecl, call requestpath.Call) bool {
		return call.Go || !rp.RunsWithFunc(call.Cursor, d)
	}
	skip := plain
	// must restricts the summaries to unconditional chains (exported in
	// the facts for other modules, callgraph.TrustedChain).
	summaries := func(withChans, must bool) map[*ast.FuncDecl]callgraph.Chain {
		base := map[*ast.FuncDecl]callgraph.Chain{}
		for _, d := range g.Decls {
			for _, s := range c.sites[d] {
				if (withChans || !s.chanOp) && rp.RunsWithFunc(s.cur, d) && (!must || callgraph.Unconditional(s.cur)) {
					base[d] = callgraph.Chain{s.name}
					break
				}
			}
		}
		if must {
			return g.MustSummaries(base, c.mustChain, skip)
		}
		return g.Summaries(base, imported, skip)
	}
	// Channel operations count only one call deep: a helper that a
	// request path calls and that itself sends or receives. Deeper down
	// they are mostly the callee's own synchronisation (semaphores,
	// hand-offs to its workers), whose other end the summary cannot see.
	if c.hasGuardedSites() {
		// Calls whose constant arguments fail every guard of the callee's
		// blocking (guards.go) are left out, judged against summaries
		// computed with them.
		first := summaries(true, false)
		memo := map[inspector.Cursor]bool{}
		c.pruned = func(call requestpath.Call) bool {
			p, ok := memo[call.Cursor]
			if !ok {
				p = c.argPruned(call, first, plain)
				memo[call.Cursor] = p
			}
			return p
		}
		skip = func(d *ast.FuncDecl, call requestpath.Call) bool {
			return plain(d, call) || c.pruned(call)
		}
	}
	noChans := summaries(false, false)
	chains := maps.Clone(noChans)
	for d, ch := range summaries(true, false) {
		if chains[d] == nil && len(ch) == 1 {
			chains[d] = ch
		}
	}
	must := summaries(false, true)
	for d, ch := range noChans {
		if !rp.ExportsSummary(d) {
			continue
		}
		if fn, ok := c.pass.TypesInfo.Defs[d.Name].(*types.Func); ok {
			f := &blocksFact{Chain: ch, Module: callgraph.Module(c.pass)}
			if m := must[d]; m != nil {
				f.Chain, f.Unconditional = m, true
			}
			c.pass.ExportObjectFact(fn.Origin(), f)
		}
	}
	return chains
}

// importedChain returns the blocking summary of fn, a function of another
// package, when its fact is trusted (same module, or an unconditional
// chain: callgraph.TrustedChain), or nil.
func (c *checker) importedChain(fn *types.Func) callgraph.Chain {
	var f blocksFact
	if c.pass.ImportObjectFact(fn, &f) && callgraph.TrustedChain(c.pass, f.Module, f.Unconditional) {
		return f.Chain
	}
	return nil
}

// mustChain returns the blocking summary of fn, a function of another
// package, when it is unconditional, or nil.
func (c *checker) mustChain(fn *types.Func) callgraph.Chain {
	var f blocksFact
	if c.pass.ImportObjectFact(fn, &f) && f.Unconditional {
		return f.Chain
	}
	return nil
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
		if lr := c.rp.Func(local); lr != nil && lr.Kind != requestpath.Called {
			return // a request path by its own shape: reported where it blocks
		}
		if c.pruned != nil && c.pruned(call) {
			return // its arguments fail the guards of its blocking (guards.go)
		}
		chain = chains[local]
	} else {
		chain = c.importedChain(fn)
	}
	if chain == nil {
		return
	}
	// A call in the body of a helper that is on a request path only
	// because a request path calls it is part of the helper's summary:
	// the request path's call of the helper reports it, once.
	if r.Kind == requestpath.Called {
		if d := analysisutil.EnclosingDecl(call.Cursor); d != nil && c.rp.RunsWithFunc(call.Cursor, d) {
			return
		}
	}
	c.groups.Add(chain.Prepend(analysisutil.ShortName(fn)).String(), call, r)
}

// reportChains reports each distinct callee chain once per package, at its
// first call on a request path: one root cause (a helper without a context
// parameter) is one finding, whatever the number of handlers that call it
// (requestpath.Groups).
func (c *checker) reportChains() {
	for _, g := range c.groups.All() {
		first := g.First()
		d := g.Diagnostic()
		if len(g.Sites) == 1 {
			d.Message = fmt.Sprintf("calls %s in %s: it blocks without the request context, so a cancelled request keeps waiting and shutdown waits for it; %s", g.Key, first.Reason, c.chainAdvice(first))
		} else {
			d.Message = fmt.Sprintf("calls %s in %s%s: it blocks without the request context, so cancelled requests keep waiting and shutdown waits for them; give %s a context.Context parameter and use context-aware calls down the chain",
				g.Key, first.Reason, g.Elsewhere(), g.Callee())
		}
		c.pass.Report(d)
	}
}

// chainAdvice says how to fix one blocking chain call: pass the request
// context down when there is one (naming a receiver's context field,
// which no signature shows); a worker loop with no context in scope needs
// one of its own first.
func (c *checker) chainAdvice(s requestpath.Site) string {
	if ctx, ok := c.rp.FieldContext(s.Call.Cursor); ok {
		return "pass the worker's context " + ctx + " down and use context-aware calls"
	}
	if _, ok := c.rp.RequestContext(s.Call.Cursor); !ok {
		switch s.Reason.Root().Kind {
		case requestpath.MessageLoop, requestpath.TickLoop:
			return "give the worker a context (cancelled on shutdown) or a stop channel, pass it down and use context-aware calls"
		}
	}
	return "pass the request context down and use context-aware calls"
}
