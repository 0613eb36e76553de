package unsupervisedgo

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/build"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
	"github.com/lifelint/lifelint/analyzers/internal/registry"
	"github.com/lifelint/lifelint/analyzers/internal/requestpath"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

//go:embed doc.go
var doc string

// Meta is the pass's registry entry.
var Meta = registry.Meta{
	Name:     "unsupervisedgo",
	Title:    "report goroutines that have no owner",
	Since:    "v0.1.0",
	Severity: registry.Warning,
}

// New returns the pass reading the request-path model from rp (a
// requestpath analyzer built on the desired configuration).
func New(rp *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:      Meta.Name,
		Doc:       analysisutil.MustExtractDoc(doc, Meta.Name),
		URL:       registry.URL(Meta.Name),
		Requires:  []*analysis.Analyzer{inspect.Analyzer, rp},
		FactTypes: []analysis.Fact{new(spawnsFact), new(supervisesFact)},
		Run: func(pass *analysis.Pass) (any, error) {
			return run(pass, pass.ResultOf[rp].(*requestpath.Info))
		},
	}
}

// Analyzer is the pass with the default configuration.
var Analyzer = New(requestpath.Analyzer)

// spawnsFact summarises a function that, when called, starts a goroutine
// nobody joins: directly, or through the calls in Chain. Chain ends with
// the go statement ("go func literal", "go (*mail.Mailer).loop").
//
// Module is the module of the function's package ("" when unknown). Facts
// are used only within one module: a library's own goroutines (pgxpool's
// health check, amqp091's connection watcher) belong to objects that its
// Close stops, which the pass cannot follow through the library's
// internals; creating those objects per request is requestpool's finding.
type spawnsFact struct {
	Chain  []string
	Module string
}

func (*spawnsFact) AFact() {}
func (f *spawnsFact) String() string {
	return "spawns unsupervised goroutine: " + strings.Join(f.Chain, " → ")
}

// supervisesFact marks a supervisor helper: the function arguments at
// Params run in goroutines that the helper tracks and joins.
type supervisesFact struct{ Params []int }

func (*supervisesFact) AFact()           {}
func (f *supervisesFact) String() string { return fmt.Sprintf("supervises func params %v", f.Params) }

// maxChain bounds the chains carried by facts.
const maxChain = 6

type checker struct {
	pass      *analysis.Pass
	rp        *requestpath.Info
	info      *types.Info
	insp      *inspector.Inspector
	generated map[*token.File]bool

	gos      []*goroutine                 // go statements, in source order
	spawns   []*goroutine                 // wg.Go, errgroup Go calls, in source order
	byNode   map[ast.Node]*goroutine      // go stmt / spawn call / body literal -> goroutine
	superLit map[*ast.FuncLit]bool        // literals passed to supervisor helpers
	super    map[*types.Func][]int        // local supervisor helpers
	ops      map[*types.Var][]op          // lazily built operation index
	refd     map[*types.Func]bool         // lazily built: functions referenced in the package
	params   map[*types.Var]bool          // cache of isParam
	makes    map[*types.Var]*ast.CallExpr // cache of the make() defining a local channel
	sums     map[*types.Func][]paramSum   // callee summaries (see callee.go)
	inPlace  map[*ast.FuncLit]bool        // cache of runsInPlace
}

// goroot is the source tree of the standard library.
var goroot = filepath.Join(build.Default.GOROOT, "src") + string(filepath.Separator)

func run(pass *analysis.Pass, rp *requestpath.Info) (any, error) {
	// The standard library's goroutines (context propagation, net/http's
	// connection goroutines, timers) belong to the runtime's design, not
	// to the caller: no facts, no findings.
	if len(pass.Files) > 0 && strings.HasPrefix(pass.Fset.File(pass.Files[0].FileStart).Name(), goroot) {
		return nil, nil
	}
	c := &checker{
		pass:      pass,
		rp:        rp,
		info:      pass.TypesInfo,
		insp:      pass.ResultOf[inspect.Analyzer].(*inspector.Inspector),
		generated: map[*token.File]bool{},
		byNode:    map[ast.Node]*goroutine{},
		superLit:  map[*ast.FuncLit]bool{},
		super:     map[*types.Func][]int{},
		params:    map[*types.Var]bool{},
		makes:     map[*types.Var]*ast.CallExpr{},
		sums:      map[*types.Func][]paramSum{},
		inPlace:   map[*ast.FuncLit]bool{},
	}
	for _, f := range pass.Files {
		if ast.IsGenerated(f) {
			c.generated[pass.Fset.File(f.FileStart)] = true
		}
	}
	for cur := range c.insp.Root().Preorder((*ast.GoStmt)(nil)) {
		g := &goroutine{cur: cur, decl: enclosingDecl(cur)}
		c.gos = append(c.gos, g)
		c.byNode[cur.Node()] = g
	}
	for _, d := range rp.Graph.Decls {
		for _, call := range rp.Graph.Calls[d] {
			if call.Callee == nil {
				continue
			}
			sp, ok := knowledge.Spawners[analysisutil.FuncName(call.Callee)]
			if !ok {
				continue
			}
			g := &goroutine{cur: call.Cursor, decl: d, spawn: true}
			if args := call.Expr().Args; sp.FuncArg < len(args) {
				if lit, ok := ast.Unparen(args[sp.FuncArg]).(*ast.FuncLit); ok {
					g.body = lit
					c.byNode[lit] = g
				}
			}
			c.spawns = append(c.spawns, g)
			c.byNode[call.Cursor.Node()] = g
		}
	}
	if len(c.gos) == 0 && len(c.spawns) == 0 {
		// Fast path: nothing starts a goroutine here; only calls to
		// imported spawners can make a function of this package one.
		c.summarise()
		c.reportCalls()
		return nil, nil
	}
	for _, g := range c.gos {
		c.analyseGo(g)
	}
	for _, g := range c.spawns {
		c.analyseSpawn(g)
	}
	c.findSupervisors()
	c.summarise()
	for _, g := range c.spawns {
		c.checkSpawn(g)
	}
	for _, g := range c.gos {
		c.checkGo(g)
	}
	c.reportCalls()
	return nil, nil
}

