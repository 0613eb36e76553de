package unsupervisedgo

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/cfg"
)

// ---- goroutines blocked on a channel their launcher stopped reading ----

// checkLeak reports a goroutine that sends on a local channel with too
// little room while its launcher may stop reading it.
func (c *checker) checkLeak(g *goroutine, pos, end token.Pos) bool {
	if _, ok := g.body.(*ast.FuncLit); !ok || g.decl == nil {
		return false
	}
	launcher := enclosingFunc(g.cur)
	type chanSends struct {
		expr  ast.Expr
		sends int
		loop  bool
	}
	var order []*types.Var
	sends := map[*types.Var]*chanSends{}
	for _, e := range g.evidence {
		if e.kind != evSend || e.guard || e.key == nil {
			continue
		}
		s := sends[e.key]
		if s == nil {
			s = &chanSends{expr: e.expr}
			sends[e.key] = s
			order = append(order, e.key)
		}
		s.sends++
		s.loop = s.loop || e.inLoop
	}
	for _, key := range order {
		s := sends[key]
		if key.IsField() || key.Parent() == c.pass.Pkg.Scope() || c.isParam(key) {
			continue
		}
		mk := c.makeOf(key)
		if mk == nil || c.escapes(key, g) {
			continue
		}
		capacity := int64(0)
		if len(mk.Args) >= 2 {
			tv := c.info.Types[mk.Args[1]]
			if tv.Value == nil {
				continue // sized at run time: assume it covers the sends
			}
			capacity, _ = constant.Int64Val(constant.ToInt(tv.Value))
		}
		many := inLoop(g.cur, launcher)
		if !many && !s.loop && capacity >= int64(s.sends) {
			continue
		}
		why, ok := c.launcherStops(key, g, launcher)
		if !ok {
			continue
		}
		name := types.ExprString(s.expr)
		room := fmt.Sprintf("%s is unbuffered", name)
		if capacity > 0 {
			room = fmt.Sprintf("%s has room for %d values only", name, capacity)
		}
		var fixes []analysis.SuggestedFix
		if capacity == 0 && !many && !s.loop && s.sends == 1 {
			fixes = append(fixes, makeFix(mk, name))
		}
		c.report(pos, end, fmt.Sprintf(
			"goroutine may block forever sending on %s: %s and its launcher stops reading %s, so the goroutine leaks; "+
				"give the channel room for every send (make(chan T, n)) or send in a select with <-ctx.Done()",
			name, room, why), fixes...)
		return true
	}
	return false
}

// makeOf returns the make(chan ...) call that defines the local channel
// v, if v is defined by one and never reassigned.
func (c *checker) makeOf(v *types.Var) *ast.CallExpr {
	if mk, ok := c.makes[v]; ok {
		return mk
	}
	var mk *ast.CallExpr
	for _, o := range c.index()[v] {
		if o.kind == opWrite {
			c.makes[v] = nil
			return nil
		}
	}
	if cur, ok := c.insp.Root().FindByPos(v.Pos(), v.Pos()+token.Pos(len(v.Name()))); ok {
		if id, ok := cur.Node().(*ast.Ident); ok {
			var rhs ast.Expr
			switch p := cur.Parent().Node().(type) {
			case *ast.AssignStmt:
				for i, l := range p.Lhs {
					if l == id && len(p.Lhs) == len(p.Rhs) {
						rhs = p.Rhs[i]
					}
				}
			case *ast.ValueSpec:
				for i, n := range p.Names {
					if n == id && i < len(p.Values) {
						rhs = p.Values[i]
					}
				}
			}
			if call, ok := ast.Unparen(rhs).(*ast.CallExpr); ok && isBuiltin(c.info, call.Fun, "make") {
				if t := c.info.TypeOf(call); t != nil {
					if _, ok := t.Underlying().(*types.Chan); ok {
						mk = call
					}
				}
			}
		}
	}
	c.makes[v] = mk
	return mk
}

// escapes reports whether the local v flows, outside goroutine g, into
// something the pass does not follow (a call, another variable, a result).
func (c *checker) escapes(v *types.Var, g *goroutine) bool {
	for _, o := range c.index()[v] {
		if o.kind == opEscape && !c.insideGoroutine(o, g) {
			return true
		}
	}
	return false
}

// inLoop reports whether cur is inside a loop of the function fn.
func inLoop(cur inspector.Cursor, fn ast.Node) bool {
	for p := cur.Parent(); p.Node() != nil && p.Node() != fn; p = p.Parent() {
		switch p.Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return true
		}
	}
	return false
}

