package requestpool

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
	"github.com/lifelint/lifelint/analyzers/internal/requestpath"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// Pools handed out in a value that cannot release them (issue 15 item 6):
// a function that is not startup code creates a pool and returns only a
// closure that uses it, or a struct of this package that keeps it in an
// unexported field and has no Close-like method. Every call creates a pool
// that nobody can close. The rule follows the pool by its local variable
// and stays silent on any use it does not understand: a pool passed to a
// call, stored in a field or package variable, returned itself, or
// released (db.Close(), a method value db.Close) is someone else's concern.

// reportHandouts reports, once per function, the first direct creation
// site whose pool only such a value holds.
func reportHandouts(pass *analysis.Pass, rp *requestpath.Info, gd *guards, root inspector.Cursor, sites []site) {
	h := &handout{rp: rp, gd: gd, info: pass.TypesInfo, pkg: pass.Pkg, root: root}
	done := map[*ast.FuncDecl]bool{}
	for _, s := range sites {
		d := s.decl
		// A site on a request path is the request-path rule's: a helper
		// that only a request path calls is reported at that call.
		if d == nil || done[d] || s.guard || s.racy || s.inGo || rp.At(s.cur) != nil ||
			!analysisutil.DirectlyIn(s.cur, d) || rp.Graph.Generated(d.Pos()) {
			continue
		}
		// Startup code creates its pools once; a factory by behaviour
		// (it returns the pool) is startup code only for its callers.
		if rp.IsStartup(d) && !rp.IsFactory(d) || !h.perCall(d) {
			continue
		}
		var dc inspector.Cursor
		for c := range s.cur.Enclosing((*ast.FuncDecl)(nil)) {
			dc = c
		}
		value, fix := h.holder(s.cur, dc)
		if value.what == "" {
			continue
		}
		done[d] = true
		fn := pass.TypesInfo.Defs[d.Name].(*types.Func)
		pass.ReportRangef(s.cur.Node(), "%s creates %s that %s returned by %s cannot release%s: one unreleasable pool per call leaks connections; %s, or create it once at startup and inject it",
			s.ctor, article(s.what), value.what, analysisutil.ShortName(fn), value.note, fix)
	}
}

// value is the value that holds a pool: "the closure", "the *lookup",
// with a note on why it cannot release it.
type value struct{ what, note string }

// perCall reports whether d may run more than once per process, as far
// as the package shows: it is not taken as a value (handed to
// sync.OnceValue, registered as a provider or plugin constructor), and
// some call of it is neither startup code nor guarded by a sync.Once or a
// get-or-create cache.
func (h *handout) perCall(d *ast.FuncDecl) bool {
	rp := h.rp
	if !rp.Graph.OnlyCalled(d) {
		return false
	}
	calls := rp.Graph.Callers(d)
	for _, c := range calls {
		if !rp.StartupCall(c) && !h.gd.guarded(c.Cursor) {
			return true
		}
	}
	return len(calls) == 0
}

type handout struct {
	rp   *requestpath.Info
	gd   *guards
	info *types.Info
	pkg  *types.Package
	root inspector.Cursor
	// kept holds, once computed, every struct field of the package that
	// only ever receives method calls that do not release it.
	kept map[*types.Var]bool
}

