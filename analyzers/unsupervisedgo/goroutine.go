package unsupervisedgo

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
	"golang.org/x/tools/go/ast/inspector"
)

// goroutine is one go statement or one tracked spawn call (wg.Go, g.Go).
type goroutine struct {
	cur   inspector.Cursor // the *ast.GoStmt, or the spawn *ast.CallExpr
	decl  *ast.FuncDecl    // enclosing declaration, nil at package level
	spawn bool             // a tracked spawn call, not a go statement

	// body is what runs in the goroutine when the pass can see it: the
	// *ast.FuncLit, or the *ast.FuncDecl of a function of this package.
	body  ast.Node
	subst map[*types.Var]ast.Expr // body parameters -> arguments at the go statement

	// own holds the functions (literals, declarations) whose code g runs
	// itself; see walkOwn.
	own      map[ast.Node]bool
	outside  map[*ast.FuncDecl]bool // cache of calledOutside
	evidence []evidence
	// tracker is the first Done evidence (or tracker argument): the
	// goroutine is meant to be joined by tracker.Wait.
	tracker *evidence
	// joined: some tracker or channel of the goroutine is waited for.
	joined bool
	// noWait: the tracker's join is only in these unreachable functions.
	noWaitIn *ast.FuncDecl
}

type evKind int

const (
	evDone    evKind = iota + 1 // tracker.Done() in the body
	evTracker                   // a tracker handed to a function we cannot see
	evSend                      // ch <- v in the body
	evClose                     // close(ch) in the body
	evRecv                      // <-ch in the body
)

type evidence struct {
	kind  evKind
	expr  ast.Expr   // the tracker or channel, as written at the go statement's side
	key   *types.Var // resolved through subst
	node  ast.Node   // the call, send or receive in the body
	cur   inspector.Cursor
	guard bool // a send in a select that has other cases
}

func (c *checker) analyseGo(g *goroutine) {
	call := g.cur.Node().(*ast.GoStmt).Call
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.FuncLit:
		g.body = fun
		c.byNode[fun] = g
		g.subst = c.bind(fun.Type, call.Args)
	default:
		if lit := c.localClosure(call); lit != nil {
			// go f(x), f := func(...) { defer wg.Done(); ... }
			g.body = lit
			g.subst = c.bind(lit.Type, call.Args)
		} else if fn := analysisutil.Callee(c.info, call); fn != nil {
			if d := c.rp.Graph.Funcs[fn]; d != nil {
				g.body = d
				g.subst = c.bind(d.Type, call.Args)
			}
		}
	}
	if g.body != nil {
		c.collectEvidence(g)
	} else {
		// A function we cannot see (another package, a func value): its
		// summary says what it does to its arguments; a tracker handed
		// to it without one is assumed to be marked done.
		c.goCallEvidence(g, call)
	}
	c.decideJoin(g)
	if !g.joined && (c.drained(g) || c.completesAwaited(g)) {
		g.joined = true
	}
	if g.tracker == nil && !g.joined {
		if x := c.addedTracker(g); x != nil {
			e := evidence{kind: evTracker, expr: x, key: c.keyOf(x), node: g.cur.Node(), cur: g.cur}
			g.evidence = append(g.evidence, e)
			g.tracker = &g.evidence[len(g.evidence)-1]
			g.joined, g.noWaitIn = c.joinedBy(e.key, opWait, g)
		}
	}
}

func (c *checker) analyseSpawn(g *goroutine) {
	call := g.cur.Node().(*ast.CallExpr)
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		g.joined = true
		return
	}
	e := evidence{kind: evTracker, expr: sel.X, key: c.keyOf(sel.X), node: call}
	g.evidence = append(g.evidence, e)
	if g.body != nil {
		c.collectEvidence(g)
	}
	g.tracker = &g.evidence[0]
	ok, in := c.joinedBy(e.key, opWait, g)
	g.joined, g.noWaitIn = ok, in
}

