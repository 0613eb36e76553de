package handlerblock

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/build"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"strings"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/callgraph"
	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
	"github.com/lifelint/lifelint/analyzers/internal/registry"
	"github.com/lifelint/lifelint/analyzers/internal/requestpath"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/edge"
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
}

func (*blocksFact) AFact() {}

func (f *blocksFact) String() string {
	return "blocks: " + f.Chain.String()
}

// site is a call that blocks without a context.
type site struct {
	cur  inspector.Cursor // the call (or the <- receive of time.After)
	name string           // "time.Sleep", "(*sql.DB).QueryRow"
	kb   knowledge.Blocking
	fix  func(ctx string) []analysis.TextEdit // nil: no mechanical fix
	// chanOp marks a channel send or receive.
	chanOp bool
}

type checker struct {
	pass *analysis.Pass
	rp   *requestpath.Info
	// blockingVars are package-level func variables and struct fields
	// initialised or assigned to a blocking function.
	blockingVars map[*types.Var]*types.Func
}

func run(pass *analysis.Pass, rp *requestpath.Info) (any, error) {
	// Fast path: the standard library's blocking calls are table entries,
	// and its own findings are never shown.
	if stdlib(pass) {
		return nil, nil
	}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	g := rp.Graph
	c := &checker{pass: pass, rp: rp, blockingVars: map[*types.Var]*types.Func{}}
	c.findBlockingVars(insp)

	// Direct blocking sites, by declaration; those in package-level
	// variables (var h = http.HandlerFunc(func(...) {...})) go to pkgSites.
	sites := map[*ast.FuncDecl][]site{}
	var pkgSites []site
	var pkgCalls []requestpath.Call
	for top := range insp.Root().Preorder((*ast.FuncDecl)(nil), (*ast.GenDecl)(nil)) {
		d, isFunc := top.Node().(*ast.FuncDecl)
		if isFunc && d.Body == nil {
			continue
		}
		if _, inFile := top.Parent().Node().(*ast.File); !isFunc && !inFile {
			continue // a declaration inside a function body
		}
		for cur := range top.Preorder((*ast.CallExpr)(nil), (*ast.SendStmt)(nil), (*ast.UnaryExpr)(nil), (*ast.SelectStmt)(nil)) {
			var (
				s  site
				ok bool
			)
			if call, isCall := cur.Node().(*ast.CallExpr); isCall {
				if !isFunc {
					pkgCalls = append(pkgCalls, requestpath.Call{Cursor: cur, Callee: analysisutil.Callee(pass.TypesInfo, call), Go: inGoroutine(cur)})
				}
				if _, isGo := cur.Parent().Node().(*ast.GoStmt); isGo {
					continue // go bg.Wait(): runs in its own goroutine
				}
				s, ok = c.blockingCall(cur)
			} else {
				s, ok = c.chanOp(cur)
			}
			switch {
			case !ok:
			case isFunc:
				sites[d] = append(sites[d], s)
			default:
				pkgSites = append(pkgSites, s)
			}
		}
	}

	// Summaries: a function blocks when its own body (not a goroutine, not
	// a literal that may never run) blocks, or it calls one that does.
	// Channel operations count only inside the package: exported to other
	// packages, they would make library internals (os/exec, client
	// libraries waiting on their own goroutines) look blocking.
	imported := func(fn *types.Func) callgraph.Chain {
		var f blocksFact
		if pass.ImportObjectFact(fn, &f) {
			return f.Chain
		}
		return nil
	}
	skip := func(d *ast.FuncDecl, call requestpath.Call) bool {
		// A call in a loop body that is a request path of its own runs per
		// message or tick, and is reported there.
		return call.Go || !directlyIn(call.Cursor, d) || rp.At(call.Cursor) != rp.Func(d)
	}
	summarise := func(withChans bool) map[*ast.FuncDecl]callgraph.Chain {
		base := map[*ast.FuncDecl]callgraph.Chain{}
		for _, d := range g.Decls {
			for _, s := range sites[d] {
				if (withChans || !s.chanOp) && directlyIn(s.cur, d) && rp.At(s.cur) == rp.Func(d) {
					base[d] = callgraph.Chain{s.name}
					break
				}
			}
		}
		return g.Summaries(base, imported, skip)
	}
	chains := summarise(true)
	for d, ch := range summarise(false) {
		// Only exported functions can be called from other packages, and a
		// request path of its own is reported in its body, not at callers.
		if !d.Name.IsExported() || rp.Func(d) != nil {
			continue
		}
		if fn, ok := pass.TypesInfo.Defs[d.Name].(*types.Func); ok {
			pass.ExportObjectFact(fn.Origin(), &blocksFact{Chain: ch})
		}
	}

	// Diagnostics on request paths.
	for _, d := range g.Decls {
		for _, s := range sites[d] {
			c.reportSite(s)
		}
		for _, call := range g.Calls[d] {
			c.checkCall(call, chains)
		}
	}
	for _, s := range pkgSites {
		c.reportSite(s)
	}
	for _, call := range pkgCalls {
		c.checkCall(call, chains)
	}
	return nil, nil
}

