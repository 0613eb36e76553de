package swallowedcancel

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

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
		FactTypes: []analysis.Fact{new(ctxErrFact)},
		Run: func(pass *analysis.Pass) (any, error) {
			return run(pass, pass.ResultOf[rp].(*requestpath.Info))
		},
	}
}

// Analyzer is the pass with the default configuration.
var Analyzer = New(requestpath.Analyzer)

// ctxErrFact marks a function that returns its context's error
// (ctx.Err(), context.Cause, or a %w wrap of it), directly or by returning
// the result of another such function.
type ctxErrFact struct{ Chain callgraph.Chain }

func (*ctxErrFact) AFact() {}

func (f *ctxErrFact) String() string { return "returns ctx error: " + f.Chain.String() }

type checker struct {
	pass   *analysis.Pass
	rp     *requestpath.Info
	chains map[*ast.FuncDecl]callgraph.Chain
}

func run(pass *analysis.Pass, rp *requestpath.Info) (any, error) {
	c := &checker{pass: pass, rp: rp}
	c.summarise()
	if !analysisutil.Imports(pass.Pkg, "context") && len(c.chains) == 0 {
		return nil, nil
	}
	in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	types := []ast.Node{(*ast.BinaryExpr)(nil), (*ast.SwitchStmt)(nil), (*ast.CallExpr)(nil),
		(*ast.CommClause)(nil), (*ast.IfStmt)(nil), (*ast.ForStmt)(nil), (*ast.RangeStmt)(nil)}
	for cur := range in.Root().Preorder(types...) {
		if analysisutil.IsGenerated(pass, cur.Node().Pos()) {
			continue
		}
		switch n := cur.Node().(type) {
		case *ast.BinaryExpr:
			c.comparison(cur, n)
		case *ast.SwitchStmt:
			c.switchStmt(cur, n)
		case *ast.CallExpr:
			c.call(n)
		case *ast.CommClause:
			c.doneClause(cur, n)
		case *ast.IfStmt:
			c.ifStmt(cur, n)
		case *ast.ForStmt:
			c.forStmt(cur, n)
		case *ast.RangeStmt:
			c.rangeStmt(cur, n)
		}
	}
	return nil, nil
}

// summarise computes and exports ctxErrFact for every function declared in
// the package: a function that returns ctx.Err() (or wraps it with %w), or
// returns the result of a call to such a function.
func (c *checker) summarise() {
	g := c.rp.Graph
	base := map[*ast.FuncDecl]callgraph.Chain{}
	for _, d := range g.Decls {
		if d.Body == nil {
			continue
		}
		ast.Inspect(d.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				if len(n.Results) > 0 && base[d] == nil {
					if name := c.ctxErrExpr(n.Results[len(n.Results)-1]); name != "" {
						base[d] = callgraph.Chain{name}
					}
				}
			}
			return true
		})
	}
	imported := func(fn *types.Func) callgraph.Chain {
		var f ctxErrFact
		if c.pass.ImportObjectFact(fn, &f) {
			return f.Chain
		}
		return nil
	}
	skip := func(_ *ast.FuncDecl, call requestpath.Call) bool {
		if call.Go || call.Lit != nil {
			return true
		}
		ret, ok := call.Cursor.Parent().Node().(*ast.ReturnStmt)
		return !ok || len(ret.Results) == 0 || ret.Results[len(ret.Results)-1] != call.Expr()
	}
	c.chains = g.Summaries(base, imported, skip)
	for _, d := range g.Decls {
		if ch := c.chains[d]; ch != nil {
			if fn, ok := c.pass.TypesInfo.Defs[d.Name].(*types.Func); ok {
				c.pass.ExportObjectFact(fn.Origin(), &ctxErrFact{Chain: ch})
			}
		}
	}
}

// ctxErrExpr returns "ctx.Err()" (the source call rendered) when e is the
// context's error or a %w wrap of it, or "".
func (c *checker) ctxErrExpr(e ast.Expr) string {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return ""
	}
	name := analysisutil.CalleeName(c.pass.TypesInfo, call)
	if knowledge.ContextErrorSources[name] {
		return "ctx.Err()"
	}
	if name == "fmt.Errorf" && len(call.Args) > 1 && strings.Contains(formatString(call), "%w") {
		for _, a := range call.Args[1:] {
			if s := c.ctxErrExpr(a); s != "" {
				return s
			}
		}
	}
	return ""
}

func formatString(call *ast.CallExpr) string {
	if len(call.Args) == 0 {
		return ""
	}
	lit, ok := ast.Unparen(call.Args[0]).(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return ""
	}
	s, err := strconv.Unquote(lit.Value)
	if err != nil {
		return ""
	}
	return s
}

