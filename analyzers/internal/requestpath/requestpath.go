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
	"maps"
	"reflect"
	"slices"
	"strings"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/callgraph"
	"github.com/lifelint/lifelint/analyzers/internal/config"
	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
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

	funcs    map[ast.Node]*Reason // *ast.FuncDecl or *ast.FuncLit
	regions  map[ast.Node]*Reason // loop bodies (*ast.BlockStmt) and *ast.CommClause
	detached map[*ast.FuncLit]bool
	startup  map[*ast.FuncDecl]bool
}

// Func returns the reason the function (an *ast.FuncDecl or *ast.FuncLit)
// is itself a request path, or nil. A literal that merely sits inside a
// request path is not classified here; use At.
func (in *Info) Func(fn ast.Node) *Reason { return in.funcs[fn] }

// IsStartup reports whether decl is main, init, a constructor or other
// startup, shutdown or CLI code by lifelint's rules.
func (in *Info) IsStartup(decl *ast.FuncDecl) bool { return in.startup[decl] }

// At returns the request path that the code at cur runs on, or nil. Function
// literals inherit the request path they are written in, except those
// started by a go statement, which are detached from the request.
func (in *Info) At(cur inspector.Cursor) *Reason {
	for c := cur; c.Node() != nil; c = c.Parent() {
		n := c.Node()
		switch n := n.(type) {
		case *ast.CommClause:
			if r := in.regions[n]; r != nil && !inComm(cur, c) {
				return r
			}
			continue
		case *ast.BlockStmt:
			if r := in.regions[n]; r != nil {
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

// RequestContext returns an expression, valid at cur, for the request's
// context: a context.Context parameter ("ctx"), r.Context() of an
// *http.Request, c.Request.Context() of a *gin.Context, and so on. It looks
// at the parameters of the enclosing functions, innermost first.
func RequestContext(info *types.Info, cur inspector.Cursor) (string, bool) {
	for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		ft, _ := analysisutil.FuncParts(c.Node())
		for _, field := range ft.Params.List {
			t := info.TypeOf(field.Type)
			if t == nil || len(field.Names) == 0 || field.Names[0].Name == "_" {
				continue
			}
			name := field.Names[0].Name
			switch {
			case analysisutil.IsContextType(t):
				return name, true
			case isPtrTo(t, "net/http", "Request"):
				return name + ".Context()", true
			case isPtrTo(t, "github.com/gin-gonic/gin", "Context"):
				return name + ".Request.Context()", true
			case analysisutil.IsNamedType(t, "github.com/labstack/echo/v4", "Context"):
				return name + ".Request().Context()", true
			case isPtrTo(t, "github.com/gofiber/fiber/v2", "Ctx"):
				return name + ".UserContext()", true
			}
		}
	}
	return "", false
}

func isPtrTo(t types.Type, path, name string) bool {
	_, ok := t.(*types.Pointer)
	return ok && analysisutil.IsNamedType(t, path, name)
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
}

type shape struct {
	framework string
	params    []typeKey
	results   []typeKey
	anyRes    bool
	sig       *types.Signature // for configured named func types
}

type ifaceShape struct {
	framework string
	iface     *types.Interface
	methods   []string // empty: all methods of iface
}

type elemShape struct {
	framework string
	key       typeKey
	typ       types.Type // for configured types
}

func run(pass *analysis.Pass, cfg *config.Config) *Info {
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	in := &Info{
		Config:   cfg,
		funcs:    map[ast.Node]*Reason{},
		regions:  map[ast.Node]*Reason{},
		detached: map[*ast.FuncLit]bool{},
		startup:  map[*ast.FuncDecl]bool{},
	}
	c := &classifier{pass: pass, cfg: cfg, in: in}
	c.prepare()
	in.Graph = pass.ResultOf[callgraph.Analyzer].(*callgraph.Graph)
	c.classify(insp)
	c.propagate()
	return in
}

// prepare resolves the handler tables against the types this package sees.
func (c *classifier) prepare() {
	for _, hf := range c.cfg.HandlerFuncs {
		c.shapes = append(c.shapes, shape{framework: hf.Framework, params: parseKeys(hf.Params), results: parseKeys(hf.Results), anyRes: hf.AnyResults})
	}
	for _, hi := range c.cfg.HandlerIfaces {
		if it := c.lookupIface(parseKey(hi.Iface)); it != nil {
			c.ifaces = append(c.ifaces, ifaceShape{framework: hi.Framework, iface: it, methods: hi.Methods})
		}
	}
	for _, k := range slices.Sorted(maps.Keys(knowledge.MessageElems)) {
		c.elems = append(c.elems, elemShape{framework: knowledge.MessageElems[k], key: parseKey(k)})
	}
	c.recvs = knowledge.MessageReceivers
	// User-named types: func types become shapes, interfaces become handler
	// interfaces, anything else a message element type.
	for _, h := range c.cfg.HandlerTypes {
		obj := c.lookup(parseKey(h))
		if obj == nil {
			continue
		}
		switch u := obj.Type().Underlying().(type) {
		case *types.Signature:
			c.shapes = append(c.shapes, shape{framework: "configured", sig: u})
		case *types.Interface:
			c.ifaces = append(c.ifaces, ifaceShape{framework: "configured", iface: u})
		default:
			c.elems = append(c.elems, elemShape{framework: "configured", typ: obj.Type()})
		}
	}
	c.ifaces = append(c.ifaces, c.grpcServices()...)
}

// lookup finds the named type k in this package or its direct imports.
func (c *classifier) lookup(k typeKey) *types.TypeName {
	pkg := c.pass.Pkg
	if pkg.Path() != k.path {
		pkg = nil
		for _, imp := range c.pass.Pkg.Imports() {
			if imp.Path() == k.path {
				pkg = imp
				break
			}
		}
	}
	if pkg == nil {
		return nil
	}
	tn, _ := pkg.Scope().Lookup(k.name).(*types.TypeName)
	return tn
}

func (c *classifier) lookupIface(k typeKey) *types.Interface {
	if tn := c.lookup(k); tn != nil {
		it, _ := tn.Type().Underlying().(*types.Interface)
		return it
	}
	return nil
}

// grpcServices finds generated Register<S>Server(registrar, S Server)
// functions in this package and its direct imports that use grpc, and
// returns their service interfaces.
func (c *classifier) grpcServices() []ifaceShape {
	var out []ifaceShape
	pkgs := append([]*types.Package{c.pass.Pkg}, c.pass.Pkg.Imports()...)
	for _, p := range pkgs {
		if p != c.pass.Pkg && !analysisutil.Imports(p, "google.golang.org/grpc") {
			continue
		}
		scope := p.Scope()
		for _, name := range scope.Names() {
			if !strings.HasPrefix(name, "Register") || !strings.HasSuffix(name, "Server") {
				continue
			}
			fn, ok := scope.Lookup(name).(*types.Func)
			if !ok || fn.Signature().Params().Len() != 2 {
				continue
			}
			ps := fn.Signature().Params()
			if !analysisutil.IsNamedType(ps.At(0).Type(), "google.golang.org/grpc", "ServiceRegistrar") &&
				!analysisutil.IsNamedType(ps.At(0).Type(), "google.golang.org/grpc", "Server") {
				continue
			}
			if it, ok := ps.At(1).Type().Underlying().(*types.Interface); ok {
				out = append(out, ifaceShape{framework: "grpc", iface: it})
			}
		}
	}
	return out
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
			if c.isStartup(n, fn) {
				c.in.startup[n] = true
			}
			if r := c.declReason(n, fn); r != nil {
				c.in.funcs[n] = r
			}
		case *ast.FuncLit:
			if r := c.litReason(cur, n); r != nil {
				c.in.funcs[n] = r
			}
		case *ast.GoStmt:
			if lit, ok := ast.Unparen(n.Call.Fun).(*ast.FuncLit); ok {
				c.in.detached[lit] = true
			}
		case *ast.RangeStmt:
			if fw, kind := c.chanKind(info.TypeOf(n.X)); kind != 0 {
				c.in.regions[n.Body] = &Reason{Kind: kind, Framework: fw, Pos: n.Pos()}
			}
		case *ast.ForStmt:
			if fw := c.receiverLoop(cur.ChildAt(edge.ForStmt_Body, -1)); fw != "" {
				c.in.regions[n.Body] = &Reason{Kind: MessageLoop, Framework: fw, Pos: n.Pos()}
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

// longRunning reports whether decl runs a loop that lives as long as its
// context: an endless for, or a loop over messages or ticks. Such a
// function is a worker started once, not a per-operation function; its
// loop bodies are request paths of their own.
func (c *classifier) longRunning(decl *ast.FuncDecl) bool {
	found := false
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ForStmt:
			if n.Cond == nil {
				found = true
			}
		case *ast.RangeStmt:
			if _, kind := c.chanKind(c.pass.TypesInfo.TypeOf(n.X)); kind != 0 {
				found = true
			}
		}
		return !found
	})
	return found
}

// isGeneratedStub reports whether t is a generated gRPC placeholder type
// (Unimplemented<S>Server, Unsafe<S>Server), whose methods never serve.
func isGeneratedStub(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	name := n.Obj().Name()
	return strings.HasPrefix(name, "Unimplemented") || strings.HasPrefix(name, "Unsafe")
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

func (c *classifier) matchShape(sig *types.Signature) string {
	for _, s := range c.shapes {
		if s.sig != nil {
			if identicalIgnoringRecv(s.sig, sig) {
				return s.framework
			}
			continue
		}
		if tupleMatches(sig.Params(), s.params) && (s.anyRes || tupleMatches(sig.Results(), s.results)) {
			return s.framework
		}
	}
	return ""
}

func identicalIgnoringRecv(a, b *types.Signature) bool {
	return types.Identical(types.NewSignatureType(nil, nil, nil, a.Params(), a.Results(), a.Variadic()),
		types.NewSignatureType(nil, nil, nil, b.Params(), b.Results(), b.Variadic()))
}

// ifaceMethod reports whether fn, a method of recv's type, implements a
// handler interface method.
func (c *classifier) ifaceMethod(recv types.Type, fn *types.Func) (string, Kind) {
	base := recv
	if p, ok := base.(*types.Pointer); ok {
		base = p.Elem()
	}
	ptr := types.NewPointer(base)
	for _, is := range c.ifaces {
		if len(is.methods) > 0 && !slices.Contains(is.methods, fn.Name()) {
			continue
		}
		if !hasMethod(is.iface, fn.Name()) {
			continue
		}
		if types.Implements(base, is.iface) || types.Implements(ptr, is.iface) {
			if is.framework == "grpc" {
				return "grpc", GRPCMethod
			}
			return is.framework, Handler
		}
	}
	return "", 0
}

func hasMethod(it *types.Interface, name string) bool {
	for m := range it.Methods() {
		if m.Name() == name {
			return true
		}
	}
	return false
}

// embedsUnimplemented reports whether the receiver's struct embeds a
// generated Unimplemented<S>Server that has a method named name.
func embedsUnimplemented(recv types.Type, name string) bool {
	if p, ok := recv.(*types.Pointer); ok {
		recv = p.Elem()
	}
	st, ok := recv.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for f := range st.Fields() {
		if !f.Embedded() {
			continue
		}
		ft := f.Type()
		if p, ok := ft.(*types.Pointer); ok {
			ft = p.Elem()
		}
		n, ok := types.Unalias(ft).(*types.Named)
		if !ok {
			continue
		}
		tn := n.Obj().Name()
		if !strings.HasPrefix(tn, "Unimplemented") || !strings.HasSuffix(tn, "Server") {
			continue
		}
		ms := types.NewMethodSet(types.NewPointer(n))
		for m := range ms.Methods() {
			if m.Obj().Name() == name {
				return true
			}
		}
	}
	return false
}

// chanKind reports whether t is a channel of a message or tick element.
func (c *classifier) chanKind(t types.Type) (string, Kind) {
	if t == nil {
		return "", 0
	}
	ch, ok := t.Underlying().(*types.Chan)
	if !ok {
		return "", 0
	}
	for _, e := range c.elems {
		if (e.typ != nil && types.Identical(e.typ, ch.Elem())) || (e.typ == nil && e.key.matches(ch.Elem())) {
			if e.framework == "tick" {
				return "tick", TickLoop
			}
			return e.framework, MessageLoop
		}
	}
	return "", 0
}

// receiverLoop reports the framework if the loop body calls a
// message-receiving function directly (not in a nested literal).
func (c *classifier) receiverLoop(body inspector.Cursor) string {
	if !body.Valid() {
		return ""
	}
	fw := ""
	body.Inspect([]ast.Node{(*ast.CallExpr)(nil), (*ast.FuncLit)(nil)}, func(cur inspector.Cursor) bool {
		if fw != "" {
			return false
		}
		switch n := cur.Node().(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if f, ok := c.recvs[analysisutil.CalleeName(c.pass.TypesInfo, n)]; ok {
				fw = f
				return false
			}
		}
		return true
	})
	return fw
}

// directlyInLoop reports whether the select at cur is a statement of a for
// or range loop body (not inside a nested function literal).
func directlyInLoop(cur inspector.Cursor) bool {
	for c := cur.Parent(); c.Node() != nil; c = c.Parent() {
		switch c.Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return true
		case *ast.FuncLit, *ast.FuncDecl:
			return false
		}
	}
	return false
}

// isStartup applies lifelint's startup rules: main and init; package main
// (CLI and service wiring) unless reached from a request path; test files;
// and functions named like constructors, starters, runners or shutdown.
func (c *classifier) isStartup(decl *ast.FuncDecl, fn *types.Func) bool {
	name := fn.Name()
	if decl.Recv == nil && (name == "main" || name == "init") {
		return true
	}
	if c.pass.Pkg.Name() == "main" {
		return true
	}
	if c.in.Graph.InTest(decl.Pos()) {
		return true
	}
	return hasStartupName(name)
}

func hasStartupName(name string) bool {
	for _, p := range knowledge.StartupPrefixes {
		if len(name) < len(p) {
			continue
		}
		if head := name[:len(p)]; head != p && head != strings.ToLower(p[:1])+p[1:] {
			continue
		}
		// The prefix must end a word: "NewServer", "run", not "Newest".
		if len(name) == len(p) || !isLower(name[len(p)]) {
			return true
		}
	}
	return false
}

func isLower(b byte) bool { return 'a' <= b && b <= 'z' }

func takesContext(sig *types.Signature) bool {
	for p := range sig.Params().Variables() {
		if analysisutil.IsContextType(p.Type()) {
			return true
		}
	}
	return false
}

// funcDisplayName renders fn as "Name" or "(*T).Name" / "T.Name".
func funcDisplayName(fn *types.Func) string {
	recv := fn.Signature().Recv()
	if recv == nil {
		return fn.Name()
	}
	t := recv.Type()
	ptr := false
	if p, ok := t.(*types.Pointer); ok {
		ptr, t = true, p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return fn.Name()
	}
	if ptr {
		return "(*" + n.Obj().Name() + ")." + fn.Name()
	}
	return n.Obj().Name() + "." + fn.Name()
}

// propagate demotes unexported per-operation candidates that only startup
// code calls, then carries membership down the intra-package call graph to
// helpers that have no reason of their own.
func (c *classifier) propagate() {
	g := c.in.Graph
	callers := map[*ast.FuncDecl][]Call{}
	for _, d := range g.Decls {
		for _, call := range g.Calls[d] {
			if callee := g.Local(call); callee != nil {
				callers[callee] = append(callers[callee], call)
			}
		}
	}
	for _, d := range g.Decls {
		r := c.in.funcs[d]
		if r == nil || r.Kind != PerOperation || ast.IsExported(d.Name.Name) {
			continue
		}
		sites := callers[d]
		onlyStartup := len(sites) > 0
		for _, s := range sites {
			outer := enclosingDecl(s.Cursor)
			if outer == nil || !c.in.startup[outer] || c.in.At(s.Cursor) != nil {
				onlyStartup = false
				break
			}
		}
		if onlyStartup {
			delete(c.in.funcs, d)
		}
	}
	// Worklist over declarations in file order, for determinism.
	queue := slices.Clone(g.Decls)
	for len(queue) > 0 {
		d := queue[0]
		queue = queue[1:]
		for _, call := range g.Calls[d] {
			callee := g.Local(call)
			if callee == nil || c.in.funcs[callee] != nil {
				continue
			}
			via := c.in.At(call.Cursor)
			if via == nil {
				continue
			}
			fn := c.pass.TypesInfo.Defs[callee.Name].(*types.Func)
			c.in.funcs[callee] = &Reason{Kind: Called, Name: funcDisplayName(fn), Pos: callee.Pos(), Via: via}
			queue = append(queue, callee)
		}
	}
}

func enclosingDecl(cur inspector.Cursor) *ast.FuncDecl {
	for c := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		return c.Node().(*ast.FuncDecl)
	}
	return nil
}