// reportSite reports a direct blocking site on a request path.
func (c *checker) reportSite(s site) {
	r := c.rp.At(s.cur)
	if r == nil || c.rp.Graph.Generated(s.cur.Node().Pos()) {
		return
	}
	reason, alt := s.kb.Reason, s.kb.Alternative
	if reason == "" {
		reason = "blocks without a context"
	}
	if alt == "" && s.kb.CtxMethod != "" {
		alt = s.kb.CtxMethod + "(ctx, ...)"
		if call, ok := s.cur.Node().(*ast.CallExpr); ok && len(call.Args) == 0 {
			alt = s.kb.CtxMethod + "(ctx)"
		}
	}
	if alt == "" {
		alt = "a context-aware variant"
	}
	c.report(s.cur, s.fix, "%s in %s: it %s, so a cancelled request keeps waiting and shutdown waits for it; use %s", s.name, r, reason, alt)
}

// inGoroutine reports whether cur runs in a goroutine its function starts:
// the call of a go statement or code in a literal a go statement starts.
func inGoroutine(cur inspector.Cursor) bool {
	for range cur.Enclosing((*ast.GoStmt)(nil)) {
		return true
	}
	return false
}

// report reports at the node of cur, with a suggested fix when fix is
// non-nil and the request context is in scope.
func (c *checker) report(cur inspector.Cursor, fix func(string) []analysis.TextEdit, format string, args ...any) {
	n := cur.Node()
	d := analysis.Diagnostic{Pos: n.Pos(), End: n.End(), Message: fmt.Sprintf(format, args...)}
	if fix != nil {
		if ctx, ok := requestpath.RequestContext(c.pass.TypesInfo, cur); ok {
			if edits := fix(ctx); edits != nil {
				d.SuggestedFixes = []analysis.SuggestedFix{{Message: "use the request context " + ctx, TextEdits: edits}}
			}
		}
	}
	c.pass.Report(d)
}

// directlyIn reports whether cur runs as part of d's own body: not inside a
// function literal (which may run later or never) nor a go statement.
// inGoArgs reports whether cur is evaluated for the call of a go statement
// of its own function: go audit(context.Background(), ...).
func inGoArgs(cur inspector.Cursor) bool {
	for p := range cur.Enclosing((*ast.GoStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		_, ok := p.Node().(*ast.GoStmt)
		return ok
	}
	return false
}

// stdlib reports whether the package is part of the standard library,
// whose blocking calls the knowledge table lists directly: its functions
// get no summaries, so internals do not leak into chains.
func stdlib(pass *analysis.Pass) bool {
	if len(pass.Files) == 0 {
		return false
	}
	name := pass.Fset.File(pass.Files[0].Pos()).Name()
	return build.Default.GOROOT != "" && strings.HasPrefix(filepath.ToSlash(name), filepath.ToSlash(build.Default.GOROOT)+"/src/")
}

func directlyIn(cur inspector.Cursor, d *ast.FuncDecl) bool {
	for p := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil), (*ast.GoStmt)(nil)) {
		return p.Node() == d
	}
	return false
}