// sentinel returns "context.Canceled" or "context.DeadlineExceeded" when e
// names that variable, or "".
func (c *checker) sentinel(e ast.Expr) string {
	v, ok := analysisutil.UsedObject(c.pass.TypesInfo, e).(*types.Var)
	if !ok || v.Pkg() == nil {
		return ""
	}
	key := v.Pkg().Path() + "." + v.Name()
	if knowledge.ContextErrors[key] {
		return key
	}
	return ""
}

// isCtxErrSource reports whether e is ctx.Err() or context.Cause(ctx).
func (c *checker) isCtxErrSource(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	return ok && knowledge.ContextErrorSources[analysisutil.CalleeName(c.pass.TypesInfo, call)]
}

// fromCall reports whether e is an error returned by a call other than
// ctx.Err(): the call itself, or a variable assigned from one in the
// enclosing function.
func (c *checker) fromCall(cur inspector.Cursor, e ast.Expr) bool {
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok {
		return !c.isCtxErrSource(call) && !isConversion(c.pass.TypesInfo, call)
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return false
	}
	obj := c.pass.TypesInfo.ObjectOf(id)
	if obj == nil {
		return false
	}
	fn := analysisutil.EnclosingFunc(cur)
	if !fn.Valid() {
		return false
	}
	found := false
	for a := range fn.Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)) {
		var lhs []ast.Expr
		var rhs []ast.Expr
		switch s := a.Node().(type) {
		case *ast.AssignStmt:
			lhs, rhs = s.Lhs, s.Rhs
		case *ast.ValueSpec:
			for _, n := range s.Names {
				lhs = append(lhs, n)
			}
			rhs = s.Values
		}
		for i, l := range lhs {
			lid, ok := l.(*ast.Ident)
			if !ok || c.pass.TypesInfo.ObjectOf(lid) != obj {
				continue
			}
			var r ast.Expr
			if len(rhs) == len(lhs) {
				r = rhs[i]
			} else if len(rhs) == 1 {
				r = rhs[0]
			}
			if call, ok := ast.Unparen(r).(*ast.CallExpr); ok && !c.isCtxErrSource(call) && !isConversion(c.pass.TypesInfo, call) {
				found = true
			}
		}
	}
	return found
}

func isConversion(info *types.Info, call *ast.CallExpr) bool {
	tv, ok := info.Types[call.Fun]
	return ok && tv.IsType()
}

func (c *checker) render(e ast.Node) string {
	var b strings.Builder
	start, end := c.pass.Fset.Position(e.Pos()), c.pass.Fset.Position(e.End())
	for _, f := range c.pass.Files {
		if f.FileStart <= e.Pos() && e.End() <= f.FileEnd {
			tf := c.pass.Fset.File(f.FileStart)
			src, err := c.pass.ReadFile(tf.Name())
			if err == nil && end.Offset <= len(src) {
				b.Write(src[start.Offset:end.Offset])
			}
		}
	}
	return b.String()
}

// comparison flags err == context.Canceled on an error returned by a call,
// and err.Error() == "context canceled".
func (c *checker) comparison(cur inspector.Cursor, b *ast.BinaryExpr) {
	if b.Op != token.EQL && b.Op != token.NEQ {
		return
	}
	if c.stringMatch(b.X, b.Y) || c.stringMatch(b.Y, b.X) {
		c.pass.Report(analysis.Diagnostic{Pos: b.Pos(), End: b.End(),
			Message: "comparing err.Error() with the text of a context error: wrapping changes the text, so cancellation slips through; use errors.Is(err, context.Canceled)"})
		return
	}
	errExpr, sent := b.X, c.sentinel(b.Y)
	if sent == "" {
		errExpr, sent = b.Y, c.sentinel(b.X)
	}
	if sent == "" || !c.fromCall(cur, errExpr) {
		return
	}
	short := strings.TrimPrefix(sent, "context.")
	call := fmt.Sprintf("errors.Is(%s, context.%s)", c.render(errExpr), short)
	neg := ""
	if b.Op == token.NEQ {
		neg = "!"
	}
	d := analysis.Diagnostic{Pos: b.Pos(), End: b.End(),
		Message: fmt.Sprintf("%s compares with context.%s by identity: callers wrap it (%%w, *url.Error, gRPC), so a wrapped cancellation is missed; use %s%s", c.render(b), short, neg, call)}
	if errPkg, imp := c.errorsImport(b.Pos()); errPkg != "" {
		text := fmt.Sprintf("%s%s.Is(%s, %s)", neg, errPkg, c.render(errExpr), c.render(sentExpr(b, errExpr)))
		edits := []analysis.TextEdit{{Pos: b.Pos(), End: b.End(), NewText: []byte(text)}}
		edits = append(edits, imp...)
		d.SuggestedFixes = []analysis.SuggestedFix{{Message: "use " + neg + "errors.Is", TextEdits: edits}}
	}
	c.pass.Report(d)
}

