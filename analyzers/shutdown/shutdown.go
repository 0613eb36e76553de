package shutdown

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/callgraph"
	"github.com/lifelint/lifelint/analyzers/internal/config"
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
	Name:     "shutdown",
	Title:    "report servers, exits and pools that bypass a graceful startup and shutdown",
	Since:    "v0.2.0",
	Severity: registry.Warning,
	// Opt-in until its precision on real services is at the bar: 8 true
	// findings of 33 on the bench's full set (bench/triage.md).
	NonDefault: true,
}

// New returns the pass reading the request-path model (for startup code
// and the call graph) from rp.
func New(rp *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:      Meta.Name,
		Doc:       analysisutil.MustExtractDoc(doc, Meta.Name),
		URL:       registry.URL(Meta.Name),
		Requires:  []*analysis.Analyzer{inspect.Analyzer, rp},
		FactTypes: []analysis.Fact{new(exits), new(serves), new(handlesSignals)},
		Run: func(pass *analysis.Pass) (any, error) {
			return run(pass, pass.ResultOf[rp].(*requestpath.Info))
		},
	}
}

// Analyzer is the pass with the default configuration.
var Analyzer = New(requestpath.Analyzer)

// exits summarises a function that may end the process (log.Fatal,
// os.Exit) when called. Like the blocking and pool summaries it is trusted
// in another module only when Unconditional (callgraph.TrustedChain): a
// library's rarely-taken fatal branch is its own business, the knowledge
// tables decide there, but a library function that always exits exits.
type exits struct {
	Chain  callgraph.Chain
	Module string
	// Unconditional marks a chain whose every step runs on every normal
	// path (callgraph.MustSummaries). Chain is then that chain.
	Unconditional bool `json:",omitempty"`
}

func (*exits) AFact() {}
func (f *exits) String() string {
	return "exits the process: " + f.Chain.String() + callgraph.EveryPath(f.Unconditional)
}

// serves summarises a function that starts a server, bot or consumer
// loop when called.
type serves struct {
	Chain callgraph.Chain
	What  string
	// Unanalysed names a call on the serving path into a package the
	// driver computed no facts for (callgraph.FactsKnown): whether the
	// program handles signals there is unknown.
	Unanalysed string `json:",omitempty"`
}

func (*serves) AFact() {}
func (f *serves) String() string {
	if f.Unanalysed != "" {
		return fmt.Sprintf("serves %s: %s (calls unanalysed %s)", f.What, f.Chain, f.Unanalysed)
	}
	return fmt.Sprintf("serves %s: %s", f.What, f.Chain)
}

// handlesSignals summarises a function that subscribes to OS signals.
type handlesSignals struct{ Chain callgraph.Chain }

func (*handlesSignals) AFact()           {}
func (f *handlesSignals) String() string { return "handles signals: " + f.Chain.String() }

// state is what every check of one package shares.
type state struct {
	pass *analysis.Pass
	rp   *requestpath.Info
	cfg  *config.Config
	insp *inspector.Inspector
	g    *callgraph.Graph

	exits, serves, signals map[*ast.FuncDecl]callgraph.Chain
	servesWhat             map[*ast.FuncDecl]string
	decls                  map[*ast.FuncDecl]inspector.Cursor
	reported               map[token.Pos]bool         // exit calls already reported
	callers                map[*ast.FuncDecl][]caller // local call sites per callee (callersOf), built on first use
	cli                    map[*ast.FuncDecl]bool     // command handlers, built on first use
	sigChans               map[types.Object]bool      // channels handed to signal.Notify, built on first use
	calls                  []knownCall                // every call with a known callee, built on first use
	names                  map[*types.Func]string     // analysisutil.FuncName, once per function
}

// knownCall is a call whose callee is known, with the callee's
// knowledge-table key.
type knownCall struct {
	cur  inspector.Cursor
	call *ast.CallExpr
	fn   *types.Func
	name string
}

// knownCalls returns every call of the package whose callee is known, in
// source order. The checks each look for the calls of a few table
// entries; walking the package and rendering the callee's name once per
// check was most of the pass's cost on large packages.
func (s *state) knownCalls() []knownCall {
	if s.calls == nil {
		s.calls = []knownCall{}
		for c := range s.insp.Root().Preorder((*ast.CallExpr)(nil)) {
			call := c.Node().(*ast.CallExpr)
			if fn := analysisutil.Callee(s.pass.TypesInfo, call); fn != nil {
				s.calls = append(s.calls, knownCall{cur: c, call: call, fn: fn, name: s.funcName(fn)})
			}
		}
	}
	return s.calls
}

// funcName is analysisutil.FuncName(fn), rendered once per function.
func (s *state) funcName(fn *types.Func) string {
	n, ok := s.names[fn]
	if !ok {
		n = analysisutil.FuncName(fn)
		s.names[fn] = n
	}
	return n
}

