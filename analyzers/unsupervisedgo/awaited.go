package unsupervisedgo

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"golang.org/x/tools/go/cfg"
)

// Futures behind methods: a goroutine that completes, on every path, a
// value whose type lets callers wait for it (a setter that closes a
// channel field of the receiver, a getter that receives from it) is
// owned by whoever awaits the value, when its launcher returns it,
// stores it where its callers reach it, or awaits it itself.

// completesFact marks a method that, on every path that returns, closes
// the channel field Field of its receiver, which the type's method Getter
// receives from: calling it completes a future that Getter awaits.
type completesFact struct {
	Field, Getter string
	Module        string
}

func (*completesFact) AFact() {}
func (f *completesFact) String() string {
	return fmt.Sprintf("completes its receiver: closes %s, which %s waits on", f.Field, f.Getter)
}

// completer returns what the method fn completes, if it is a setter of
// a future (see completesFact).
func (c *checker) completer(fn *types.Func) (completesFact, bool) {
	fn = fn.Origin()
	if fn.Pkg() != c.pass.Pkg {
		var f completesFact
		if fn.Pkg() != nil && c.pass.ImportObjectFact(fn, &f) && c.sameModule(f.Module) {
			return f, true
		}
		return completesFact{}, false
	}
	if c.setters == nil {
		c.setters = map[*types.Func]*completesFact{}
	}
	if f, ok := c.setters[fn]; ok {
		return derefFact(f)
	}
	c.setters[fn] = nil
	f := c.localCompleter(fn)
	c.setters[fn] = f
	return derefFact(f)
}

func derefFact(f *completesFact) (completesFact, bool) {
	if f == nil {
		return completesFact{}, false
	}
	return *f, true
}

// localCompleter decides completesFact for a method of this package.
func (c *checker) localCompleter(fn *types.Func) *completesFact {
	d := c.rp.Graph.Funcs[fn]
	recv := recvVar(c.info, d)
	if recv == nil || d.Body == nil {
		return nil
	}
	named := recvNamed(recv.Type())
	if named == nil {
		return nil
	}
	seen := map[*types.Var]bool{}
	for _, st := range d.Body.List {
		var field *types.Var
		ast.Inspect(st, func(n ast.Node) bool {
			if _, ok := n.(*ast.FuncLit); ok || field != nil {
				return false
			}
			if f := c.closedField(n, recv); f != nil && !seen[f] {
				field = f
			}
			return field == nil
		})
		if field == nil {
			continue
		}
		seen[field] = true
		if !c.everyPath(d.Body, func(n ast.Node) bool { return c.closesField(n, recv, field) }) {
			continue
		}
		if getter := c.awaiter(named, fn, field); getter != "" {
			return &completesFact{Field: field.Name(), Getter: getter, Module: c.module()}
		}
	}
	return nil
}

// closedField returns the channel field of recv that n closes
// (close(recv.f)), if any.
func (c *checker) closedField(n ast.Node, recv *types.Var) *types.Var {
	call, ok := n.(*ast.CallExpr)
	if !ok || !isBuiltin(c.info, call.Fun, "close") || len(call.Args) != 1 {
		return nil
	}
	sel, ok := ast.Unparen(call.Args[0]).(*ast.SelectorExpr)
	if !ok || c.keyOf(sel.X) != recv.Origin() {
		return nil
	}
	if f := c.keyOf(sel); f != nil && f.IsField() {
		return f
	}
	return nil
}

// closesField reports whether the CFG node n closes recv.field in the
// method's own goroutine.
func (c *checker) closesField(n ast.Node, recv, field *types.Var) bool {
	found := false
	ast.Inspect(n, func(x ast.Node) bool {
		if _, ok := x.(*ast.FuncLit); ok || found {
			return false
		}
		if c.closedField(x, recv) == field {
			found = true
		}
		return !found
	})
	return found
}

