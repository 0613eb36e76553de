package unsupervisedgo

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/callgraph"
	"github.com/lifelint/lifelint/analyzers/internal/requestpath"
	"golang.org/x/tools/go/ast/inspector"
)

// Facts: what calling a function does, for callers in other packages.

// spawnsFact summarises a function that, when called, starts a goroutine
// nobody joins: directly, or through the calls in Chain. Chain ends with
// the go statement ("go func literal", "go (*mail.Mailer).loop").
//
// Module is the module of the function's package ("" when unknown). Facts
// are used only within one module: a library's own goroutines (pgxpool's
// health check, amqp091's connection watcher) belong to objects that its
// Close stops, which the pass cannot follow through the library's
// internals; creating those objects per request is requestpool's finding.
//
// Guard holds the conditions on the function's bool parameters under
// which the goroutine starts (if async { go ... }): a call that passes a
// constant contradicting one of them starts nothing.
type spawnsFact struct {
	Chain  []string
	Guard  []flagGuard
	Module string
}

func (*spawnsFact) AFact() {}
func (f *spawnsFact) String() string {
	s := "spawns unsupervised goroutine: " + strings.Join(f.Chain, " → ")
	if len(f.Guard) > 0 {
		s += " (only when " + guardString(f.Guard) + ")"
	}
	return s
}

// supervisesFact marks a supervisor helper: the function arguments at
// Params run in goroutines that the helper tracks and joins.
type supervisesFact struct{ Params []int }

func (*supervisesFact) AFact()           {}
func (f *supervisesFact) String() string { return fmt.Sprintf("supervises func params %v", f.Params) }