// holder follows the pool created at cur in the function declared at dc.
// It returns the value that alone holds the pool and is returned, with
// the fix, or a zero value when the pool is released, handed on, or used
// in a way the rule does not follow.
func (h *handout) holder(cur, dc inspector.Cursor) (v value, fix string) {
	e := outer(cur)
	switch k, _ := e.ParentEdge(); k {
	case edge.KeyValueExpr_Value, edge.CompositeLit_Elts:
		return h.structHolder(e, dc)
	}
	pool := h.assigned(e, dc)
	if pool == nil {
		return value{}, ""
	}
	// held is the one closure that holds the pool, or its one use as a field
	// value of a composite literal.
	var held inspector.Cursor
	for u := range dc.Preorder((*ast.Ident)(nil)) {
		if h.info.Uses[u.Node().(*ast.Ident)] != pool || e.Parent().Contains(u) {
			continue // not the pool, or the creation's own assignment (db, err = sql.Open(...))
		}
		lit := inspector.Cursor{}
		for f := range u.Enclosing((*ast.FuncLit)(nil)) {
			lit = f // the outermost literal of d
		}
		switch {
		case lit.Valid():
			if !h.inert(u) || held.Valid() && held != lit {
				return value{}, ""
			}
			held = lit
		case h.inert(u):
		default:
			// A field value of a composite literal: the literal holds the pool.
			k, _ := u.ParentEdge()
			if k != edge.KeyValueExpr_Value && k != edge.CompositeLit_Elts || held.Valid() {
				return value{}, ""
			}
			held = u
		}
	}
	if !held.Valid() {
		return value{}, "" // used and dropped, or only released: not a handout
	}
	if lit, ok := held.Node().(*ast.FuncLit); ok {
		// A returned handler or per-operation closure makes d a handler
		// constructor: setup code, outside the closure it returns.
		if h.rp.Func(lit) != nil || !h.returned(outer(held), dc) {
			return value{}, ""
		}
		return value{what: "the closure"}, "return the pool (or a func that closes it) beside the closure"
	}
	return h.structHolder(held, dc)
}

// structHolder judges the pool at e, the value of a field in a composite
// literal: the literal must be returned and build a struct of this package
// whose field is unexported, not embedded, only used by method calls that
// do not release it, and whose type has no release method.
func (h *handout) structHolder(e, dc inspector.Cursor) (v value, fix string) {
	var field *types.Var
	litCur := e.Parent()
	if kv, ok := litCur.Node().(*ast.KeyValueExpr); ok {
		id, _ := kv.Key.(*ast.Ident)
		field, _ = h.info.Uses[id].(*types.Var)
		litCur = litCur.Parent()
	}
	lit, ok := litCur.Node().(*ast.CompositeLit)
	if !ok {
		return value{}, ""
	}
	named, _ := types.Unalias(h.info.TypeOf(lit)).(*types.Named)
	if named == nil || named.Obj().Pkg() != h.pkg {
		return value{}, ""
	}
	st, ok := named.Underlying().(*types.Struct)
	if !ok {
		return value{}, ""
	}
	if field == nil {
		if _, i := e.ParentEdge(); i >= 0 && i < st.NumFields() {
			field = st.Field(i)
		}
	}
	if field == nil || field.Exported() || field.Embedded() || !h.fieldKept(field.Origin()) {
		return value{}, ""
	}
	// A type with a release method can release the pool; a handler or
	// gRPC service type is built once, by setup code, to be registered.
	ms := types.NewMethodSet(types.NewPointer(named))
	for i := range ms.Len() {
		fn := ms.At(i).Obj().(*types.Func)
		if knowledge.ReleaseMethods[fn.Name()] {
			return value{}, ""
		}
		if md := h.rp.Graph.Funcs[fn.Origin()]; md != nil {
			if r := h.rp.Func(md); r != nil && (r.Kind == requestpath.Handler || r.Kind == requestpath.GRPCMethod) {
				return value{}, ""
			}
		}
	}
	holder := outer(litCur)
	if !h.returned(holder, dc) {
		return value{}, ""
	}
	name := named.Obj().Name()
	v = value{what: "the " + name, note: " (" + name + " has no Close method)"}
	if _, addr := holder.Node().(*ast.UnaryExpr); addr {
		v.what = "the *" + name
	}
	return v, "give " + name + " a Close method that closes it"
}