// launcherStops reports whether the launcher (the function containing the
// go statement) may stop receiving from ch before every send is taken:
// it receives in a select whose other case leaves (context done, timeout,
// default), or in a loop it can return from early (first error). It also
// reports a channel nobody receives from.
func (c *checker) launcherStops(ch *types.Var, g *goroutine, launcher ast.Node) (string, bool) {
	received := false
	for _, o := range c.index()[ch] {
		if o.kind != opRecv || o.decl != g.decl || c.insideGoroutine(o, g) {
			continue
		}
		received = true
		if enclosingFunc(o.cur) != launcher {
			continue
		}
		if cc, sel := commOf(o.cur); cc != nil {
			looping := inLoop(o.cur, launcher)
			for _, other := range sel.Body.List {
				other := other.(*ast.CommClause)
				if other == cc {
					continue
				}
				if looping && !leaves(other.Body) {
					continue
				}
				return c.caseWhy(other), true
			}
			continue
		}
		for p := o.cur.Parent(); p.Node() != nil && p.Node() != launcher; p = p.Parent() {
			var body *ast.BlockStmt
			switch l := p.Node().(type) {
			case *ast.ForStmt:
				body = l.Body
			case *ast.RangeStmt:
				body = l.Body
			default:
				continue
			}
			if ret := firstReturn(body); ret != nil {
				return fmt.Sprintf("when it returns early (line %d), for example on the first error", c.pass.Fset.Position(ret.Pos()).Line), true
			}
			break
		}
	}
	if !received {
		return "because nothing receives from it", true
	}
	return "", false
}

// commOf returns the select clause whose Comm receives at cur, and its
// select statement.
func commOf(cur inspector.Cursor) (*ast.CommClause, *ast.SelectStmt) {
	prev := cur
	for p := cur.Parent(); p.Node() != nil; p = p.Parent() {
		switch n := p.Node().(type) {
		case *ast.CommClause:
			if n.Comm != nil && n.Comm == prev.Node() {
				if sel, ok := p.Parent().Parent().Node().(*ast.SelectStmt); ok {
					return n, sel
				}
			}
			return nil, nil
		case ast.Stmt:
			if _, ok := n.(*ast.ExprStmt); !ok {
				if _, ok := n.(*ast.AssignStmt); !ok {
					return nil, nil
				}
			}
		case *ast.FuncLit:
			return nil, nil
		}
		prev = p
	}
	return nil, nil
}

// caseWhy describes when a select takes the clause cc instead of reading.
func (c *checker) caseWhy(cc *ast.CommClause) string {
	if cc.Comm == nil {
		return "when no value is ready (select default)"
	}
	if x := analysisutil.RecvChan(cc.Comm); x != nil {
		switch ch := ast.Unparen(x).(type) {
		case *ast.CallExpr:
			switch analysisutil.CalleeName(c.info, ch) {
			case "(context.Context).Done":
				return "when the context is done"
			case "time.After":
				return "on a timeout"
			}
		case *ast.SelectorExpr:
			if t := c.info.TypeOf(ch.X); t != nil && ch.Sel.Name == "C" &&
				(analysisutil.IsNamedType(t, "time", "Timer") || analysisutil.IsNamedType(t, "time", "Ticker")) {
				return "on a timeout"
			}
		}
	}
	return "when another select case fires"
}

// leaves reports whether the statements leave the enclosing loop: a
// return, a goto, a labelled break, or a panic.
func leaves(stmts []ast.Stmt) bool {
	found := false
	for _, s := range stmts {
		ast.Inspect(s, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				found = true
			case *ast.BranchStmt:
				if n.Tok == token.GOTO || (n.Tok == token.BREAK && n.Label != nil) {
					found = true
				}
			}
			return !found
		})
	}
	return found
}

// firstReturn returns the first return statement in body (not in nested
// literals), or nil.
func firstReturn(body *ast.BlockStmt) *ast.ReturnStmt {
	var ret *ast.ReturnStmt
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if ret == nil {
				ret = n
			}
		}
		return ret == nil
	})
	return ret
}

// ---- stop signals that never fire ----

// checkControl reports a goroutine stopped by a done channel or a cancel
// func that is not closed or called on some path.
func (c *checker) checkControl(g *goroutine, pos, end token.Pos) bool {
	if g.body == nil {
		return false
	}
	own := map[*types.Var]bool{}
	for _, e := range g.evidence {
		if e.kind == evSend || e.kind == evClose {
			own[e.key] = true
		}
	}
	for _, e := range g.evidence {
		if e.kind != evRecv || e.key == nil || own[e.key] || e.key.Pkg() != c.pass.Pkg {
			continue
		}
		if msg := c.doneChan(g, e); msg != "" {
			c.report(pos, end, msg)
			return true
		}
	}
	if msg := c.cancelField(g); msg != "" {
		c.report(pos, end, msg)
		return true
	}
	return false
}

