package unsupervisedgo

import (
	_ "embed"
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
		FactTypes: []analysis.Fact{new(spawnsFact), new(supervisesFact), new(paramsFact), new(stopsFact), new(completesFact)},
		Run: func(pass *analysis.Pass) (any, error) {
			return run(pass, pass.ResultOf[rp].(*requestpath.Info))
		},
	}
}

// Analyzer is the pass with the default configuration.
var Analyzer = New(requestpath.Analyzer)

type checker struct {
	pass *analysis.Pass
	rp   *requestpath.Info
	info *types.Info
	insp *inspector.Inspector

	gos       []*goroutine                         // go statements, in source order
	spawns    []*goroutine                         // wg.Go, errgroup Go calls, in source order
	byNode    map[ast.Node]*goroutine              // go stmt / spawn call / body literal -> goroutine
	superLit  map[*ast.FuncLit]bool                // literals passed to supervisor helpers
	super     map[*types.Func][]int                // local supervisor helpers
	ops       map[*types.Var][]op                  // lazily built operation index
	refd      map[*types.Func]bool                 // lazily built: functions referenced in the package
	ifaceRefs map[string][]*types.Interface        // lazily built: interface methods referenced, by name
	params    map[*types.Var]bool                  // cache of isParam
	makes     map[*types.Var]*ast.CallExpr         // cache of the make() defining a local channel
	sums      map[*types.Func][]paramSum           // callee summaries (see callee.go)
	inPlace   map[*ast.FuncLit]bool                // cache of runsInPlace
	flags     map[*ast.FuncDecl]map[*types.Var]int // cache of flagParams
	setters   map[*types.Func]*completesFact       // cache of completer (nil: not a setter)
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
		pass:     pass,
		rp:       rp,
		info:     pass.TypesInfo,
		insp:     pass.ResultOf[inspect.Analyzer].(*inspector.Inspector),
		byNode:   map[ast.Node]*goroutine{},
		superLit: map[*ast.FuncLit]bool{},
		super:    map[*types.Func][]int{},
		params:   map[*types.Var]bool{},
		makes:    map[*types.Var]*ast.CallExpr{},
		sums:     map[*types.Func][]paramSum{},
		inPlace:  map[*ast.FuncLit]bool{},
		flags:    map[*ast.FuncDecl]map[*types.Var]int{},
	}
	for cur := range c.insp.Root().Preorder((*ast.GoStmt)(nil)) {
		g := &goroutine{cur: cur, decl: analysisutil.EnclosingDecl(cur)}
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
		// Waits on confined WaitGroups and Conds block callers' goroutines.
		if importsAny(pass.Pkg, knowledge.PrimitivePackages) {
			c.checkConfined()
		}
		c.summarise()
		c.exportCompleters()
		c.checkDroppedStops(nil)
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
	c.exportCompleters()
	for _, g := range c.spawns {
		c.checkSpawn(g)
	}
	for _, g := range c.gos {
		c.checkGo(g)
	}
	c.checkConfined()
	stops := c.stopResults()
	c.exportStops(stops)
	c.checkDroppedStops(stops)
	c.reportCalls()
	return nil, nil
}

// enclosingFunc returns the innermost function (literal or declaration)
// containing cur, excluding cur itself.
func enclosingFunc(cur inspector.Cursor) ast.Node {
	if f := analysisutil.EnclosingFunc(cur.Parent()); f.Valid() {
		return f.Node()
	}
	return nil
}

func (c *checker) isGenerated(pos token.Pos) bool { return c.rp.Graph.Generated(pos) }

func (c *checker) report(pos, end token.Pos, msg string, fixes ...analysis.SuggestedFix) {
	if c.isGenerated(pos) {
		return
	}
	c.pass.Report(analysis.Diagnostic{Pos: pos, End: end, Message: msg, SuggestedFixes: fixes})
}

// importsAny reports whether pkg directly imports one of paths.
func importsAny(pkg *types.Package, paths map[string]bool) bool {
	for _, imp := range pkg.Imports() {
		if paths[imp.Path()] {
			return true
		}
	}
	return false
}