// checkCall reports, on a request path, a call of a function whose summary
// blocks, context.Background/TODO where the request context is in scope,
// a *gin.Context passed as a context.Context, a context-less
// http.NewRequest that reaches Do, and a discarded WithContext result.
func (c *checker) checkCall(call requestpath.Call, chains map[*ast.FuncDecl]callgraph.Chain) {
	if call.Go || c.rp.Graph.Generated(call.Expr().Pos()) {
		return
	}
	r := c.rp.At(call.Cursor)
	if r == nil {
		return
	}
	info := c.pass.TypesInfo
	expr := call.Expr()
	c.checkGinContext(call.Cursor, r)
	fn := call.Callee
	if fn == nil {
		return
	}
	switch analysisutil.FuncName(fn) {
	case "context.Background", "context.TODO":
		// An argument of a go statement's call is a deliberate detachment:
		// the request context ends when the handler returns.
		if inGoArgs(call.Cursor) {
			return
		}
		if ctx, ok := requestpath.RequestContext(info, call.Cursor); ok {
			edit := []analysis.TextEdit{{Pos: expr.Pos(), End: expr.End(), NewText: []byte(ctx)}}
			c.pass.Report(analysis.Diagnostic{Pos: expr.Pos(), End: expr.End(),
				Message:        fmt.Sprintf("%s in %s, where the request context is available: work under it is not cancelled when the client goes away or the server shuts down; use %s (or context.WithoutCancel(%s) to detach on purpose)", analysisutil.ShortName(fn), r, ctx, ctx),
				SuggestedFixes: []analysis.SuggestedFix{{Message: "use the request context " + ctx, TextEdits: edit}}})
		}
		return
	case "net/http.NewRequest":
		if c.newRequestReachesDo(call.Cursor) {
			var fix func(string) []analysis.TextEdit
			if sel, ok := ast.Unparen(expr.Fun).(*ast.SelectorExpr); ok {
				fix = func(ctx string) []analysis.TextEdit {
					return renameAndPrepend(expr, sel, "NewRequestWithContext", ctx+", ")
				}
			}
			c.report(call.Cursor, fix, "http.NewRequest in %s: the request it builds reaches Do without a context, so the call is not cancelled with the request; use http.NewRequestWithContext", r)
		}
		return
	case "(*net/http.Request).WithContext":
		if _, ok := call.Cursor.Parent().Node().(*ast.ExprStmt); ok {
			c.pass.ReportRangef(expr, "result of (*http.Request).WithContext discarded in %s: it returns a copy and leaves the request without the context; assign it: req = req.WithContext(ctx)", r)
		}
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
	c.pass.ReportRangef(expr, "calls %s in %s: it blocks without the request context, so a cancelled request keeps waiting and shutdown waits for it; pass the request context down and use context-aware calls",
		chain.Prepend(analysisutil.ShortName(fn)), r)
}

// checkGinContext reports *gin.Context arguments passed as context.Context.
func (c *checker) checkGinContext(cur inspector.Cursor, r *requestpath.Reason) {
	info := c.pass.TypesInfo
	expr := cur.Node().(*ast.CallExpr)
	ft := info.TypeOf(expr.Fun)
	if ft == nil {
		return
	}
	sig, ok := ft.Underlying().(*types.Signature)
	if !ok {
		return
	}
	for i, arg := range expr.Args {
		var pt types.Type
		switch {
		case sig.Variadic() && i >= sig.Params().Len()-1:
			if expr.Ellipsis.IsValid() {
				continue
			}
			if s, ok := sig.Params().At(sig.Params().Len() - 1).Type().(*types.Slice); ok {
				pt = s.Elem()
			}
		case i < sig.Params().Len():
			pt = sig.Params().At(i).Type()
		}
		at := info.TypeOf(arg)
		if pt == nil || at == nil || !analysisutil.IsContextType(pt) {
			continue
		}
		if _, isPtr := at.(*types.Pointer); !isPtr || !analysisutil.IsNamedType(at, "github.com/gin-gonic/gin", "Context") {
			continue
		}
		text := types.ExprString(arg)
		c.pass.Report(analysis.Diagnostic{Pos: arg.Pos(), End: arg.End(),
			Message: fmt.Sprintf("*gin.Context passed as a context.Context in %s: its Done channel is nil unless ContextWithFallback is set, so the callee is never cancelled; pass %s.Request.Context()", r, text),
			SuggestedFixes: []analysis.SuggestedFix{{Message: "pass " + text + ".Request.Context()",
				TextEdits: []analysis.TextEdit{{Pos: arg.End(), End: arg.End(), NewText: []byte(".Request.Context()")}}}}})
	}
}

// blockingCall reports whether the call at cur blocks without a context:
// a key of the blocking table (with the special cases of exec and
// time.After), or a call of a variable set to such a function.
func (c *checker) blockingCall(cur inspector.Cursor) (site, bool) {
	info := c.pass.TypesInfo
	call := cur.Node().(*ast.CallExpr)
	fn := analysisutil.Callee(info, call)
	if fn == nil {
		if v := calledVar(info, call); v != nil {
			if target := c.blockingVars[v]; target != nil {
				kb := c.rp.Config.Blocking[analysisutil.FuncName(target)]
				return site{cur: cur, name: analysisutil.ShortName(target), kb: kb}, true
			}
			var f blocksFact
			if v.Pkg() != c.pass.Pkg && c.pass.ImportObjectFact(v, &f) && len(f.Chain) > 0 {
				return site{cur: cur, name: f.Chain[0], kb: c.rp.Config.Blocking[f.Key]}, true
			}
		}
		return site{}, false
	}
	key := analysisutil.FuncName(fn)
	if key == "time.After" {
		return c.timeAfter(cur)
	}
	if s, ok := c.ctxChain(cur, fn); ok {
		return s, true
	}
	kb, ok := c.rp.Config.Blocking[key]
	if !ok {
		return site{}, false
	}
	s := site{cur: cur, name: analysisutil.ShortName(fn), kb: kb}
	sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	switch key {
	case "(*os/exec.Cmd).Run", "(*os/exec.Cmd).Output", "(*os/exec.Cmd).CombinedOutput", "(*os/exec.Cmd).Wait":
		if !isSel {
			return site{}, false
		}
		cmd := c.cmdOrigin(cur, sel.X)
		if cmd == nil {
			return site{}, false // CommandContext, or unknown: when in doubt, silent
		}
		if csel, ok := ast.Unparen(cmd.Fun).(*ast.SelectorExpr); ok {
			s.fix = func(ctx string) []analysis.TextEdit {
				return renameAndPrepend(cmd, csel, "CommandContext", ctx+", ")
			}
		}
	}
	if kb.CtxMethod != "" && isSel {
		args := "ctx, "
		if kb.CtxMethod == "BeginTx" {
			args = "ctx, nil"
		} else if len(call.Args) == 0 {
			args = "ctx"
		}
		s.fix = func(ctx string) []analysis.TextEdit {
			return renameAndPrepend(call, sel, kb.CtxMethod, strings.Replace(args, "ctx", ctx, 1))
		}
	}
	return s, true
}

// ctxChain reports a query method of a builder type (gorm, resty) whose
// chain has no With method and starts at a shared handle (a struct field
// or a package-level variable) or at a call that makes a fresh builder
// (client.R()). Chains that start at a local or a parameter
// (tx in a Transaction callback, db := h.db.WithContext(ctx)) are left
// alone: their context is set elsewhere, or when in doubt.
func (c *checker) ctxChain(cur inspector.Cursor, fn *types.Func) (site, bool) {
	recv := fn.Signature().Recv()
	if recv == nil {
		return site{}, false
	}
	key, _ := typeKey(recv.Type())
	chain, ok := knowledge.CtxChains[key]
	if !ok || !slices.Contains(chain.Runs, fn.Name()) {
		return site{}, false
	}
	info := c.pass.TypesInfo
	sel, ok := ast.Unparen(cur.Node().(*ast.CallExpr).Fun).(*ast.SelectorExpr)
	if !ok {
		return site{}, false
	}
	root := ast.Unparen(sel.X)
	fresh := false // root is a call that starts a builder (client.R())
	for !fresh {
		call, ok := root.(*ast.CallExpr)
		if !ok {
			break
		}
		m := analysisutil.Callee(info, call)
		s, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if m == nil || !ok || m.Signature().Recv() == nil {
			return site{}, false
		}
		if k, _ := typeKey(m.Signature().Recv().Type()); k != key {
			if !slices.Contains(chain.Start, m.Name()) {
				return site{}, false
			}
			fresh = true
			continue
		}
		if m.Name() == chain.With {
			return site{}, false
		}
		root = ast.Unparen(s.X)
	}
	if !fresh && !c.sharedVar(root) {
		return site{}, false
	}
	kb := knowledge.Blocking{
		Reason:      chain.What + ", since the chain has no " + chain.With,
		Alternative: types.ExprString(root) + "." + chain.With + "(ctx)",
	}
	return site{cur: cur, name: analysisutil.ShortName(fn), kb: kb, fix: func(ctx string) []analysis.TextEdit {
		return []analysis.TextEdit{{Pos: root.End(), End: root.End(), NewText: []byte("." + chain.With + "(" + ctx + ")")}}
	}}, true
}

// typeKey returns "path.Name" of a named type or a pointer to one.
func typeKey(t types.Type) (string, bool) {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return "", false
	}
	obj := n.Origin().Obj()
	return obj.Pkg().Path() + "." + obj.Name(), true
}