// awaiter returns the name of a method of named, other than set, that
// waits once for the receiver's field to be closed and then hands the
// caller something: it takes the caller's context or has results, and
// its receive is outside any loop (a loop that receives is the type's
// worker waiting for a stop signal, not a getter).
func (c *checker) awaiter(named *types.Named, set *types.Func, field *types.Var) string {
	for m := range named.Origin().Methods() {
		if m == set {
			continue
		}
		d := c.rp.Graph.Funcs[m.Origin()]
		recv := recvVar(c.info, d)
		if recv == nil || d.Body == nil || !awaitShaped(c.info, d) {
			continue
		}
		found := false
		ast.Inspect(d.Body, func(n ast.Node) bool {
			switch n.(type) {
			case *ast.FuncLit, *ast.ForStmt, *ast.RangeStmt:
				return false
			}
			if found {
				return false
			}
			if u, ok := n.(*ast.UnaryExpr); ok && u.Op == token.ARROW {
				if sel, ok := ast.Unparen(u.X).(*ast.SelectorExpr); ok && c.keyOf(sel.X) == recv.Origin() && c.keyOf(sel) == field {
					found = true
				}
			}
			return !found
		})
		if found {
			return m.Name()
		}
	}
	return ""
}

// awaitShaped reports whether d takes a context or returns results.
func awaitShaped(info *types.Info, d *ast.FuncDecl) bool {
	fn, ok := info.Defs[d.Name].(*types.Func)
	if !ok {
		return false
	}
	sig := fn.Type().(*types.Signature)
	if sig.Results().Len() > 0 {
		return true
	}
	for i := 0; i < sig.Params().Len(); i++ {
		if analysisutil.IsContextType(sig.Params().At(i).Type()) {
			return true
		}
	}
	return false
}

func recvVar(info *types.Info, d *ast.FuncDecl) *types.Var {
	if d == nil || d.Recv == nil || len(d.Recv.List) != 1 || len(d.Recv.List[0].Names) != 1 {
		return nil
	}
	v, _ := info.Defs[d.Recv.List[0].Names[0]].(*types.Var)
	return v
}

func recvNamed(t types.Type) *types.Named {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}

// exportCompleters exports completesFact for the exported setters of
// futures of the package.
func (c *checker) exportCompleters() {
	for _, d := range c.rp.Graph.Decls {
		if d.Recv == nil || !d.Name.IsExported() {
			continue
		}
		fn, ok := c.info.Defs[d.Name].(*types.Func)
		if !ok {
			continue
		}
		if f, ok := c.completer(fn); ok {
			c.pass.ExportObjectFact(fn.Origin(), &f)
		}
	}
}

// completesAwaited reports whether g completes, on every path, a future
// (a value with a completer method) that its launcher hands to its
// callers or awaits itself.
func (c *checker) completesAwaited(g *goroutine) bool {
	if g.decl == nil || g.spawn || g.body == nil {
		return false
	}
	_, body := analysisutil.FuncParts(g.body)
	launcher := enclosingFunc(g.cur)
	if body == nil || launcher == nil {
		return false
	}
	tried := map[*types.Var]bool{}
	for _, st := range body.List {
		for key, getter := range c.completions(st, g.subst) {
			if tried[key] {
				continue
			}
			tried[key] = true
			if key.IsField() || key.Parent() == c.pass.Pkg.Scope() || c.isParam(key) ||
				key.Pos() < launcher.Pos() || key.Pos() >= launcher.End() {
				continue // not the launcher's own value
			}
			every := c.everyPath(body, func(n ast.Node) bool {
				_, ok := c.completions(n, g.subst)[key]
				return ok
			})
			if every && c.handedOut(key, getter, g, launcher) {
				return true
			}
		}
	}
	return false
}