func sentExpr(b *ast.BinaryExpr, errExpr ast.Expr) ast.Expr {
	if b.X == errExpr {
		return b.Y
	}
	return b.X
}

// stringMatch reports whether x is err.Error() and y a context error text.
func (c *checker) stringMatch(x, y ast.Expr) bool {
	lit, ok := ast.Unparen(y).(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return false
	}
	s, err := strconv.Unquote(lit.Value)
	if err != nil {
		return false
	}
	if _, ok := knowledge.ContextErrorTexts[s]; !ok {
		return false
	}
	return c.isErrorCall(x)
}

// isErrorCall reports whether e is a call of the Error method of an error.
func (c *checker) isErrorCall(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "Error" && len(call.Args) == 0 && types.Implements(c.pass.TypesInfo.TypeOf(sel.X), errorType)
}

var errorType = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

// errorsImport returns the name under which the file at pos imports
// "errors" and, when it does not, the edit that adds the import.
func (c *checker) errorsImport(pos token.Pos) (string, []analysis.TextEdit) {
	var file *ast.File
	for _, f := range c.pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			file = f
		}
	}
	if file == nil {
		return "", nil
	}
	for _, imp := range file.Imports {
		if imp.Path.Value == `"errors"` {
			if imp.Name != nil {
				if imp.Name.Name == "_" || imp.Name.Name == "." {
					return "", nil
				}
				return imp.Name.Name, nil
			}
			return "errors", nil
		}
	}
	if file.Scope != nil && file.Scope.Lookup("errors") != nil {
		return "", nil
	}
	for _, decl := range file.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		if gd.Lparen.IsValid() {
			return "errors", []analysis.TextEdit{{Pos: gd.Lparen + 1, End: gd.Lparen + 1, NewText: []byte("\n\t\"errors\"")}}
		}
		return "errors", []analysis.TextEdit{{Pos: gd.Pos(), End: gd.Pos(), NewText: []byte("import \"errors\"\n")}}
	}
	return "", nil
}

// switchStmt flags switch err { case context.Canceled: } on an error
// returned by a call, rewriting it to a tagless switch of errors.Is.
func (c *checker) switchStmt(cur inspector.Cursor, s *ast.SwitchStmt) {
	if s.Tag == nil {
		return
	}
	var first ast.Expr
	for _, st := range s.Body.List {
		for _, e := range st.(*ast.CaseClause).List {
			if first == nil && c.sentinel(e) != "" {
				first = e
			}
		}
	}
	if first == nil || !c.fromCall(cur, s.Tag) {
		return
	}
	d := analysis.Diagnostic{Pos: first.Pos(), End: first.End(),
		Message: fmt.Sprintf("switch %s { case %s: } compares by identity: callers wrap context errors (%%w, *url.Error, gRPC), so a wrapped cancellation is missed; use switch { case errors.Is(%s, %s): }",
			c.render(s.Tag), c.render(first), c.render(s.Tag), c.render(first))}
	tag, ok := ast.Unparen(s.Tag).(*ast.Ident)
	errPkg, imp := c.errorsImport(s.Pos())
	if ok && errPkg != "" {
		edits := []analysis.TextEdit{{Pos: s.Tag.Pos(), End: s.Tag.End()}}
		safe := true
		for _, st := range s.Body.List {
			for _, e := range st.(*ast.CaseClause).List {
				var text string
				switch {
				case isNil(c.pass.TypesInfo, e):
					text = tag.Name + " == nil"
				case types.Implements(c.pass.TypesInfo.TypeOf(e), errorType):
					text = fmt.Sprintf("%s.Is(%s, %s)", errPkg, tag.Name, c.render(e))
				default:
					safe = false
				}
				edits = append(edits, analysis.TextEdit{Pos: e.Pos(), End: e.End(), NewText: []byte(text)})
			}
		}
		if safe {
			d.SuggestedFixes = []analysis.SuggestedFix{{Message: "use errors.Is in a tagless switch", TextEdits: append(edits, imp...)}}
		}
	}
	c.pass.Report(d)
}

func isNil(info *types.Info, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	_, isNil := info.Uses[id].(*types.Nil)
	return isNil
}