// renameAndPrepend renames the selector of call to name and inserts args
// before its first argument.
func renameAndPrepend(call *ast.CallExpr, sel *ast.SelectorExpr, name, args string) []analysis.TextEdit {
	return []analysis.TextEdit{
		{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte(name)},
		{Pos: call.Lparen + 1, End: call.Lparen + 1, NewText: []byte(args)},
	}
}

// cmdOrigin returns the exec.Command call that built the command x: x
// itself, or the only assignment of the local variable x. It returns nil
// for exec.CommandContext and for anything it cannot trace.
func (c *checker) cmdOrigin(cur inspector.Cursor, x ast.Expr) *ast.CallExpr {
	info := c.pass.TypesInfo
	x = ast.Unparen(x)
	if id, ok := x.(*ast.Ident); ok {
		v, _ := info.Uses[id].(*types.Var)
		if v == nil {
			return nil
		}
		var origin ast.Expr
		n := 0
		for fc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
			for a := range fc.Preorder((*ast.AssignStmt)(nil)) {
				as := a.Node().(*ast.AssignStmt)
				for i, lhs := range as.Lhs {
					lid, ok := lhs.(*ast.Ident)
					if !ok || (info.Defs[lid] != v && info.Uses[lid] != v) {
						continue
					}
					n++
					if len(as.Rhs) == len(as.Lhs) {
						origin = as.Rhs[i]
					}
				}
			}
			break
		}
		if n != 1 || origin == nil {
			return nil
		}
		x = ast.Unparen(origin)
	}
	call, ok := x.(*ast.CallExpr)
	if !ok || !analysisutil.IsPkgFunc(analysisutil.Callee(info, call), "os/exec", "Command") {
		return nil
	}
	return call
}

