package handlerblock

import (
	_ "embed"
	"go/ast"
	"go/types"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/callgraph"
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
	Name:     "handlerblock",
	Title:    "report request paths that block without honouring the request context",
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
		FactTypes: []analysis.Fact{new(blocksFact)},
		Run: func(pass *analysis.Pass) (any, error) {
			return run(pass, pass.ResultOf[rp].(*requestpath.Info))
		},
	}
}

// Analyzer is the pass with the default configuration.
var Analyzer = New(requestpath.Analyzer)

// blocksFact is the summary of a function that, when called, blocks
// without honouring a context.
// It is also exported on exported func-valued variables and struct fields
// set to a blocking function, with Key naming that function.
type blocksFact struct {
	Chain callgraph.Chain // from the function's first call to the blocking call
	Key   string          // for variables: the knowledge-table key
	// Module is the module of the function's package: callers in other
	// modules trust the summary only when it is Unconditional
	// (callgraph.TrustedChain).
	Module string
	// Unconditional marks a chain whose every step runs on every normal
	// path (callgraph.MustSummaries): the function blocks whenever it is
	// called. Chain is then that chain.
	Unconditional bool `json:",omitempty"`
}

func (*blocksFact) AFact() {}

func (f *blocksFact) String() string {
	return "blocks: " + f.Chain.String() + callgraph.EveryPath(f.Unconditional)
}

// site is a call that blocks without a context.
type site struct {
	cur  inspector.Cursor // the call (or the <- receive of time.After)
	name string           // "time.Sleep", "(*sql.DB).QueryRow"
	kb   knowledge.Blocking
	fix  func(ctx string) []analysis.TextEdit // nil: no mechanical fix
	// chanOp marks a channel send or receive.
	chanOp bool
	// rooted marks a Context variant given an uncancelled context in a
	// function with no context in scope (bgio.go): a site of the
	// function's summary only, never reported in its body.
	rooted bool
}

type checker struct {
	pass *analysis.Pass
	rp   *requestpath.Info
	// blockingVars are package-level func variables and struct fields
	// initialised or assigned to a blocking function.
	blockingVars map[*types.Var]*types.Func
	// tokens are the channels used as counting semaphores, pre-filled
	// with their tokens (chans.go).
	tokens map[*types.Var]bool
	// replies are the reply-channel fields (replies.go).
	replies replyChans
	// paramChans caches, per channel parameter of a per-operation
	// function, whether its other end is unknown (paramchans.go).
	paramChans map[*types.Var]bool
	// pruned, when set, reports a call of a local function whose constant
	// arguments fail the guards of all its blocking (guards.go).
	pruned func(requestpath.Call) bool
	// ctxVariants are the keys of the Context variants of the blocking
	// table's entries (bgio.go), built on first use.
	ctxVariants map[string]bool

	// sites are the direct blocking sites, by declaration; those in
	// package-level variables (var h = http.HandlerFunc(func(...) {...}))
	// are in pkgSites, and the calls there in pkgCalls.
	sites    map[*ast.FuncDecl][]site
	pkgSites []site
	pkgCalls []requestpath.Call

	// groups collects the calls of blocking functions on request paths by
	// their chain, reported once each (chains.go).
	groups requestpath.Groups
}

func run(pass *analysis.Pass, rp *requestpath.Info) (any, error) {
	// Fast path: the standard library's blocking calls are table entries,
	// and its own findings are never shown.
	if analysisutil.IsStdlib(pass) {
		return nil, nil
	}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	c := &checker{pass: pass, rp: rp, blockingVars: map[*types.Var]*types.Func{}, tokens: map[*types.Var]bool{}, paramChans: map[*types.Var]bool{},
		replies: replyChans{buffered: map[*types.Var]bool{}, sends: map[*types.Var]int{}}}
	c.findBlockingVars(insp) // sites.go
	c.findTokenChans(insp)   // chans.go
	c.findReplyChans(insp)   // replies.go
	c.collect(insp)          // sites.go
	chains := c.summarise()  // chains.go
	c.reportAll(chains)      // report.go
	return nil, nil
}