// bind maps the parameters of ft to the call's arguments.
func (c *checker) bind(ft *ast.FuncType, args []ast.Expr) map[*types.Var]ast.Expr {
	m := map[*types.Var]ast.Expr{}
	i := 0
	for _, f := range ft.Params.List {
		if len(f.Names) == 0 {
			i++
			continue
		}
		for _, n := range f.Names {
			if v, ok := c.info.Defs[n].(*types.Var); ok && i < len(args) {
				m[v] = args[i]
			}
			i++
		}
	}
	return m
}

func isTrackerType(t types.Type) bool {
	if t == nil {
		return false
	}
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	return knowledge.TrackerTypes[n.Obj().Pkg().Path()+"."+n.Obj().Name()]
}

func isCondType(t types.Type) bool {
	if t == nil {
		return false
	}
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	return knowledge.CondTypes[n.Obj().Pkg().Path()+"."+n.Obj().Name()]
}

// decideJoin decides whether somebody waits for the goroutine: a Done
// tracker whose Wait is reachable, or a channel it sends on or closes that
// its launcher (or, for a field, a reachable function) receives from.
func (c *checker) decideJoin(g *goroutine) {
	for i := range g.evidence {
		e := &g.evidence[i]
		switch e.kind {
		case evDone, evTracker:
			if g.tracker == nil {
				g.tracker = e
			}
			ok, in := c.joinedBy(e.key, opWait, g)
			if ok {
				g.joined = true
				return
			}
			if g.noWaitIn == nil {
				g.noWaitIn = in
			}
		case evSend, evClose:
			if ok, _ := c.joinedBy(e.key, opRecv, g); ok {
				g.joined = true
			}
		}
	}
}

// keyOf returns the variable or field that x denotes (through &, * and
// parentheses), or nil.
func (c *checker) keyOf(x ast.Expr) *types.Var {
	if v := c.rawKeyOf(x); v != nil {
		return v.Origin()
	}
	return nil
}

func (c *checker) rawKeyOf(x ast.Expr) *types.Var {
	switch x := ast.Unparen(x).(type) {
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return c.rawKeyOf(x.X)
		}
	case *ast.StarExpr:
		return c.rawKeyOf(x.X)
	case *ast.Ident:
		if v, ok := c.info.Uses[x].(*types.Var); ok {
			return v
		}
		v, _ := c.info.Defs[x].(*types.Var)
		return v
	case *ast.SelectorExpr:
		if sel := c.info.Selections[x]; sel != nil {
			if sel.Kind() == types.FieldVal {
				v, _ := sel.Obj().(*types.Var)
				return v
			}
			return nil
		}
		v, _ := c.info.Uses[x.Sel].(*types.Var)
		return v
	}
	return nil
}

// joinedBy reports whether the tracker or channel key gets an operation
// of kind need (Wait, receive) that can run while the goroutine g lives,
// in code that is not g's own (the launcher, a child of g, another
// method of the type): for a local variable, anywhere it is used; for a
// field or a package variable, in a reachable function of the package.
// Keys the pass cannot follow (parameters, other packages, exported
// fields, values that escape into calls or other variables) count as
// joined. When the only such operations sit in unreachable functions, in
// returns one of them; unless g's launcher is itself unreachable, since
// then the two are judged alike.
func (c *checker) joinedBy(key *types.Var, need opKind, g *goroutine) (ok bool, in *ast.FuncDecl) {
	if key == nil || key.Pkg() != c.pass.Pkg {
		return true, nil
	}
	if key.IsField() || key.Parent() == c.pass.Pkg.Scope() {
		if key.Exported() {
			return true, nil
		}
		for _, o := range c.index()[key] {
			if c.escaping(o) {
				return true, nil
			}
			if !c.does(o, need) || c.owns(g, o) {
				continue
			}
			if c.reachable(o.decl) {
				return true, nil
			}
			if in == nil {
				in = o.decl
			}
		}
		if in != nil && !c.reachable(g.decl) {
			return true, nil
		}
		return false, in
	}
	if g.decl == nil || c.isParam(key) {
		return true, nil
	}
	if need == opWait {
		owner, borrowed := c.borrowedTracker(key)
		if owner != nil { // wg := &s.wg: a reachable s.wg.Wait counts too
			for _, o := range c.index()[owner] {
				if c.does(o, need) && !c.owns(g, o) && c.reachable(o.decl) {
					return true, nil
				}
			}
		} else if borrowed {
			return true, nil
		}
	}
	for _, o := range c.index()[key] {
		if c.owns(g, o) {
			continue
		}
		if c.does(o, need) || c.escaping(o) {
			return true, nil
		}
	}
	return false, nil
}