// timeAfter reports a receive from time.After outside a select that also
// waits on a context's Done channel.
func (c *checker) timeAfter(cur inspector.Cursor) (site, bool) {
	recv, ok := cur.Parent().Node().(*ast.UnaryExpr)
	if !ok || recv.Op != token.ARROW {
		return site{}, false
	}
	rcur := cur.Parent()
	// The receive is a select case when the statement holding it is the
	// Comm of a clause: CommClause <- BlockStmt <- SelectStmt.
	for p := rcur.Parent(); p.Index() >= 0; p = p.Parent() {
		if _, ok := p.Node().(ast.Stmt); !ok {
			continue
		}
		if k, _ := p.ParentEdge(); k == edge.CommClause_Comm {
			if sel, ok := p.Parent().Parent().Parent().Node().(*ast.SelectStmt); ok && c.selectWatchesDone(sel) {
				return site{}, false
			}
		}
		break
	}
	kb := knowledge.Blocking{Reason: "waits for a timer without watching the context", Alternative: "a select on ctx.Done() and the timer"}
	return site{cur: rcur, name: "<-time.After", kb: kb}, true
}

// selectWatchesDone reports whether sel has a case receiving from the Done
// channel of a context.Context.
func (c *checker) selectWatchesDone(sel *ast.SelectStmt) bool {
	found := false
	for _, s := range sel.Body.List {
		cc, ok := s.(*ast.CommClause)
		if !ok || cc.Comm == nil {
			continue
		}
		ast.Inspect(cc.Comm, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok && analysisutil.CalleeName(c.pass.TypesInfo, call) == "(context.Context).Done" {
				found = true
			}
			return !found
		})
	}
	return found
}

// calledVar returns the variable (package-level var or struct field) a
// call of a func value calls, or nil.
func calledVar(info *types.Info, call *ast.CallExpr) *types.Var {
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		v, _ := info.Uses[f].(*types.Var)
		return v
	case *ast.SelectorExpr:
		if s, ok := info.Selections[f]; ok && s.Kind() == types.FieldVal {
			v, _ := s.Obj().(*types.Var)
			return v
		}
		v, _ := info.Uses[f.Sel].(*types.Var)
		return v
	}
	return nil
}