// doneChan checks the done channel of evidence e (a receive in g).
func (c *checker) doneChan(g *goroutine, e evidence) string {
	key, name := e.key, types.ExprString(e.expr)
	if c.signalChan(key) {
		// A channel handed to signal.Notify delivers OS signals; it is
		// never closed, and the goroutine that reads it lives as long as
		// the process on purpose.
		return ""
	}
	fix := fmt.Sprintf("close(%s) where the goroutine's owner stops", name)
	if key.IsField() || key.Parent() == c.pass.Pkg.Scope() {
		if key.Exported() {
			return ""
		}
		var unreachable *ast.FuncDecl
		for _, o := range c.index()[key] {
			switch o.kind {
			case opEscape:
				return ""
			case opClose, opSend:
				if c.insideGoroutine(o, g) {
					continue
				}
				if c.reachable(o.decl) {
					return ""
				}
				unreachable = o.decl
			case opWrite:
				if call, ok := ast.Unparen(o.rhs).(*ast.CallExpr); !ok || !isBuiltin(c.info, call.Fun, "make") {
					return "" // set from elsewhere: its owner may close it
				}
			}
		}
		where := ""
		if unreachable != nil {
			where = fmt.Sprintf(" (only %s, which nothing calls, does)", unreachable.Name.Name)
		}
		return fmt.Sprintf("goroutine waits on %s to stop, but nothing closes %s%s: it can never stop and leaks; %s (Close, Stop)", name, name, where, fix)
	}
	if c.isParam(key) || g.decl == nil || c.makeOf(key) == nil || c.escapes(key, g) {
		return ""
	}
	launcher := enclosingFunc(g.cur)
	_, body := analysisutil.FuncParts(launcher)
	if body == nil {
		return ""
	}
	kills := 0
	for _, o := range c.index()[key] {
		if (o.kind != opClose && o.kind != opSend) || o.decl != g.decl || c.insideGoroutine(o, g) {
			continue
		}
		if deferred(o.cur) {
			return ""
		}
		if enclosingFunc(o.cur) != launcher {
			return "" // closed by a helper literal: not followed
		}
		kills++
	}
	if kills == 0 {
		return fmt.Sprintf("goroutine waits on %s to stop, but nothing closes %s: it can never stop and leaks; defer close(%s) right after starting it", name, name, name)
	}
	ret, ok := c.pathWithout(body, g.cur.Node(), key)
	if !ok {
		return ""
	}
	at := "when the function ends"
	if ret != nil {
		at = fmt.Sprintf("on the return at line %d", c.pass.Fset.Position(ret.Pos()).Line)
	}
	return fmt.Sprintf("goroutine waits on %s to stop, but %s is not closed %s: the goroutine never stops on that path and leaks; defer close(%s) right after starting it", name, name, at, name)
}

// deferred reports whether the close or send at cur runs deferred: defer
// close(ch), or inside defer func() { ... }().
func deferred(cur inspector.Cursor) bool {
	for p := cur.Parent(); p.Node() != nil; p = p.Parent() {
		switch p.Node().(type) {
		case *ast.DeferStmt:
			return true
		case *ast.FuncLit:
			if call, ok := p.Parent().Node().(*ast.CallExpr); ok && call.Fun == p.Node() {
				if _, ok := p.Parent().Parent().Node().(*ast.DeferStmt); ok {
					return true
				}
			}
			return false
		}
	}
	return false
}

// pathWithout looks, in the control-flow graph of body, for a path from
// the go statement to the function's exit that neither closes nor sends
// on ch. It returns the return statement that ends the path (nil when the
// path falls off the end) and whether there is one.
func (c *checker) pathWithout(body *ast.BlockStmt, goStmt ast.Node, ch *types.Var) (*ast.ReturnStmt, bool) {
	g := cfg.New(body, c.mayReturn)
	kills := func(n ast.Node) bool {
		switch s := n.(type) {
		case *ast.SendStmt:
			return c.keyOf(s.Chan) == ch
		case *ast.ExprStmt:
			if call, ok := ast.Unparen(s.X).(*ast.CallExpr); ok && isBuiltin(c.info, call.Fun, "close") && len(call.Args) == 1 {
				return c.keyOf(call.Args[0]) == ch
			}
		}
		return false
	}
	seen := map[*cfg.Block]bool{}
	var walk func(b *cfg.Block, from int) (*ast.ReturnStmt, bool)
	walk = func(b *cfg.Block, from int) (*ast.ReturnStmt, bool) {
		for _, n := range b.Nodes[from:] {
			if kills(n) {
				return nil, false
			}
		}
		if len(b.Succs) == 0 {
			if ret := b.Return(); ret != nil {
				return ret, true
			}
			if len(b.Nodes) > 0 {
				if es, ok := b.Nodes[len(b.Nodes)-1].(*ast.ExprStmt); ok {
					if call, ok := ast.Unparen(es.X).(*ast.CallExpr); ok && !c.mayReturn(call) {
						return nil, false
					}
				}
			}
			return nil, b.Live
		}
		for _, s := range b.Succs {
			if seen[s] {
				continue
			}
			seen[s] = true
			if ret, ok := walk(s, 0); ok {
				return ret, true
			}
		}
		return nil, false
	}
	for _, b := range g.Blocks {
		for i, n := range b.Nodes {
			if n == goStmt {
				seen[b] = true
				return walk(b, i+1)
			}
		}
	}
	return nil, false
}