// call flags strings.Contains(err.Error(), "context canceled") and
// fmt.Errorf formatting ctx.Err() without %w.
func (c *checker) call(call *ast.CallExpr) {
	switch analysisutil.CalleeName(c.pass.TypesInfo, call) {
	case "strings.Contains", "strings.HasPrefix", "strings.HasSuffix", "strings.EqualFold":
		if len(call.Args) == 2 && c.stringMatch(call.Args[0], call.Args[1]) {
			c.pass.Report(analysis.Diagnostic{Pos: call.Pos(), End: call.End(),
				Message: "matching err.Error() against the text of a context error: wrapping and other messages make this fragile; use errors.Is(err, context.Canceled)"})
		}
	case "fmt.Errorf":
		if a := c.formatsCtxErr(call); a != nil {
			c.pass.Report(analysis.Diagnostic{Pos: call.Pos(), End: call.End(),
				Message: fmt.Sprintf("fmt.Errorf formats %s without %%w: the new error loses the identity of the context error, so callers' errors.Is(err, context.Canceled) fails; wrap it with %%w", c.render(a))})
		}
	}
}

// formatsCtxErr returns the ctx.Err() argument of a fmt.Errorf call e that
// has no %w verb, or nil.
func (c *checker) formatsCtxErr(e ast.Expr) ast.Expr {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) < 2 || analysisutil.CalleeName(c.pass.TypesInfo, call) != "fmt.Errorf" || strings.Contains(formatString(call), "%w") {
		return nil
	}
	for _, a := range call.Args[1:] {
		if c.isCtxErrSource(a) {
			return a
		}
	}
	return nil
}

// doneContext returns the context whose Done() comm receives, or nil.
func (c *checker) doneContext(comm ast.Stmt) ast.Expr {
	return c.doneCall(analysisutil.RecvChan(comm))
}

// doneCall returns X when e is X.Done() on a context.Context.
func (c *checker) doneCall(e ast.Expr) ast.Expr {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return nil
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Done" || !analysisutil.IsContextType(c.pass.TypesInfo.TypeOf(sel.X)) {
		return nil
	}
	return sel.X
}

// receivedParam reports whether ctx is a parameter of a function enclosing
// cur: a context the function received rather than created.
func (c *checker) receivedParam(cur inspector.Cursor, ctx ast.Expr) bool {
	id, ok := ast.Unparen(ctx).(*ast.Ident)
	if !ok {
		return false
	}
	obj := c.pass.TypesInfo.Uses[id]
	for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		ft, _ := analysisutil.FuncParts(f.Node())
		for _, fld := range ft.Params.List {
			for _, n := range fld.Names {
				if c.pass.TypesInfo.Defs[n] == obj {
					return true
				}
			}
		}
	}
	return false
}

// funcInfo describes the innermost function enclosing cur.
type funcInfo struct {
	sig      *types.Signature
	received bool // has a context.Context parameter
	owner    bool // creates a cancellable context itself, or is main
}

func (c *checker) funcAt(cur inspector.Cursor) funcInfo {
	fn := analysisutil.EnclosingFunc(cur)
	if !fn.Valid() {
		return funcInfo{}
	}
	var fi funcInfo
	switch f := fn.Node().(type) {
	case *ast.FuncDecl:
		if f.Name.Name == "main" && f.Recv == nil && c.pass.Pkg.Name() == "main" {
			fi.owner = true
		}
		if obj, ok := c.pass.TypesInfo.Defs[f.Name].(*types.Func); ok {
			fi.sig = obj.Signature()
		}
	case *ast.FuncLit:
		if tv, ok := c.pass.TypesInfo.Types[f]; ok {
			fi.sig, _ = tv.Type.(*types.Signature)
		}
	}
	if fi.sig == nil {
		return funcInfo{}
	}
	for v := range fi.sig.Params().Variables() {
		if analysisutil.IsContextType(v.Type()) {
			fi.received = true
		}
	}
	for call := range fn.Preorder((*ast.CallExpr)(nil)) {
		switch analysisutil.CalleeName(c.pass.TypesInfo, call.Node().(*ast.CallExpr)) {
		case "context.Background", "context.TODO", "context.WithoutCancel":
		default:
			if knowledge.ContextOwners[analysisutil.CalleeName(c.pass.TypesInfo, call.Node().(*ast.CallExpr))] {
				fi.owner = true
			}
		}
	}
	return fi
}

