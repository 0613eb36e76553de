package swallowedcancel

import (
	_ "embed"
	"go/ast"
	"go/types"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/callgraph"
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
	Name:     "swallowedcancel",
	Title:    "report cancellation that is swallowed instead of propagated",
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
		FactTypes: []analysis.Fact{new(ctxErrFact), new(ctxPredFact), new(ctxFilterFact), new(runsOwnedFact), new(freshFact), new(valueCtxFact)},
		Run: func(pass *analysis.Pass) (any, error) {
			return run(pass, pass.ResultOf[rp].(*requestpath.Info))
		},
	}
}

// Analyzer is the pass with the default configuration.
var Analyzer = New(requestpath.Analyzer)

// checker holds one package's analysis: the pass, the request-path model
// and the ctxErrFact chains of the package's own functions.
type checker struct {
	pass *analysis.Pass
	// sources are the files render has read (ctxerr.go).
	sources map[string][]byte
	rp      *requestpath.Info
	chains  map[*ast.FuncDecl]callgraph.Chain
	// preds and filters are the package's predicates and filters of
	// context errors (predicates.go).
	preds, filters map[*types.Func]bool
	// ownedFields, supers and supervised are the fields holding a
	// context their type created, the package's supervisors and the
	// functions only supervisors run (supervised.go).
	ownedFields map[*types.Var]bool
	supers      map[*types.Func][]int
	supervised  map[ast.Node]bool
	// freshFuncs return contexts nobody cancels (fresh.go).
	freshFuncs map[*types.Func]bool
	// valueFuncs map the package's value wrappers of a context to the
	// index of their parent parameter (uncancelled.go).
	valueFuncs map[*types.Func]int
}

// nodeTypes are the nodes the checks visit.
var nodeTypes = []ast.Node{(*ast.BinaryExpr)(nil), (*ast.SwitchStmt)(nil), (*ast.CallExpr)(nil),
	(*ast.CommClause)(nil), (*ast.IfStmt)(nil), (*ast.ForStmt)(nil), (*ast.RangeStmt)(nil),
	(*ast.ReturnStmt)(nil)}

// run summarises the package's functions (facts.go, predicates.go), then dispatches each
// node to its checks: compare.go (identity comparisons with context
// errors), text.go (matching their text), wrap.go (fmt.Errorf without %w),
// done.go (what a function returns once its context is done), nilerr.go
// (nil returned for the error of a context-aware call), ineffective.go
// (checks of the context that drop what they notice), loops.go and
// selects.go (loops that cannot stop), filterloop.go (loops that leave only
// on a filtered error) and roots.go (loops under a context
// nothing cancels).
func run(pass *analysis.Pass, rp *requestpath.Info) (any, error) {
	c := &checker{pass: pass, rp: rp}
	c.summarise()
	c.classify()
	if !analysisutil.Imports(pass.Pkg, "context") && len(c.chains) == 0 {
		return nil, nil
	}
	in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	c.supervise(in)
	c.findFresh(in)
	c.findValueCtx()
	for cur := range in.Root().Preorder(nodeTypes...) {
		if rp.Graph.Generated(cur.Node().Pos()) { // once per package, not a scan per node
			continue
		}
		switch n := cur.Node().(type) {
		case *ast.BinaryExpr:
			if !c.textCompare(n) {
				c.compare(cur, n)
			}
		case *ast.SwitchStmt:
			c.compareSwitch(cur, n)
		case *ast.CallExpr:
			c.textCall(n)
			c.wrapCall(n)
		case *ast.CommClause:
			if ctx := c.doneContext(n.Comm); ctx != nil {
				c.doneClause(cur, n, ctx)
				c.loopDoneClause(cur, n, ctx)
				c.ineffectivePoll(cur, n, ctx)
			}
		case *ast.IfStmt:
			c.doneIf(cur, n)
			c.nilOnErr(cur, n)
			c.ineffectiveIf(cur, n)
		case *ast.ForStmt:
			c.forLoop(cur, n)
			c.filterLoop(cur, n)
			if n.Cond == nil {
				c.rootLoop(cur, n, n.Body)
			}
		case *ast.RangeStmt:
			c.tickerLoop(cur, n)
			if c.isTick(n.X) {
				c.rootLoop(cur, n, n.Body)
			}
		case *ast.ReturnStmt:
			c.filteredReturn(cur, n)
		}
	}
	return nil, nil
}