// summarise computes, for every function of the package, whether calling
// it starts an unjoined goroutine (by a fixed point over the intra-package
// call graph and imported facts), exports the facts, and exports
// supervisor facts.
func (c *checker) summarise() {
	g := c.rp.Graph
	paths := map[*ast.FuncDecl][]spawnPath{}
	wrappers := map[*ast.FuncDecl]bool{} // go wrappers on request paths: summarised, not reported
	for _, d := range g.Decls {
		for _, gs := range c.gos {
			if gs.decl != d || gs.joined || !c.directlyIn(gs.cur, d) {
				continue
			}
			if c.stoppedByOwnType(gs, d) {
				continue // a worker of the receiver, which the type's Stop ends
			}
			if c.rp.At(gs.cur) != nil {
				if !c.goWrapper(gs) {
					continue // reported in place with its request path
				}
				wrappers[d] = true
			}
			p := spawnPath{chain: []string{"go " + c.goTarget(gs)}, guard: c.flagGuards(gs.cur, d)}
			paths[d], _ = addPath(paths[d], p)
			if _, ok := unguarded(paths[d]); ok {
				break
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for _, d := range g.Decls {
			if _, ok := unguarded(paths[d]); ok {
				continue
			}
			for _, call := range g.Calls[d] {
				if call.Go || call.Lit != nil || call.Callee == nil {
					continue
				}
				var tail []spawnPath
				if local := g.Local(call); local != nil {
					if c.rp.Func(local) != nil && !wrappers[local] {
						continue // reported in place, with its request path
					}
					tail = paths[local]
				} else if f := c.importedSpawn(call.Callee); f != nil {
					tail = []spawnPath{{chain: f.Chain, guard: f.Guard}}
				}
				if tail == nil || c.closedByCaller(call.Cursor, d) {
					continue
				}
				// One chain limit and rendering for every pass.
				for _, p := range c.throughCall(call.Expr(), call.Cursor, d, tail, analysisutil.ShortName(call.Callee)) {
					var added bool
					paths[d], added = addPath(paths[d], p)
					changed = changed || added
				}
				if _, ok := unguarded(paths[d]); ok {
					break
				}
			}
		}
	}
	for _, d := range g.Decls {
		fn, ok := c.info.Defs[d.Name].(*types.Func)
		if !ok {
			continue
		}
		if !fn.Exported() {
			continue // other packages cannot call it
		}
		if ps := paths[d]; len(ps) > 0 && (c.rp.Func(d) == nil || wrappers[d]) {
			// A function on a request path of its own package has its
			// goroutines reported there; no fact, so callers elsewhere
			// do not report them again.
			p, ok := unguarded(ps)
			if !ok {
				p = spawnPath{chain: ps[0].chain, guard: commonGuard(ps)}
			}
			c.pass.ExportObjectFact(fn.Origin(), &spawnsFact{Chain: p.chain, Guard: p.guard, Module: c.module()})
		}
		if ps := c.super[fn.Origin()]; len(ps) > 0 {
			c.pass.ExportObjectFact(fn.Origin(), &supervisesFact{Params: ps})
		}
		if hasPrimitiveParam(fn) {
			if sums := c.summary(fn); len(sums) > 0 {
				c.pass.ExportObjectFact(fn.Origin(), &paramsFact{Params: sums, Module: c.module()})
			}
		}
	}
}

// directlyIn reports whether cur runs in d's own goroutine when d is
// called: it is not inside any function literal (literals may run later,
// or in another goroutine).
func (c *checker) directlyIn(cur inspector.Cursor, d *ast.FuncDecl) bool {
	return enclosingFunc(cur) == d
}

func (c *checker) importedSpawn(fn *types.Func) *spawnsFact {
	if fn.Pkg() == nil || fn.Pkg() == c.pass.Pkg {
		return nil
	}
	var f spawnsFact
	if !c.pass.ImportObjectFact(fn.Origin(), &f) {
		return nil
	}
	if !c.sameModule(f.Module) {
		return nil
	}
	return &f
}

// sameModule reports whether a fact from module m may be used here (the
// trust boundary).
func (c *checker) sameModule(m string) bool { return callgraph.Trusted(c.pass, m) }

func (c *checker) module() string { return callgraph.Module(c.pass) }

// reportCalls reports calls on request paths to functions of other
// packages that start unjoined goroutines. Calls to functions of this
// package are not reported: their go statement is reported where it is,
// with the request path that reaches it (one report per goroutine).
//
// One spawning callee is one root cause: its calls on request paths of a
// package are reported once, at the first, with the others as related
// locations (an ignore directive there covers them all).
func (c *checker) reportCalls() {
	g := c.rp.Graph
	var groups requestpath.Groups
	for _, d := range g.Decls {
		for _, call := range g.Calls[d] {
			if call.Go || call.Callee == nil || g.Local(call) != nil {
				continue
			}
			f := c.importedSpawn(call.Callee)
			if f == nil {
				continue
			}
			if _, ok := c.forward(call.Expr(), nil, f.Guard); !ok {
				continue // a constant argument the go statement is not reached with
			}
			if c.closedByCaller(call.Cursor, d) {
				continue // the value the goroutine belongs to is closed by the caller
			}
			r := c.rp.At(call.Cursor)
			if r == nil {
				continue
			}
			groups.Add(analysisutil.ShortName(call.Callee)+" → "+strings.Join(f.Chain, " → "), call, r)
		}
	}
	for _, grp := range groups.All() {
		first := grp.First()
		if c.isGenerated(first.Call.Expr().Pos()) {
			continue
		}
		more := ""
		if m := grp.More(); m != "" {
			more = ", and at " + m + " (see related locations)"
		}
		d := grp.Diagnostic()
		d.Message = fmt.Sprintf(
			"call to %s starts an unsupervised goroutine (%s) in %s%s: nobody waits for it at shutdown and a panic in it kills the process; "+
				"run the work under an owner the request waits for (errgroup.Group, sync.WaitGroup) or hand it to a supervisor started at startup",
			grp.Callee(), grp.Key, first.Reason, more)
		c.pass.Report(d)
	}
}

// goTarget describes what a go statement runs: "func literal",
// "(*mail.Mailer).loop", "srv.ListenAndServe".
func (c *checker) goTarget(g *goroutine) string {
	call := g.cur.Node().(*ast.GoStmt).Call
	if _, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok {
		return "func literal"
	}
	if fn := analysisutil.Callee(c.info, call); fn != nil {
		return analysisutil.ShortName(fn)
	}
	return types.ExprString(call.Fun)
}

// hasPrimitiveParam reports whether fn takes a channel, tracker or Cond:
// only then is its parameter summary worth computing.
func hasPrimitiveParam(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return false
	}
	for i := 0; i < sig.Params().Len(); i++ {
		if primitive(sig.Params().At(i).Type()) {
			return true
		}
	}
	return false
}