// returnsErr reports whether the function's last result is an error.
func (fi funcInfo) returnsErr() bool {
	if fi.sig == nil || fi.sig.Results().Len() == 0 {
		return false
	}
	return types.Identical(fi.sig.Results().At(fi.sig.Results().Len()-1).Type(), types.Universe.Lookup("error").Type())
}

// doneBranch checks the statements that run once ctx is done: a return of
// a nil error (success), or of a fresh error that loses ctx.Err()'s
// identity. It reports whether the branch maps the cancellation to a
// protocol response.
func (c *checker) doneBranch(cur inspector.Cursor, body []ast.Stmt, fi funcInfo, what string) {
	if !fi.returnsErr() || !fi.received || fi.owner {
		return
	}
	for _, st := range body {
		if c.responds(st) {
			return
		}
	}
	for _, st := range body {
		ast.Inspect(st, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				if len(n.Results) == 0 {
					return false
				}
				last := n.Results[len(n.Results)-1]
				if isNil(c.pass.TypesInfo, last) {
					c.pass.Report(analysis.Diagnostic{Pos: n.Pos(), End: n.End(),
						Message: fmt.Sprintf("%s returns a nil error when %s: the function received its context, so its caller takes the cancellation for success and carries on; return ctx.Err() (or wrap it with %%w)", c.funcName(cur), what)})
				} else if c.fresh(last) && c.formatsCtxErr(last) == nil {
					c.pass.Report(analysis.Diagnostic{Pos: last.Pos(), End: last.End(),
						Message: fmt.Sprintf("%s replaces the context error with a fresh error when %s: errors.Is(err, context.Canceled) fails for its callers; return ctx.Err() or wrap it with %%w", c.funcName(cur), what)})
				}
			}
			return true
		})
	}
}

func (c *checker) funcName(cur inspector.Cursor) string {
	if fn := analysisutil.EnclosingFunc(cur); !fn.Valid() {
		return "the function"
	} else if d, ok := fn.Node().(*ast.FuncDecl); ok {
		return d.Name.Name
	}
	return "the function literal"
}

// fresh reports whether e is errors.New(...) or fmt.Errorf without %w.
func (c *checker) fresh(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	switch analysisutil.CalleeName(c.pass.TypesInfo, call) {
	case "errors.New":
		return true
	case "fmt.Errorf":
		return !strings.Contains(formatString(call), "%w")
	}
	return false
}

// responds reports whether n writes a protocol response (HTTP status,
// gRPC status).
func (c *checker) responds(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && knowledge.ResponseWriters[analysisutil.CalleeName(c.pass.TypesInfo, call)] {
			found = true
		}
		return !found
	})
	return found
}

// doneClause checks `case <-ctx.Done():`.
func (c *checker) doneClause(cur inspector.Cursor, cc *ast.CommClause) {
	ctx := c.doneContext(cc.Comm)
	if ctx == nil {
		return
	}
	if c.receivedParam(cur, ctx) {
		c.doneBranch(cur, cc.Body, c.funcAt(cur), c.render(ctx)+" is done")
	}
	loop := c.loopOf(cur)
	if !loop.Valid() {
		return
	}
	sel, _ := cur.Parent().Parent().Node().(*ast.SelectStmt)
	if sel == nil {
		return
	}
	for _, st := range cc.Body {
		for b := range branches(st) {
			switch {
			case b.Tok == token.CONTINUE && (b.Label == nil || c.labels(loop, b.Label)):
				c.pass.Report(analysis.Diagnostic{Pos: b.Pos(), End: b.End(),
					Message: fmt.Sprintf("continue in case <-%s.Done() runs the loop again after the context is done, so the loop cannot stop; return (or break out of the loop with a label)", c.render(ctx))})
			case b.Tok == token.BREAK && b.Label == nil && !assigns(cc.Body) && !c.checksCtxOutside(loop, []*ast.SelectStmt{sel}):
				c.pass.Report(analysis.Diagnostic{Pos: b.Pos(), End: b.End(),
					Message: fmt.Sprintf("break in case <-%s.Done() leaves only the select, not the loop, so the loop cannot stop once the context is done; return, or use a labelled break", c.render(ctx))})
			}
		}
	}
}

// assigns reports whether the statements assign a variable: a break after
// that hands the state to code after the select, which may check it.
func assigns(body []ast.Stmt) bool {
	for _, st := range body {
		switch st.(type) {
		case *ast.AssignStmt, *ast.IncDecStmt:
			return true
		}
	}
	return false
}

