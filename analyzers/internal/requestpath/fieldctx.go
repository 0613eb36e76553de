package requestpath

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
)

// A long-lived type (a worker, a connection, a session) often keeps the
// context it runs under in a field and stops when it is done:
//
//	type Worker struct{ ctx context.Context; db *sql.DB }
//	func (w *Worker) Run() { for { select { case <-w.ctx.Done(): return; case <-t.C: w.flush() } } }
//
// Code on a per-message or per-tick loop of such a type has that context
// in scope although no parameter carries it (issue 15 item 5a).

// doneFields returns the struct fields of type context.Context whose Done
// channel is received from somewhere in the package (<-x.f.Done(), as a
// statement, an expression or a select case), by their origin. A context
// field that nothing waits on may be a stored value of any lifetime (a
// parent for children, a request's values), so it is not taken as the
// type's own. A wait in a test file is no evidence: tests wait on
// anything.
func doneFields(info *types.Info, g *Graph, root inspector.Cursor) map[*types.Var]bool {
	out := map[*types.Var]bool{}
	for cur := range root.Preorder((*ast.UnaryExpr)(nil)) {
		u := cur.Node().(*ast.UnaryExpr)
		if g.InTest(u.Pos()) {
			continue
		}
		call, ok := ast.Unparen(u.X).(*ast.CallExpr)
		if u.Op != token.ARROW || !ok || !knowledge.DoneChannels[analysisutil.CalleeName(info, call)] {
			continue
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			continue
		}
		field, ok := ast.Unparen(sel.X).(*ast.SelectorExpr)
		if !ok {
			continue
		}
		if s := info.Selections[field]; s != nil && s.Kind() == types.FieldVal {
			if v, ok := s.Obj().(*types.Var); ok && analysisutil.IsContextType(v.Type()) {
				out[v.Origin()] = true
			}
		}
	}
	return out
}

// FieldContext returns recv.f, valid at cur, when the request's context at
// cur is a context field f of the receiver of the enclosing method: no
// parameter of the enclosing functions carries a context (RequestContext
// prefers those), the receiver's type has exactly one context.Context
// field among doneFields, the receiver is not shadowed at cur, and the
// request path at cur starts at a per-message or per-tick loop in a method
// of the same type with no context parameter in scope, which the field is
// the context of. On any other request path (a handler, a per-operation
// function, a loop that has a context parameter) the field is the
// lifetime of the type, not that of the request, and is not offered.
func (in *Info) FieldContext(cur inspector.Cursor) (string, bool) {
	if _, ok := in.paramContext(cur); ok {
		return "", false
	}
	return in.fieldContext(cur)
}

// fieldContext is FieldContext without the look at the parameters.
func (in *Info) fieldContext(cur inspector.Cursor) (string, bool) {
	if len(in.doneVars) == 0 {
		return "", false
	}
	decl := analysisutil.EnclosingDecl(cur)
	if decl == nil || decl.Recv == nil || len(decl.Recv.List) != 1 || len(decl.Recv.List[0].Names) != 1 {
		return "", false
	}
	recv := decl.Recv.List[0].Names[0]
	obj := in.pass.TypesInfo.Defs[recv]
	if obj == nil || recv.Name == "_" {
		return "", false
	}
	pos := cur.Node().Pos()
	scope := in.pass.Pkg.Scope().Innermost(pos)
	if scope == nil {
		return "", false
	}
	if _, o := scope.LookupParent(recv.Name, pos); o != obj {
		return "", false // the receiver is shadowed at cur
	}
	named := recvNamed(obj.Type())
	if named == nil {
		return "", false
	}
	field := in.contextField(named)
	if field == "" {
		return "", false
	}
	r := in.At(cur)
	if r == nil {
		return "", false
	}
	if !in.ownLoop(r.Root(), named) {
		return "", false
	}
	return recv.Name + "." + field, true
}

// contextField returns the name of the only field of named's struct that
// is in doneFields, or "".
func (in *Info) contextField(named *types.Named) string {
	st, ok := named.Underlying().(*types.Struct)
	if !ok {
		return ""
	}
	name := ""
	for f := range st.Fields() {
		if in.doneVars[f.Origin()] {
			if name != "" {
				return "" // two candidates: which one is the request's is a guess
			}
			name = f.Name()
		}
	}
	return name
}

// ownLoop reports whether r is a per-message or per-tick loop in a method
// of named (or a function literal in one) with no context parameter in
// scope at the loop.
func (in *Info) ownLoop(r *Reason, named *types.Named) bool {
	if !r.loop() {
		return false
	}
	loop, ok := in.root.FindByPos(r.Pos, r.Pos)
	if !ok {
		return false
	}
	if _, ok := in.paramContext(loop); ok {
		return false
	}
	d := analysisutil.EnclosingDecl(loop)
	if d == nil || d.Recv == nil {
		return false
	}
	fn, _ := in.pass.TypesInfo.Defs[d.Name].(*types.Func)
	return fn != nil && recvNamed(fn.Signature().Recv().Type()) == named
}

// recvNamed returns the generic origin of the named type of a receiver (T
// or *T), or nil.
func recvNamed(t types.Type) *types.Named {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return nil
	}
	return n.Origin()
}