func run(pass *analysis.Pass, rp *requestpath.Info) (any, error) {
	if !relevant(pass, rp.Config) || skipPackage(pass.Pkg.Path()) {
		return nil, nil
	}
	s := &state{
		pass: pass, rp: rp, cfg: rp.Config, g: rp.Graph,
		insp:     pass.ResultOf[inspect.Analyzer].(*inspector.Inspector),
		decls:    map[*ast.FuncDecl]inspector.Cursor{},
		reported: map[token.Pos]bool{},
		names:    map[*types.Func]string{},
	}
	for c := range s.insp.Root().Preorder((*ast.FuncDecl)(nil)) {
		s.decls[c.Node().(*ast.FuncDecl)] = c
	}
	s.summarise()
	s.checkUnstoppable()
	s.checkServeErrors()
	s.checkShutdownContext()
	s.checkNoStop()
	s.checkSignals()
	s.checkSigterm()
	s.checkStartupIO()
	s.checkPoolClose()
	s.checkExits()
	return nil, nil
}

// relevant is the fast path: the package imports an API of the tables, a
// configured pool constructor's package, or a package whose functions
// carry one of this pass's facts.
func relevant(pass *analysis.Pass, cfg *config.Config) bool {
	paths := map[string]bool{}
	for _, tab := range []map[string]bool{knowledge.ExitCalls, knowledge.Cleanups, knowledge.SignalHandlers} {
		for k := range tab {
			paths[keyPkg(k)] = true
		}
	}
	for k := range knowledge.Servers {
		paths[keyPkg(k)] = true
	}
	for k := range knowledge.UnstoppableServers {
		paths[keyPkg(k)] = true
	}
	for k := range knowledge.StartupCalls {
		paths[keyPkg(k)] = true
	}
	for k := range cfg.Pools {
		paths[keyPkg(k)] = true
	}
	// Facts of transitive dependencies are visible too (log.Fatal's
	// package has some); only a direct import's facts can be called here.
	direct := map[*types.Package]bool{}
	for _, imp := range pass.Pkg.Imports() {
		if paths[imp.Path()] {
			return true
		}
		direct[imp] = true
	}
	for _, f := range pass.AllObjectFacts() {
		if direct[f.Object.Pkg()] {
			return true
		}
	}
	return false
}

// keyPkg returns the import path of a knowledge key:
// "(*net/http.Server).Serve" and "net/http.Serve" give "net/http".
func keyPkg(key string) string {
	key = strings.TrimLeft(key, "(*")
	if i := strings.IndexByte(key, ')'); i >= 0 {
		key = key[:i]
	}
	if i := strings.LastIndexByte(key, '.'); i >= 0 {
		return key[:i]
	}
	return key
}

// skipPackage reports whether a package is example or test-support code:
// servers and exits there are illustrations or test fixtures, not a
// service's lifecycle.
func skipPackage(path string) bool {
	for elem := range strings.SplitSeq(path, "/") {
		switch elem {
		case "examples", "_examples", "test", "tests", "testutil", "testutils", "testhelper", "testhelpers", "testing":
			return true
		}
	}
	return false
}

// skip reports whether diagnostics at pos are dropped: test files (tests
// and examples start servers and exit at will), test helpers (a file that
// imports testing or testify outside _test.go: a test responder, a harness
// that runs a program's main in-process) and generated files.
func (s *state) skip(pos token.Pos) bool {
	return s.g.InTest(pos) || s.g.Generated(pos) || s.testHelper(pos)
}

// testHelper reports whether pos lies in a file that imports testing or a
// testify package.
func (s *state) testHelper(pos token.Pos) bool {
	for _, f := range s.pass.Files {
		if f.FileStart > pos || pos > f.FileEnd {
			continue
		}
		for _, imp := range f.Imports {
			path := strings.Trim(imp.Path.Value, "`\"")
			if path == "testing" || strings.HasPrefix(path, "github.com/stretchr/testify/") {
				return true
			}
		}
		return false
	}
	return false
}