// mayReturn reports whether control can continue after call: not after
// panic, os.Exit or log.Fatal.
func (c *checker) mayReturn(call *ast.CallExpr) bool {
	if isBuiltin(c.info, call.Fun, "panic") {
		return false
	}
	return !knowledge.NoReturn[analysisutil.CalleeName(c.info, call)]
}

// cancelField finds a context handed to g whose cancel func is kept in a
// field that nothing calls. A local cancel func that is dropped on some
// path is go vet's lostcancel check and is not repeated here.
func (c *checker) cancelField(g *goroutine) string {
	for _, v := range c.contextsOf(g) {
		field, shown := c.cancelOf(v)
		if field == nil || field.Exported() {
			continue
		}
		called := false
		for _, o := range c.index()[field] {
			if (o.kind == opCall || o.kind == opEscape) && c.reachable(o.decl) {
				called = true
				break
			}
		}
		if !called {
			return fmt.Sprintf("goroutine stops when %s is called, but nothing calls %s: it runs until the process exits; call %s() in Close or Stop", shown, shown, shown)
		}
	}
	return ""
}

// contextsOf returns the local context variables handed to g: arguments
// of its call, or captured by its literal.
func (c *checker) contextsOf(g *goroutine) []*types.Var {
	var out []*types.Var
	add := func(id *ast.Ident) {
		if v, ok := c.info.Uses[id].(*types.Var); ok && analysisutil.IsContextType(v.Type()) && !v.IsField() {
			for _, w := range out {
				if w == v {
					return
				}
			}
			out = append(out, v)
		}
	}
	call := g.cur.Node().(*ast.GoStmt).Call
	for _, a := range call.Args {
		if id, ok := ast.Unparen(a).(*ast.Ident); ok {
			add(id)
		}
	}
	if lit, ok := g.body.(*ast.FuncLit); ok {
		ast.Inspect(lit.Body, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if v, ok := c.info.Uses[id].(*types.Var); ok && (v.Pos() < lit.Pos() || v.Pos() >= lit.End()) {
					add(id)
				}
			}
			return true
		})
	}
	return out
}

// cancelOf finds the field that keeps the cancel func of the context v:
// ctx, s.cancel = context.WithCancel(...), or ctx, cancel := ...; then
// s.cancel = cancel with the local cancel never called.
func (c *checker) cancelOf(v *types.Var) (*types.Var, string) {
	cur, ok := c.insp.Root().FindByPos(v.Pos(), v.Pos()+token.Pos(len(v.Name())))
	if !ok {
		return nil, ""
	}
	as, ok := cur.Parent().Node().(*ast.AssignStmt)
	if !ok || len(as.Lhs) != 2 || len(as.Rhs) != 1 || as.Lhs[0] != cur.Node() {
		return nil, ""
	}
	call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
	if !ok {
		return nil, ""
	}
	if _, ok := knowledge.ContextCancellers[analysisutil.CalleeName(c.info, call)]; !ok {
		return nil, ""
	}
	second := as.Lhs[1]
	k := c.keyOf(second)
	if k == nil || k.Pkg() != c.pass.Pkg {
		return nil, ""
	}
	if k.IsField() {
		return k, types.ExprString(second)
	}
	// A local cancel: follow it into one field, unless it is called.
	var field *types.Var
	shown := ""
	for _, o := range c.index()[k] {
		switch o.kind {
		case opCall:
			return nil, ""
		case opEscape:
			a, ok := o.cur.Parent().Node().(*ast.AssignStmt)
			if !ok || len(a.Lhs) != len(a.Rhs) {
				return nil, ""
			}
			for i, r := range a.Rhs {
				if r == o.cur.Node() {
					if f := c.keyOf(a.Lhs[i]); f != nil && f.IsField() {
						field, shown = f, types.ExprString(a.Lhs[i])
					}
				}
			}
			if field == nil {
				return nil, ""
			}
		}
	}
	return field, shown
}

// signalChan reports whether the channel variable key is passed to
// os/signal.Notify anywhere in the package.
func (c *checker) signalChan(key *types.Var) bool {
	for cur := range c.insp.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if len(call.Args) == 0 || analysisutil.CalleeName(c.info, call) != "os/signal.Notify" {
			continue
		}
		if analysisutil.UsedObject(c.info, call.Args[0]) == key {
			return true
		}
	}
	return false
}
