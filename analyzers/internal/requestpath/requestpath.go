// Package requestpath decides, for every function, function literal and
// loop of a package, whether it runs once per unit of work (a request path)
// and why. Every lifelint pass asks it through the Analyzer's Result.
//
// Membership is decided in the package where the handler, loop or
// per-operation function lives, by types and registrations, and an
// intra-package call graph carries it down to local helpers. Nothing here
// crosses packages: callees in other packages are summarised by each pass's
// own facts, and the diagnostic goes at the call on the request path.
package requestpath

import (
	"go/ast"
	"go/types"
	"reflect"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/callgraph"
	"github.com/lifelint/lifelint/analyzers/internal/config"
)

// New returns a requestpath analyzer that reads its tables from the given
// lifelintconfig analyzer.
func New(cfg *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:       "requestpath",
		Doc:        "requestpath: classify functions and loops that run per request, message or tick (reports nothing)",
		URL:        "https://github.com/lifelint/lifelint#request-paths",
		Requires:   []*analysis.Analyzer{inspect.Analyzer, callgraph.Analyzer, cfg},
		ResultType: reflect.TypeFor[*Info](),
		Run: func(pass *analysis.Pass) (any, error) {
			return run(pass, pass.ResultOf[cfg].(*config.Config)), nil
		},
	}
}

// Analyzer is the default instance, reading the default lifelintconfig.
var Analyzer = New(config.Analyzer)

// Graph and Call are the call-graph layer's, which requestpath requires.
type (
	Graph = callgraph.Graph
	Call  = callgraph.Call
)

// Info is the classification of one package.
type Info struct {
	Config *config.Config
	Graph  *callgraph.Graph

	pass     *analysis.Pass
	funcs    map[ast.Node]*Reason // *ast.FuncDecl or *ast.FuncLit
	regions  map[ast.Node]*Reason // loop bodies (*ast.BlockStmt), *ast.CommClause, statements after a wait
	detached map[*ast.FuncLit]bool
	startup  map[*ast.FuncDecl]bool
	rootOnly map[*ast.FuncDecl]bool
	factory  map[*ast.FuncDecl]bool // startup only because it returns the pool it creates

	root inspector.Cursor
	// doneVars are the context fields waited on in the package
	// (fieldctx.go).
	doneVars map[*types.Var]bool
}

// Func returns the reason the function (an *ast.FuncDecl or *ast.FuncLit)
// is itself a request path, or nil. A literal that merely sits inside a
// request path is not classified here; use At.
func (in *Info) Func(fn ast.Node) *Reason { return in.funcs[fn] }

// IsStartup reports whether decl is main, init, a constructor or other
// startup, shutdown or CLI code by lifelint's rules.
func (in *Info) IsStartup(decl *ast.FuncDecl) bool { return in.startup[decl] }

// OwnsRootOnly reports whether decl is startup code only because its own
// body creates a context over a root (context.WithTimeout(
// context.Background(), d)): the sign of lifetime code, but also the shape
// of a helper with no context that bounds a call with a deadline of its own.
func (in *Info) OwnsRootOnly(decl *ast.FuncDecl) bool { return in.rootOnly[decl] }

// IsFactory reports whether decl is startup code only by behaviour: it
// returns the pool it creates (behaviour.go), so it hands ownership to its
// caller and may run once per call of that caller.
func (in *Info) IsFactory(decl *ast.FuncDecl) bool { return in.factory[decl] }

// OnlyStartupCallers reports whether decl has callers in the package and
// every one of them is a StartupCall.
func (in *Info) OnlyStartupCallers(decl *ast.FuncDecl) bool {
	sites := in.Graph.Callers(decl)
	for _, s := range sites {
		if !in.StartupCall(s) {
			return false
		}
	}
	return len(sites) > 0
}

// StartupCall reports whether the call runs in startup code, outside any
// request path (not in a handler literal that startup code registers).
func (in *Info) StartupCall(c Call) bool {
	outer := analysisutil.EnclosingDecl(c.Cursor)
	return outer != nil && in.startup[outer] && in.At(c.Cursor) == nil
}

// At returns the request path that the code at cur runs on, or nil. Function
// literals inherit the request path they are written in, except those
// started by a go statement, which are detached from the request. Code on
// the way out of a per-message or per-tick loop (in a block that ends by
// returning from the worker) runs once, when the worker stops, not per
// message or tick: it is on no request path.
func (in *Info) At(cur inspector.Cursor) *Reason {
	exiting := false // cur is in a block that ends with a return of the innermost function
	for c := cur; c.Node() != nil; c = c.Parent() {
		n := c.Node()
		if _, ok := n.(*ast.FuncLit); ok {
			exiting = false // the returns below are the literal's
		} else if !exiting && endsWithReturn(c) {
			exiting = true
		}
		switch n := n.(type) {
		case *ast.CommClause:
			if r := in.regions[n]; r != nil && !inComm(cur, c) {
				if exiting && r.loop() {
					return nil
				}
				return r
			}
			continue
		case ast.Stmt: // loop bodies, and the statements after a loop's wait
			if r := in.regions[n]; r != nil {
				if exiting && r.loop() {
					return nil
				}
				return r
			}
		case *ast.FuncLit:
			if r := in.funcs[n]; r != nil {
				return r
			}
			if in.detached[n] {
				return nil
			}
		case *ast.FuncDecl:
			return in.funcs[n]
		}
	}
	return nil
}