// branches yields the break and continue statements of st that target the
// statement enclosing st (not nested loops, switches, selects or closures).
func branches(st ast.Stmt) func(func(*ast.BranchStmt) bool) {
	return func(yield func(*ast.BranchStmt) bool) {
		stop := false
		var walk func(n ast.Node, inBreakable, inLoop bool)
		walk = func(n ast.Node, inBreakable, inLoop bool) {
			ast.Inspect(n, func(m ast.Node) bool {
				if stop || m == nil {
					return false
				}
				switch m := m.(type) {
				case *ast.FuncLit:
					return false
				case *ast.ForStmt, *ast.RangeStmt:
					if m != n {
						walk(m, true, true)
						return false
					}
				case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
					if m != n {
						walk(m, true, inLoop)
						return false
					}
				case *ast.BranchStmt:
					if m.Label != nil || (m.Tok == token.BREAK && !inBreakable) || (m.Tok == token.CONTINUE && !inLoop) {
						if !yield(m) {
							stop = true
						}
					}
				}
				return true
			})
		}
		walk(st, false, false)
	}
}

// loopOf returns the loop whose iteration a select clause at cur belongs
// to: the select's nearest enclosing for/range in the same function.
func (c *checker) loopOf(cur inspector.Cursor) inspector.Cursor {
	for e := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch e.Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return e
		}
		return inspector.Cursor{}
	}
	return inspector.Cursor{}
}

func (c *checker) labels(loop inspector.Cursor, label *ast.Ident) bool {
	ls, ok := loop.Parent().Node().(*ast.LabeledStmt)
	return ok && ls.Label.Name == label.Name
}

// checksCtx reports whether the loop checks its context other than in the
// `except` node: ctx.Err(), context.Cause, a <-ctx.Done() receive, a call
// in the loop condition that takes a context, or an if on a context error
// that leaves the loop.
func (c *checker) checksCtx(loop inspector.Cursor, except ast.Node) bool {
	if fs, ok := loop.Node().(*ast.ForStmt); ok && fs.Cond != nil && c.mentionsCtx(fs.Cond) {
		return true
	}
	found := false
	for cur := range loop.Preorder((*ast.CallExpr)(nil), (*ast.IfStmt)(nil), (*ast.FuncLit)(nil)) {
		if found {
			break
		}
		switch n := cur.Node().(type) {
		case *ast.CallExpr:
			if c.isCtxErrSource(n) {
				found = true
			}
			if x := c.doneCall(n); x != nil {
				// <-ctx.Done() in a select, or a plain receive.
				found = true
			}
		case *ast.IfStmt:
			if n != except && c.sentinelCond(n.Cond) && leaves(n.Body) {
				found = true
			}
		}
	}
	return found
}

// mentionsCtx reports whether e uses a context value.
func (c *checker) mentionsCtx(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if x, ok := n.(ast.Expr); ok && analysisutil.IsContextType(c.pass.TypesInfo.TypeOf(x)) {
			found = true
		}
		return !found
	})
	return found
}

// sentinelCond reports whether e tests for a context error:
// errors.Is(err, context.X), err == context.X, ctx.Err() != nil, or an ||
// of these.
func (c *checker) sentinelCond(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.BinaryExpr:
		switch e.Op {
		case token.LOR:
			return c.sentinelCond(e.X) || c.sentinelCond(e.Y)
		case token.EQL, token.NEQ:
			return c.sentinel(e.X) != "" || c.sentinel(e.Y) != "" ||
				(e.Op == token.NEQ && (c.isCtxErrSource(e.X) && isNil(c.pass.TypesInfo, e.Y)))
		}
	case *ast.CallExpr:
		if analysisutil.CalleeName(c.pass.TypesInfo, e) == "errors.Is" && len(e.Args) == 2 {
			return c.sentinel(e.Args[1]) != ""
		}
	}
	return false
}

// leaves reports whether the block returns, panics, or leaves the loop.
func leaves(b *ast.BlockStmt) bool {
	found := false
	ast.Inspect(b, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			found = true
		case *ast.BranchStmt:
			if n.Tok == token.BREAK || n.Tok == token.GOTO {
				found = true
			}
		case *ast.CallExpr:
			if id, ok := n.Fun.(*ast.Ident); ok && id.Name == "panic" {
				found = true
			}
		}
		return !found
	})
	return found
}

// ifStmt checks `if errors.Is(err, context.Canceled) { return nil }` in a
// function that received its context.
func (c *checker) ifStmt(cur inspector.Cursor, s *ast.IfStmt) {
	if !c.sentinelCond(s.Cond) {
		return
	}
	c.doneBranch(cur, s.Body.List, c.funcAt(cur), "its context is done")
}