// summarise computes and exports the three summaries.
func (s *state) summarise() {
	exitBase := map[*ast.FuncDecl]callgraph.Chain{}
	exitMustBase := map[*ast.FuncDecl]callgraph.Chain{} // the unconditional exits
	serveBase := map[*ast.FuncDecl]callgraph.Chain{}
	signalBase := map[*ast.FuncDecl]callgraph.Chain{}
	s.servesWhat = map[*ast.FuncDecl]string{}
	for _, d := range s.g.Decls {
		for _, c := range s.g.Calls[d] {
			if c.Callee == nil {
				continue
			}
			name := s.funcName(c.Callee)
			short := analysisutil.ShortName(c.Callee)
			if knowledge.ExitCalls[name] && c.Lit == nil && !c.Go {
				if exitBase[d] == nil {
					exitBase[d] = callgraph.Chain{short}
				}
				if exitMustBase[d] == nil && callgraph.Unconditional(c.Cursor) {
					exitMustBase[d] = callgraph.Chain{short}
				}
			}
			if srv, ok := knowledge.Servers[name]; ok && serveBase[d] == nil {
				serveBase[d] = callgraph.Chain{short}
				s.servesWhat[d] = srv.What
			}
			if knowledge.SignalHandlers[name] && signalBase[d] == nil {
				signalBase[d] = callgraph.Chain{short}
			}
		}
	}
	exitSkip := func(_ *ast.FuncDecl, c callgraph.Call) bool { return c.Go || c.Lit != nil }
	s.exits = s.g.Summaries(exitBase, func(fn *types.Func) callgraph.Chain { return s.importedExit(fn, false) }, exitSkip)
	exitMust := s.g.MustSummaries(exitMustBase, func(fn *types.Func) callgraph.Chain { return s.importedExit(fn, true) }, exitSkip)
	s.serves = s.g.Summaries(serveBase, func(fn *types.Func) callgraph.Chain {
		var f serves
		if s.pass.ImportObjectFact(fn, &f) {
			return f.Chain
		}
		return nil
	}, func(*ast.FuncDecl, callgraph.Call) bool { return false })
	s.signals = s.g.Summaries(signalBase, func(fn *types.Func) callgraph.Chain {
		var f handlesSignals
		if s.pass.ImportObjectFact(fn, &f) {
			return f.Chain
		}
		return nil
	}, func(*ast.FuncDecl, callgraph.Call) bool { return false })

	for _, d := range s.g.Decls {
		fn, ok := s.pass.TypesInfo.Defs[d.Name].(*types.Func)
		if !ok || !d.Name.IsExported() || s.g.InTest(d.Pos()) {
			continue
		}
		if c := s.exits[d]; c != nil {
			f := &exits{Chain: c, Module: callgraph.Module(s.pass)}
			if m := exitMust[d]; m != nil {
				f.Chain, f.Unconditional = m, true
			}
			s.pass.ExportObjectFact(fn.Origin(), f)
		}
		if c := s.serves[d]; c != nil {
			s.pass.ExportObjectFact(fn.Origin(), &serves{Chain: c, What: s.what(d, map[*ast.FuncDecl]bool{}), Unanalysed: s.unanalysed(d, map[*ast.FuncDecl]bool{})})
		}
		if c := s.signals[d]; c != nil {
			s.pass.ExportObjectFact(fn.Origin(), &handlesSignals{Chain: c})
		}
	}
}

// importedExit returns the exit chain of fn, a function of another
// package, from its fact: when trusted (callgraph.TrustedChain), or with
// must, when unconditional.
func (s *state) importedExit(fn *types.Func, must bool) callgraph.Chain {
	var f exits
	if !s.pass.ImportObjectFact(fn, &f) {
		return nil
	}
	if must && f.Unconditional || !must && callgraph.TrustedChain(s.pass, f.Module, f.Unconditional) {
		return f.Chain
	}
	return nil
}

// what names what d serves, following its chain.
func (s *state) what(d *ast.FuncDecl, seen map[*ast.FuncDecl]bool) string {
	if w := s.servesWhat[d]; w != "" {
		return w
	}
	if seen[d] {
		return "server"
	}
	seen[d] = true
	for _, c := range s.g.Calls[d] {
		if c.Callee == nil {
			continue
		}
		if local := s.g.Local(c); local != nil && local != d && s.serves[local] != nil {
			return s.what(local, seen)
		}
		var f serves
		if s.pass.ImportObjectFact(c.Callee, &f) {
			return f.What
		}
	}
	return "server"
}

// servesVia returns the serve chain of the call c and what it serves, or
// nil: a known serve method, a local function that serves, or an imported
// one with a serves fact.
func (s *state) servesVia(c callgraph.Call) (callgraph.Chain, string) {
	if c.Callee == nil {
		return nil, ""
	}
	short := analysisutil.ShortName(c.Callee)
	if srv, ok := knowledge.Servers[s.funcName(c.Callee)]; ok {
		return callgraph.Chain{short}, srv.What
	}
	if local := s.g.Local(c); local != nil {
		if ch := s.serves[local]; ch != nil {
			return ch.Prepend(short), s.what(local, map[*ast.FuncDecl]bool{})
		}
		return nil, ""
	}
	var f serves
	if s.pass.ImportObjectFact(c.Callee, &f) {
		return f.Chain.Prepend(short), f.What
	}
	return nil, ""
}

// inGoroutine reports whether the call runs in a goroutine of its own: a go
// statement, a literal started by one, or a literal handed to a spawner
// (errgroup.Go, wg.Go).
func (s *state) inGoroutine(c callgraph.Call) bool {
	if c.Go {
		return true
	}
	for lit := range c.Cursor.Enclosing((*ast.FuncLit)(nil)) {
		call, ok := lit.Parent().Node().(*ast.CallExpr)
		if !ok || ast.Unparen(call.Fun) == lit.Node() {
			continue
		}
		if _, ok := knowledge.Spawners[analysisutil.CalleeName(s.pass.TypesInfo, call)]; ok {
			return true
		}
	}
	return false
}

// recvObject returns the object of the receiver of a method call x.M(),
// or nil.
func recvObject(info *types.Info, call *ast.CallExpr) types.Object {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	return analysisutil.UsedObject(info, sel.X)
}