// completions returns the values that node n completes (x.Set(...) with
// Set a completer), keyed as the launcher sees them, with their getters.
// Literals called in place (defer func() { ... }()) count; goroutines
// and literals handed on do not.
func (c *checker) completions(n ast.Node, subst map[*types.Var]ast.Expr) map[*types.Var]string {
	var out map[*types.Var]string
	var visit func(x ast.Node) bool
	visit = func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.GoStmt, *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if lit, ok := ast.Unparen(x.Fun).(*ast.FuncLit); ok {
				ast.Inspect(lit.Body, visit)
				return true
			}
			sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr)
			if !ok {
				return true
			}
			fn := analysisutil.Callee(c.info, x)
			if fn == nil {
				return true
			}
			f, ok := c.completer(fn)
			if !ok {
				return true
			}
			key := c.keyOf(sel.X)
			if a, ok := subst[key]; ok && key != nil {
				key = c.keyOf(a)
			}
			if key != nil {
				if out == nil {
					out = map[*types.Var]string{}
				}
				out[key] = f.Getter
			}
		}
		return true
	}
	ast.Inspect(n, visit)
	return out
}

// handedOut reports whether the launcher returns the local key, stores
// it where its callers reach it (a field or element of a parameter, the
// receiver or a package variable), or calls its getter itself.
func (c *checker) handedOut(key *types.Var, getter string, g *goroutine, launcher ast.Node) bool {
	root, ok := analysisutil.Find(c.insp, launcher)
	if !ok {
		return false
	}
	gs := g.cur.Node()
	for cur := range root.Preorder((*ast.Ident)(nil)) {
		id := cur.Node().(*ast.Ident)
		if c.info.Uses[id] != key || (gs.Pos() <= id.Pos() && id.Pos() < gs.End()) {
			continue
		}
		if returnedBy(c.info, cur, launcher) {
			return true
		}
		switch p := cur.Parent().Node().(type) {
		case *ast.AssignStmt:
			for i, r := range p.Rhs {
				if r == ast.Expr(id) && len(p.Lhs) == len(p.Rhs) && c.reachedByCallers(p.Lhs[i]) {
					return true
				}
			}
		case *ast.SelectorExpr:
			if call, ok := cur.Parent().Parent().Node().(*ast.CallExpr); ok && call.Fun == p && p.Sel.Name == getter &&
				enclosingFunc(cur) == launcher {
				return true
			}
		}
	}
	return false
}

// reachedByCallers reports whether the assignment target lhs lives in a
// value the launcher's callers reach: a field or element, through any
// depth, of a parameter, the receiver or a package variable.
func (c *checker) reachedByCallers(lhs ast.Expr) bool {
	x, deep := lhs, false
	for {
		switch e := ast.Unparen(x).(type) {
		case *ast.IndexExpr:
			x, deep = e.X, true
			continue
		case *ast.StarExpr:
			x, deep = e.X, true
			continue
		case *ast.SelectorExpr:
			if sel := c.info.Selections[e]; sel != nil && sel.Kind() == types.FieldVal {
				x, deep = e.X, true
				continue
			}
			v, ok := c.info.Uses[e.Sel].(*types.Var)
			return ok && v.Parent() == v.Pkg().Scope()
		case *ast.Ident:
			v, ok := c.info.Uses[e].(*types.Var)
			if !ok {
				return false
			}
			if v.Parent() == c.pass.Pkg.Scope() {
				return true
			}
			return deep && c.isParam(v)
		}
		return false
	}
}

// everyPath reports whether every path through body that returns passes
// a node for which kills holds. Paths that end in panic or another call
// that does not return do not count.
func (c *checker) everyPath(body *ast.BlockStmt, kills func(ast.Node) bool) bool {
	g := cfg.New(body, c.mayReturn)
	if len(g.Blocks) == 0 {
		return false
	}
	seen := map[*cfg.Block]bool{g.Blocks[0]: true}
	_, escapes := c.exitWithout(g.Blocks[0], 0, kills, seen)
	return !escapes
}