// forStmt checks loops that cannot stop once their context is done.
func (c *checker) forStmt(cur inspector.Cursor, s *ast.ForStmt) {
	if s.Cond != nil && c.mentionsCtx(s.Cond) {
		return
	}
	// Ctx-aware waits: selects with a <-ctx.Done() case directly in this loop.
	var waits []*ast.SelectStmt
	for sc := range cur.Preorder((*ast.SelectStmt)(nil)) {
		if l := c.loopOf(sc); !l.Valid() || l.Node() != s {
			continue
		}
		for _, cl := range sc.Node().(*ast.SelectStmt).Body.List {
			if c.doneContext(cl.(*ast.CommClause).Comm) != nil {
				waits = append(waits, sc.Node().(*ast.SelectStmt))
				break
			}
		}
	}
	otherCheck := c.checksCtxOutside(cur, waits)
	if otherCheck {
		return
	}
	if len(waits) > 0 {
		first := waits[0]
		for i, st := range s.Body.List {
			if st.Pos() >= first.Pos() {
				break
			}
			is, ok := st.(*ast.IfStmt)
			if !ok || is.Else != nil {
				continue
			}
			if id := errNotNil(is.Cond); !c.sentinelCond(is.Cond) && (id == nil || c.ctxCallBefore(s.Body.List[:i], is, id) == "") {
				continue
			}
			for b := range branches(is.Body) {
				if b.Tok == token.CONTINUE && (b.Label == nil || c.labels(cur, b.Label)) {
					c.pass.Report(analysis.Diagnostic{Pos: b.Pos(), End: b.End(),
						Message: "continue skips the select on ctx.Done(), the loop's only check of its context, so the loop cannot stop once the context is done; check ctx.Err() here or move the wait to the loop head"})
				}
			}
		}
		return
	}
	c.errLoop(cur, s.Body, s.Cond != nil)
}

// checksCtxOutside is checksCtx ignoring the selects in waits.
func (c *checker) checksCtxOutside(loop inspector.Cursor, waits []*ast.SelectStmt) bool {
	if fs, ok := loop.Node().(*ast.ForStmt); ok && fs.Cond != nil && c.mentionsCtx(fs.Cond) {
		return true
	}
	in := func(pos token.Pos) bool {
		for _, w := range waits {
			if w.Pos() <= pos && pos < w.End() {
				return true
			}
		}
		return false
	}
	for cur := range loop.Preorder((*ast.CallExpr)(nil), (*ast.IfStmt)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.CallExpr:
			if c.isCtxErrSource(n) || (c.doneCall(n) != nil && !in(n.Pos())) {
				return true
			}
		case *ast.IfStmt:
			if c.sentinelCond(n.Cond) && leaves(n.Body) {
				return true
			}
		}
	}
	return false
}

// errLoop flags, in a loop with no check of its context, an error from a
// context-aware call that is logged and followed by another iteration:
// once the context is done the call fails at once on every iteration.
func (c *checker) errLoop(loop inspector.Cursor, body *ast.BlockStmt, bounded bool) {
	for i, st := range body.List {
		is, ok := st.(*ast.IfStmt)
		if !ok {
			continue
		}
		errID := errNotNil(is.Cond)
		sentinel := c.sentinelCond(is.Cond)
		if errID == nil && !sentinel {
			continue
		}
		if leaves(is.Body) || is.Else != nil {
			continue
		}
		cont := endsInContinue(is.Body)
		if !cont && !bounded && errID == nil {
			continue
		}
		if bounded && !cont && !c.sleeps(loop) {
			continue
		}
		if !cont && !bounded && !c.hasCall(is.Body) {
			continue
		}
		var via string
		if errID != nil {
			via = c.ctxCallBefore(body.List[:i], is, errID)
			if via == "" {
				continue
			}
		} else {
			via = "the context"
		}
		what := "the loop logs the error and continues"
		if sentinel {
			what = "the loop continues on a context error"
		}
		why := "so once the context is done it spins on the same error and cannot stop"
		if bounded {
			why = "so it retries cancellation as if it were a transient failure"
		}
		c.pass.Report(analysis.Diagnostic{Pos: is.Pos(), End: is.Body.Lbrace + 1,
			Message: fmt.Sprintf("%s from %s and never checks its context, %s; return when errors.Is(err, context.Canceled) or ctx.Err() != nil", what, via, why)})
	}
}

func (c *checker) hasCall(b *ast.BlockStmt) bool {
	found := false
	ast.Inspect(b, func(n ast.Node) bool {
		_, ok := n.(*ast.CallExpr)
		found = found || ok
		return !found
	})
	return found
}