// loop reports whether r is a per-message or per-tick loop region.
func (r *Reason) loop() bool { return r.Kind == MessageLoop || r.Kind == TickLoop }

// endsWithReturn reports whether the node at c is a statement of a
// statement list (a block, a case or comm clause body) whose last
// statement is a return.
func endsWithReturn(c inspector.Cursor) bool {
	if _, ok := c.Node().(ast.Stmt); !ok {
		return false
	}
	list := analysisutil.StmtList(c.Parent().Node())
	if len(list) == 0 {
		return false
	}
	_, ok := list[len(list)-1].(*ast.ReturnStmt)
	return ok
}

// Detached reports whether lit is started by a go statement.
func (in *Info) Detached(lit *ast.FuncLit) bool { return in.detached[lit] }

// inComm reports whether cur lies in the Comm part of the clause at cc.
func inComm(cur, cc inspector.Cursor) bool {
	for c := cur; c != cc && c.Node() != nil; c = c.Parent() {
		if c.Parent() == cc {
			k, _ := c.ParentEdge()
			return k == edge.CommClause_Comm
		}
	}
	return false
}

// ---- classification ----

type classifier struct {
	pass   *analysis.Pass
	cfg    *config.Config
	in     *Info
	shapes []shape
	ifaces []ifaceShape
	elems  []elemShape
	recvs  map[string]string // message receiver key -> framework
	// spawns caches, per local function, which of its parameters it runs
	// in a goroutine (spawn.go).
	spawns map[*ast.FuncDecl]map[int]bool
}

type shape struct {
	config.Shape
	sig *types.Signature // for configured named func types
}

type ifaceShape struct {
	framework string
	iface     *types.Interface
	methods   []string // empty: all methods of iface
}

type elemShape struct {
	config.Elem
	typ types.Type // for configured types
}

func run(pass *analysis.Pass, cfg *config.Config) *Info {
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	in := &Info{
		pass:     pass,
		Config:   cfg,
		funcs:    map[ast.Node]*Reason{},
		regions:  map[ast.Node]*Reason{},
		detached: map[*ast.FuncLit]bool{},
		startup:  map[*ast.FuncDecl]bool{},
		rootOnly: map[*ast.FuncDecl]bool{},
		factory:  map[*ast.FuncDecl]bool{},
		root:     insp.Root(),
	}
	c := &classifier{pass: pass, cfg: cfg, in: in}
	c.prepare()
	in.Graph = pass.ResultOf[callgraph.Analyzer].(*callgraph.Graph)
	in.doneVars = doneFields(pass.TypesInfo, in.Graph, insp.Root())
	c.classify(insp)
	c.propagate()
	return in
}

func (c *classifier) classify(insp *inspector.Inspector) {
	info := c.pass.TypesInfo
	g := c.in.Graph
	for cur := range insp.Root().Preorder((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil), (*ast.GoStmt)(nil),
		(*ast.RangeStmt)(nil), (*ast.ForStmt)(nil), (*ast.SelectStmt)(nil)) {
		// Tests serve no requests: a handler in a test simulates a slow or
		// failing server on purpose, so nothing in a _test.go file is a
		// request path (test helpers it calls are not marked either).
		if _, isGo := cur.Node().(*ast.GoStmt); !isGo && g.InTest(cur.Node().Pos()) {
			continue
		}
		switch n := cur.Node().(type) {
		case *ast.FuncDecl:
			if n.Body == nil {
				continue
			}
			fn, _ := info.Defs[n.Name].(*types.Func)
			if fn == nil || g.Generated(n.Pos()) {
				// Generated code (protobuf stubs, mocks) serves no request
				// of its own; its callers are classified instead.
				continue
			}
			if recv := fn.Signature().Recv(); recv != nil && isGeneratedStub(recv.Type()) {
				continue
			}
			if startup, rootOnly := c.isStartup(n, fn); startup {
				c.in.startup[n] = true
				c.in.rootOnly[n] = rootOnly
			}
			if r := c.declReason(n, fn); r != nil {
				c.in.funcs[n] = r
			}
		case *ast.FuncLit:
			if r := c.litReason(cur, n); r != nil {
				c.in.funcs[n] = r
			}
			if c.spawnedArg(cur) {
				c.in.detached[n] = true
			}
		case *ast.GoStmt:
			if lit, ok := ast.Unparen(n.Call.Fun).(*ast.FuncLit); ok {
				c.in.detached[lit] = true
			}
		case *ast.RangeStmt:
			if fw, kind := c.chanKind(info.TypeOf(n.X)); kind != 0 {
				c.in.regions[n.Body] = &Reason{Kind: kind, Framework: fw, Pos: n.Pos()}
			} else if d, _ := analysisutil.EnclosingFunc(cur).Node().(*ast.FuncDecl); c.rangeWorker(d, n) {
				c.in.regions[n.Body] = &Reason{Kind: MessageLoop, Framework: ChannelFramework, Pos: n.Pos()}
			}
		case *ast.ForStmt:
			if fw := c.receiverLoop(cur.ChildAt(edge.ForStmt_Body, -1)); fw != "" {
				c.in.regions[n.Body] = &Reason{Kind: MessageLoop, Framework: fw, Pos: n.Pos()}
			} else if n.Cond == nil && c.isWorkerLoop(n.Body) {
				d, _ := analysisutil.EnclosingFunc(cur).Node().(*ast.FuncDecl)
				c.waitThenWork(d, n)
			}
		case *ast.SelectStmt:
			if !directlyInLoop(cur) {
				continue
			}
			for _, cc := range n.Body.List {
				cc := cc.(*ast.CommClause)
				ch := analysisutil.RecvChan(cc.Comm)
				if ch == nil {
					continue
				}
				if _, isCall := ast.Unparen(ch).(*ast.CallExpr); isCall {
					continue // time.After(d) and friends: a fresh timer, not a tick
				}
				if fw, kind := c.chanKind(info.TypeOf(ch)); kind != 0 {
					c.in.regions[cc] = &Reason{Kind: kind, Framework: fw, Pos: cc.Pos()}
				}
			}
		}
	}
}