// findBlockingVars records package-level func variables and struct fields
// that are initialised or assigned to a blocking function (var sleep =
// time.Sleep; Retrier{Sleep: time.Sleep}; r.sleep = time.Sleep).
func (c *checker) findBlockingVars(insp *inspector.Inspector) {
	info := c.pass.TypesInfo
	blockingFunc := func(e ast.Expr) *types.Func {
		fn, _ := analysisutil.UsedObject(info, e).(*types.Func)
		if fn == nil {
			return nil
		}
		if _, ok := c.rp.Config.Blocking[analysisutil.FuncName(fn)]; !ok {
			return nil
		}
		return fn
	}
	set := func(lhs ast.Expr, rhs ast.Expr) {
		fn := blockingFunc(rhs)
		if fn == nil {
			return
		}
		var v *types.Var
		switch l := ast.Unparen(lhs).(type) {
		case *ast.Ident:
			v, _ = info.ObjectOf(l).(*types.Var)
			if v != nil && !v.IsField() && v.Parent() != v.Pkg().Scope() {
				v = nil // locals: not tracked
			}
		case *ast.SelectorExpr:
			v, _ = info.ObjectOf(l.Sel).(*types.Var)
		}
		if v != nil && v.Pkg() == c.pass.Pkg && c.blockingVars[v] == nil {
			c.blockingVars[v] = fn
			if v.Exported() {
				c.pass.ExportObjectFact(v, &blocksFact{Chain: callgraph.Chain{analysisutil.ShortName(fn)}, Key: analysisutil.FuncName(fn)})
			}
		}
	}
	for cur := range insp.Root().Preorder((*ast.ValueSpec)(nil), (*ast.AssignStmt)(nil), (*ast.KeyValueExpr)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.ValueSpec:
			if len(n.Values) == len(n.Names) {
				for i, name := range n.Names {
					set(name, n.Values[i])
				}
			}
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				for i := range n.Lhs {
					set(n.Lhs[i], n.Rhs[i])
				}
			}
		case *ast.KeyValueExpr:
			if k, ok := n.Key.(*ast.Ident); ok {
				if v, ok := info.Uses[k].(*types.Var); ok && v.IsField() {
					set(k, n.Value)
				}
			}
		}
	}
}

// isDo reports whether fn sends a request: (*http.Client).Do, or a Do
// method taking just an *http.Request (an HTTPClient interface, a wrapper).
func isDo(fn *types.Func) bool {
	sig := fn.Signature()
	if fn.Name() != "Do" || sig.Recv() == nil || sig.Params().Len() != 1 {
		return false
	}
	t := sig.Params().At(0).Type()
	_, ptr := t.(*types.Pointer)
	return ptr && analysisutil.IsNamedType(t, "net/http", "Request")
}

// newRequestReachesDo reports whether the request built by the
// http.NewRequest call at cur is assigned to a local variable that is
// passed to (*http.Client).Do, or another Do(*http.Request), in the same
// function, and no req.WithContext result is stored in that function.
// When in doubt it says no.
func (c *checker) newRequestReachesDo(cur inspector.Cursor) bool {
	info := c.pass.TypesInfo
	as, ok := cur.Parent().Node().(*ast.AssignStmt)
	if !ok || len(as.Lhs) == 0 || len(as.Rhs) != 1 {
		return false
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	if !ok {
		return false
	}
	v, _ := info.ObjectOf(id).(*types.Var)
	if v == nil {
		return false
	}
	fc := analysisutil.EnclosingFunc(cur)
	if !fc.Valid() {
		return false
	}
	do, withCtx := false, false
	for cc := range fc.Preorder((*ast.CallExpr)(nil)) {
		call := cc.Node().(*ast.CallExpr)
		fn := analysisutil.Callee(info, call)
		if fn == nil {
			continue
		}
		switch key := analysisutil.FuncName(fn); {
		case isDo(fn):
			if len(call.Args) == 1 {
				if a, ok := ast.Unparen(call.Args[0]).(*ast.Ident); ok && info.Uses[a] == v {
					do = true
				}
			}
		case key == "(*net/http.Request).WithContext":
			if s, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
				if a, ok := ast.Unparen(s.X).(*ast.Ident); ok && info.Uses[a] == v {
					if _, dropped := cc.Parent().Node().(*ast.ExprStmt); !dropped {
						withCtx = true
					}
				}
			}
		}
	}
	return do && !withCtx
}