func (c *checker) sleeps(loop inspector.Cursor) bool {
	for cur := range loop.Preorder((*ast.CallExpr)(nil)) {
		switch analysisutil.CalleeName(c.pass.TypesInfo, cur.Node().(*ast.CallExpr)) {
		case "time.Sleep", "time.After":
			return true
		}
	}
	return false
}

func errNotNil(e ast.Expr) *ast.Ident {
	b, ok := ast.Unparen(e).(*ast.BinaryExpr)
	if !ok || b.Op != token.NEQ {
		return nil
	}
	id, ok := ast.Unparen(b.X).(*ast.Ident)
	if y, ok2 := ast.Unparen(b.Y).(*ast.Ident); !ok || !ok2 || y.Name != "nil" {
		return nil
	}
	return id
}

func endsInContinue(b *ast.BlockStmt) bool {
	if len(b.List) == 0 {
		return false
	}
	br, ok := b.List[len(b.List)-1].(*ast.BranchStmt)
	return ok && br.Tok == token.CONTINUE && br.Label == nil
}

// ctxCallBefore returns the name of the context-aware call that assigned
// errID (in the if's init or the statements before it), or "".
func (c *checker) ctxCallBefore(before []ast.Stmt, is *ast.IfStmt, errID *ast.Ident) string {
	obj := c.pass.TypesInfo.ObjectOf(errID)
	stmts := append([]ast.Stmt{}, before...)
	if is.Init != nil {
		stmts = append(stmts, is.Init)
	}
	for j := len(stmts) - 1; j >= 0; j-- {
		as, ok := stmts[j].(*ast.AssignStmt)
		if !ok {
			continue
		}
		assigns := false
		for _, l := range as.Lhs {
			if id, ok := l.(*ast.Ident); ok && c.pass.TypesInfo.ObjectOf(id) == obj {
				assigns = true
			}
		}
		if !assigns {
			continue
		}
		name := ""
		for _, r := range as.Rhs {
			ast.Inspect(r, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok || name != "" {
					return name == ""
				}
				if s := c.ctxCall(call); s != "" {
					name = s
				}
				return name == ""
			})
		}
		return name
	}
	return ""
}

// ctxCall names call when it returns its context's error once the context
// is done: it takes a context argument, or its callee's summary says so.
func (c *checker) ctxCall(call *ast.CallExpr) string {
	fn := analysisutil.Callee(c.pass.TypesInfo, call)
	if fn == nil {
		return ""
	}
	if d := c.rp.Graph.Funcs[fn]; d != nil {
		if ch := c.chains[d]; ch != nil {
			return ch.Prepend(analysisutil.ShortName(fn)).String()
		}
	} else {
		var f ctxErrFact
		if c.pass.ImportObjectFact(fn, &f) {
			return f.Chain.Prepend(analysisutil.ShortName(fn)).String()
		}
	}
	for _, a := range call.Args {
		if analysisutil.IsContextType(c.pass.TypesInfo.TypeOf(a)) {
			return analysisutil.ShortName(fn)
		}
	}
	return ""
}

// rangeStmt flags `for range ticker.C` with no check of the context in a
// function that has one.
func (c *checker) rangeStmt(cur inspector.Cursor, s *ast.RangeStmt) {
	if !c.isTick(s.X) || c.checksCtx(cur, nil) {
		return
	}
	if !c.hasCtx(cur) {
		return
	}
	c.pass.Report(analysis.Diagnostic{Pos: s.Pos(), End: s.Body.Lbrace,
		Message: fmt.Sprintf("for range %s never checks the context, so this loop cannot stop once the context is done (a ticker channel is never closed); use for { select { case <-ctx.Done(): return; case <-%s: ... } }", c.render(s.X), c.render(s.X))})
}

// isTick reports whether e is the channel of a *time.Ticker or time.Tick.
func (c *checker) isTick(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		return e.Sel.Name == "C" && analysisutil.IsNamedType(c.pass.TypesInfo.TypeOf(e.X), "time", "Ticker")
	case *ast.CallExpr:
		return analysisutil.CalleeName(c.pass.TypesInfo, e) == "time.Tick"
	}
	return false
}

// hasCtx reports whether the function enclosing cur has a context: a
// context parameter or a context variable used in the loop.
func (c *checker) hasCtx(cur inspector.Cursor) bool {
	if c.funcAt(cur).received {
		return true
	}
	for id := range cur.Preorder((*ast.Ident)(nil)) {
		if analysisutil.IsContextType(c.pass.TypesInfo.TypeOf(id.Node().(*ast.Ident))) {
			return true
		}
	}
	return false
}