// returned reports whether the value at cur (a closure or composite
// literal) leaves the function declared at dc only by its returns: it is a
// result of a return of that function, or the value of a local variable
// that is returned and otherwise only read through fields and methods.
func (h *handout) returned(cur, dc inspector.Cursor) bool {
	if k, _ := cur.ParentEdge(); k == edge.ReturnStmt_Results {
		return analysisutil.EnclosingFunc(cur.Parent()) == dc
	}
	v := h.assigned(cur, dc)
	if v == nil {
		return false
	}
	ret := false
	for u := range dc.Preorder((*ast.Ident)(nil)) {
		if h.info.Uses[u.Node().(*ast.Ident)] != v {
			continue
		}
		if analysisutil.EnclosingFunc(u) != dc {
			return false // captured by a literal
		}
		switch k, _ := u.ParentEdge(); k {
		case edge.ReturnStmt_Results:
			ret = true
		case edge.SelectorExpr_X: // x.f, x.m(): reads and calls of its own
		default:
			return false
		}
	}
	return ret
}

// assigned returns the local variable of the function at dc that the
// value at e (a whole right-hand side) is assigned to, or nil. Named
// results are handed out by a bare return and do not count.
func (h *handout) assigned(e, dc inspector.Cursor) *types.Var {
	var lhs ast.Expr
	switch k, i := e.ParentEdge(); k {
	case edge.AssignStmt_Rhs:
		as := e.Parent().Node().(*ast.AssignStmt)
		switch {
		case len(as.Rhs) == len(as.Lhs):
			lhs = as.Lhs[i]
		case len(as.Rhs) == 1:
			lhs = as.Lhs[0] // v, err := ctor(...)
		}
	case edge.ValueSpec_Values:
		vs := e.Parent().Node().(*ast.ValueSpec)
		if len(vs.Values) == len(vs.Names) {
			lhs = vs.Names[i]
		} else if len(vs.Values) == 1 {
			lhs = vs.Names[0]
		}
	}
	id, ok := lhs.(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := h.info.ObjectOf(id).(*types.Var)
	d := dc.Node().(*ast.FuncDecl)
	if v == nil || v.Pos() < d.Body.Pos() || v.Pos() > d.Body.End() {
		return nil // a package variable, a parameter or a named result
	}
	return v
}

// inert reports whether the use of a pool at cur (an identifier or field
// selector) neither releases nor hands it on: a call of one of its methods
// other than a release method, a read of one of its fields, a comparison.
func (h *handout) inert(cur inspector.Cursor) bool {
	switch k, _ := cur.ParentEdge(); k {
	case edge.BinaryExpr_X, edge.BinaryExpr_Y:
		op := cur.Parent().Node().(*ast.BinaryExpr).Op
		return op == token.EQL || op == token.NEQ
	case edge.SelectorExpr_X:
		sel := h.info.Selections[cur.Parent().Node().(*ast.SelectorExpr)]
		if sel == nil {
			return false
		}
		switch sel.Kind() {
		case types.FieldVal:
			return true
		case types.MethodVal:
			k, _ := cur.Parent().ParentEdge()
			return k == edge.CallExpr_Fun && !knowledge.ReleaseMethods[sel.Obj().Name()]
		}
	}
	return false
}

// fieldKept reports whether every use of field f in the package is inert:
// no method of any type releases or hands out the pool it holds.
func (h *handout) fieldKept(f *types.Var) bool {
	if h.kept == nil {
		h.kept = map[*types.Var]bool{}
		bad := map[*types.Var]bool{}
		for c := range h.root.Preorder((*ast.SelectorExpr)(nil)) {
			sel := h.info.Selections[c.Node().(*ast.SelectorExpr)]
			if sel == nil || sel.Kind() != types.FieldVal {
				continue
			}
			v := sel.Obj().(*types.Var).Origin() // one field for every instance of a generic type
			if !h.inert(c) {
				bad[v] = true
			}
			h.kept[v] = !bad[v]
		}
	}
	ok, seen := h.kept[f]
	return ok || !seen
}

// outer climbs from the expression at cur through parentheses and the
// address operator: &Lookup{...} holds what Lookup{...} holds.
func outer(cur inspector.Cursor) inspector.Cursor {
	for {
		switch n := cur.Parent().Node().(type) {
		case *ast.ParenExpr:
		case *ast.UnaryExpr:
			if n.Op != token.AND {
				return cur
			}
		default:
			return cur
		}
		cur = cur.Parent()
	}
}