// declReason classifies a declared function or method by its own shape.
func (c *classifier) declReason(decl *ast.FuncDecl, fn *types.Func) *Reason {
	sig := fn.Signature()
	name := funcDisplayName(fn)
	if fw := c.matchShape(sig); fw != "" {
		return &Reason{Kind: Handler, Framework: fw, Name: name, Pos: decl.Pos()}
	}
	if recv := sig.Recv(); recv != nil && fn.Exported() {
		if fw, kind := c.ifaceMethod(recv.Type(), fn); kind != 0 {
			return &Reason{Kind: kind, Framework: fw, Name: name, Pos: decl.Pos()}
		}
		if embedsUnimplemented(recv.Type(), fn.Name()) {
			return &Reason{Kind: GRPCMethod, Framework: "grpc", Name: name, Pos: decl.Pos()}
		}
	}
	if c.in.startup[decl] || !takesContext(sig) || c.longRunning(decl) {
		return nil
	}
	return &Reason{Kind: PerOperation, Name: name, Pos: decl.Pos()}
}

// litReason classifies a function literal by its shape, or as a closure a
// factory returns.
func (c *classifier) litReason(cur inspector.Cursor, lit *ast.FuncLit) *Reason {
	sig, _ := c.pass.TypesInfo.TypeOf(lit).(*types.Signature)
	if sig == nil {
		return nil
	}
	if fw := c.matchShape(sig); fw != "" {
		return &Reason{Kind: Handler, Framework: fw, Name: "func literal", Pos: lit.Pos()}
	}
	if !takesContext(sig) {
		return nil
	}
	// A literal returned, possibly through a conversion, by its enclosing
	// function is a per-call closure of a factory.
	p := cur.Parent()
	for {
		if call, ok := p.Node().(*ast.CallExpr); ok && len(call.Args) == 1 && c.pass.TypesInfo.Types[call.Fun].IsType() {
			p = p.Parent()
			continue
		}
		if _, ok := p.Node().(*ast.ParenExpr); ok {
			p = p.Parent()
			continue
		}
		break
	}
	if _, ok := p.Node().(*ast.ReturnStmt); !ok {
		return nil
	}
	// A returned literal that itself returns the pool it creates (a dial
	// function) is a factory too: it hands the pool to its caller, which
	// decides how often to call it, as for a declared factory.
	if c.returnsPoolIn(lit.Type, lit.Body) {
		return nil
	}
	for f := range p.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		name := "a function literal"
		if d, ok := f.Node().(*ast.FuncDecl); ok {
			name = d.Name.Name
			if d.Recv != nil {
				if fn, ok := c.pass.TypesInfo.Defs[d.Name].(*types.Func); ok {
					name = funcDisplayName(fn)
				}
			}
		}
		return &Reason{Kind: FactoryClosure, Name: name, Pos: lit.Pos()}
	}
	return nil
}

// RunsWithFunc reports whether the code at cur runs when d is called, as
// part of d's own request path: not in a function literal (which may run
// later, or never), not in a goroutine, and not in a loop body or
// literal that is a request path of its own (a per-message loop body runs
// per message and is judged there). Summaries count only such code.
func (in *Info) RunsWithFunc(cur inspector.Cursor, d *ast.FuncDecl) bool {
	return analysisutil.DirectlyIn(cur, d) && in.At(cur) == in.funcs[d]
}

// ExportsSummary reports whether the summary of d is exported as a fact:
// only exported functions can be called from other packages, and a
// function that is a request path by its own shape (a handler, a
// per-operation function) is reported in its body, not at its callers.
func (in *Info) ExportsSummary(d *ast.FuncDecl) bool {
	if !d.Name.IsExported() {
		return false
	}
	r := in.funcs[d]
	return r == nil || r.Kind == Called
}