// borrowedTracker reports whether the local key is a pointer to a
// tracker made elsewhere: defined by a call (an accessor, wg :=
// s.waitGroup()), a parameter's field or anything but &sync.WaitGroup{}
// or new(sync.WaitGroup). Its owner, whom the pass does not follow (an
// interface's implementations, say), may Wait on it in its Stop or
// Close. For wg := &s.wg it returns the field, which is not borrowed:
// its Waits count besides the local's.
func (c *checker) borrowedTracker(key *types.Var) (owner *types.Var, borrowed bool) {
	if _, ok := key.Type().Underlying().(*types.Pointer); !ok || !isTrackerType(key.Type()) {
		return nil, false // a WaitGroup value is the local's own
	}
	for _, o := range c.index()[key] {
		if o.kind == opWrite {
			return nil, true
		}
	}
	switch d := ast.Unparen(c.defOf(key)).(type) {
	case *ast.UnaryExpr:
		if d.Op == token.AND {
			if _, lit := ast.Unparen(d.X).(*ast.CompositeLit); lit {
				return nil, false
			}
			if k := c.keyOf(d.X); k != nil && k != key && (k.IsField() || k.Parent() == c.pass.Pkg.Scope()) {
				return k, false
			}
		}
	case *ast.CallExpr:
		if isBuiltin(c.info, d.Fun, "new") {
			return nil, false
		}
	}
	return nil, true
}

// reachable reports whether d can run: it is exported, main or init,
// declared at package level (d == nil), or referenced somewhere in the
// package outside its own body.
func (c *checker) reachable(d *ast.FuncDecl) bool {
	if d == nil || d.Name.IsExported() {
		return true
	}
	if d.Recv == nil && (d.Name.Name == "main" || d.Name.Name == "init") {
		return true
	}
	fn, ok := c.info.Defs[d.Name].(*types.Func)
	if !ok {
		return true
	}
	if c.refd == nil {
		c.refd = map[*types.Func]bool{}
		for id, obj := range c.info.Uses {
			f, ok := obj.(*types.Func)
			if !ok || f.Pkg() != c.pass.Pkg {
				continue
			}
			f = f.Origin()
			if fd := c.rp.Graph.Funcs[f]; fd != nil && fd.Pos() <= id.Pos() && id.Pos() < fd.End() {
				continue // recursion
			}
			c.refd[f] = true
		}
	}
	return c.refd[fn.Origin()] || c.calledThroughInterface(fn.Origin())
}

// calledThroughInterface reports whether the method fn implements an
// interface method that the package calls or refers to (Peer.stop called
// on a Peer): a call through the interface may run it.
func (c *checker) calledThroughInterface(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return false
	}
	if c.ifaceRefs == nil {
		c.ifaceRefs = map[string][]*types.Interface{}
		for _, obj := range c.info.Uses {
			m, ok := obj.(*types.Func)
			if !ok {
				continue
			}
			ms, ok := m.Type().(*types.Signature)
			if !ok || ms.Recv() == nil {
				continue
			}
			if it, ok := ms.Recv().Type().Underlying().(*types.Interface); ok {
				c.ifaceRefs[m.Name()] = append(c.ifaceRefs[m.Name()], it)
			}
		}
	}
	its := c.ifaceRefs[fn.Name()]
	if len(its) == 0 {
		return false
	}
	t := sig.Recv().Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); !ok || n.TypeParams().Len() > 0 {
		return false
	}
	for _, it := range its {
		if types.Implements(t, it) || types.Implements(types.NewPointer(t), it) {
			return true
		}
	}
	return false
}