func enclosingDecl(cur inspector.Cursor) *ast.FuncDecl {
	for c := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		return c.Node().(*ast.FuncDecl)
	}
	return nil
}

// enclosingFunc returns the innermost function (literal or declaration)
// containing cur, excluding cur itself.
func enclosingFunc(cur inspector.Cursor) ast.Node {
	if f := analysisutil.EnclosingFunc(cur.Parent()); f.Valid() {
		return f.Node()
	}
	return nil
}

func (c *checker) isGenerated(pos token.Pos) bool { return c.generated[c.pass.Fset.File(pos)] }

func (c *checker) report(pos, end token.Pos, msg string, fixes ...analysis.SuggestedFix) {
	if c.isGenerated(pos) {
		return
	}
	c.pass.Report(analysis.Diagnostic{Pos: pos, End: end, Message: msg, SuggestedFixes: fixes})
}

// ---- summaries and facts ----

// summarise computes, for every function of the package, whether calling
// it starts an unjoined goroutine (by a fixed point over the intra-package
// call graph and imported facts), exports the facts, and exports
// supervisor facts.
func (c *checker) summarise() {
	g := c.rp.Graph
	chains := map[*ast.FuncDecl][]string{}
	for _, d := range g.Decls {
		for _, gs := range c.gos {
			if gs.decl != d || gs.joined || !c.directlyIn(gs.cur, d) || c.rp.At(gs.cur) != nil {
				continue // joined, or reported in place with its request path
			}
			chains[d] = []string{"go " + c.goTarget(gs)}
			break
		}
	}
	for changed := true; changed; {
		changed = false
		for _, d := range g.Decls {
			if chains[d] != nil {
				continue
			}
			for _, call := range g.Calls[d] {
				if call.Go || call.Lit != nil || call.Callee == nil {
					continue
				}
				var tail []string
				if local := g.Local(call); local != nil {
					if c.rp.Func(local) != nil {
						continue // reported in place, with its request path
					}
					tail = chains[local]
				} else if f := c.importedSpawn(call.Callee); f != nil {
					tail = f.Chain
				}
				if tail == nil {
					continue
				}
				chain := append([]string{analysisutil.ShortName(call.Callee)}, tail...)
				if len(chain) > maxChain {
					chain = append(chain[:maxChain-1:maxChain-1], "…")
				}
				chains[d] = chain
				changed = true
				break
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
		if ch := chains[d]; ch != nil && c.rp.Func(d) == nil {
			// A function on a request path of its own package has its
			// goroutines reported there; no fact, so callers elsewhere
			// do not report them again.
			c.pass.ExportObjectFact(fn.Origin(), &spawnsFact{Chain: ch, Module: c.module()})
		}
		if ps := c.super[fn.Origin()]; len(ps) > 0 {
			c.pass.ExportObjectFact(fn.Origin(), &supervisesFact{Params: ps})
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
	if f.Module != "" && c.module() != "" && f.Module != c.module() {
		return nil
	}
	return &f
}

func (c *checker) module() string {
	if c.pass.Module == nil {
		return ""
	}
	return c.pass.Module.Path
}

// reportCalls reports calls on request paths to functions of other
// packages that start unjoined goroutines. Calls to functions of this
// package are not reported: their go statement is reported where it is,
// with the request path that reaches it (one report per goroutine).
func (c *checker) reportCalls() {
	g := c.rp.Graph
	for _, d := range g.Decls {
		for _, call := range g.Calls[d] {
			if call.Go || call.Callee == nil || g.Local(call) != nil {
				continue
			}
			f := c.importedSpawn(call.Callee)
			if f == nil {
				continue
			}
			r := c.rp.At(call.Cursor)
			if r == nil {
				continue
			}
			name := analysisutil.ShortName(call.Callee)
			e := call.Expr()
			c.report(e.Pos(), e.End(), fmt.Sprintf(
				"call to %s starts an unsupervised goroutine (%s → %s) in %s: nobody waits for it at shutdown and a panic in it kills the process; "+
					"run the work under an owner the request waits for (errgroup.Group, sync.WaitGroup) or hand it to a supervisor started at startup",
				name, name, strings.Join(f.Chain, " → "), r))
		}
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