// isParam reports whether v is a parameter, result or receiver of some
// function: its value comes from (or goes to) a caller.
func (c *checker) isParam(v *types.Var) bool {
	if r, ok := c.params[v]; ok {
		return r
	}
	r := true
	if cur, ok := c.insp.Root().FindByPos(v.Pos(), v.Pos()+token.Pos(len(v.Name()))); ok {
		r = false
		for p := cur; p.Node() != nil; p = p.Parent() {
			if _, ok := p.Node().(*ast.FieldList); ok {
				switch p.Parent().Node().(type) {
				case *ast.FuncType, *ast.FuncDecl:
					r = true
				}
				break
			}
			if _, ok := p.Node().(ast.Stmt); ok {
				break
			}
		}
	}
	c.params[v] = r
	return r
}

// findSupervisors recognises supervisor helpers by structure: a function
// with a func parameter that runs it in a goroutine it tracks (wg.Add, go,
// defer wg.Done around a call of the parameter; errgroup or wg.Go of it).
func (c *checker) findSupervisors() {
	mark := func(d *ast.FuncDecl, v *types.Var) {
		fn, ok := c.info.Defs[d.Name].(*types.Func)
		if !ok {
			return
		}
		idx := paramIndex(c.info, d.Type, v)
		if idx < 0 {
			return
		}
		fn = fn.Origin()
		for _, i := range c.super[fn] {
			if i == idx {
				return
			}
		}
		c.super[fn] = append(c.super[fn], idx)
	}
	for _, g := range append(append([]*goroutine(nil), c.spawns...), c.gos...) {
		if g.decl == nil || g.tracker == nil || !g.joined {
			continue
		}
		if g.spawn {
			call := g.cur.Node().(*ast.CallExpr)
			for _, a := range call.Args {
				if id, ok := ast.Unparen(a).(*ast.Ident); ok {
					if v, ok := c.info.Uses[id].(*types.Var); ok {
						mark(g.decl, v)
					}
				}
			}
			continue
		}
		lit, ok := g.body.(*ast.FuncLit)
		if !ok {
			continue
		}
		ast.Inspect(lit.Body, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
					if v, ok := c.info.Uses[id].(*types.Var); ok {
						mark(g.decl, v)
					}
				}
			}
			return true
		})
	}
	// Literals handed to supervisors (local or imported) run tracked.
	for _, d := range c.rp.Graph.Decls {
		for _, call := range c.rp.Graph.Calls[d] {
			if call.Callee == nil {
				continue
			}
			ps := c.super[call.Callee]
			if ps == nil && call.Callee.Pkg() != nil && call.Callee.Pkg() != c.pass.Pkg {
				var f supervisesFact
				if c.pass.ImportObjectFact(call.Callee, &f) {
					ps = f.Params
				}
			}
			args := call.Expr().Args
			for _, i := range ps {
				if i < len(args) {
					if lit, ok := ast.Unparen(args[i]).(*ast.FuncLit); ok {
						c.superLit[lit] = true
					}
				}
			}
		}
	}
}

// paramIndex returns the index of v among ft's parameters if it is a
// parameter of func type, else -1.
func paramIndex(info *types.Info, ft *ast.FuncType, v *types.Var) int {
	if _, ok := v.Type().Underlying().(*types.Signature); !ok {
		return -1
	}
	i := 0
	for _, f := range ft.Params.List {
		if len(f.Names) == 0 {
			i++
			continue
		}
		for _, n := range f.Names {
			if info.Defs[n] == v {
				return i
			}
			i++
		}
	}
	return -1
}
