package unsupervisedgo

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"

	"golang.org/x/tools/go/cfg"
)

// Path-based counting over go/cfg graphs. The graphs are built only for
// goroutine bodies and their callees, in packages past the fast path.

// sendCount is the most sends on one channel along one path of a
// function: n, or unbounded when loop is set.
type sendCount struct {
	n    int
	loop bool
}

func (s sendCount) plus(t sendCount) sendCount { return sendCount{s.n + t.n, s.loop || t.loop} }

// chanMatch reports whether a channel expression denotes the channel of
// interest.
type chanMatch func(ast.Expr) bool

// maxSends returns the most sends matching m along any path through
// body: sends on exclusive branches count once, a send in a loop is
// unbounded. Sends in a select with other cases are guarded and do not
// count; nor do sends in goroutines started by body or in closures it only
// hands on. Calls count the sends of their callee: a closure called where
// it is written or through a local variable, a function of this package,
// or an imported function with a parameter fact.
func (c *checker) maxSends(body *ast.BlockStmt, m chanMatch, depth int) sendCount {
	if body == nil || depth > maxDepth {
		return sendCount{}
	}
	guarded := map[*ast.SendStmt]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectStmt); ok && len(sel.Body.List) > 1 {
			for _, cc := range sel.Body.List {
				if s, ok := cc.(*ast.CommClause).Comm.(*ast.SendStmt); ok {
					guarded[s] = true
				}
			}
		}
		return true
	})
	g := cfg.New(body, c.mayReturn)
	weight := make([]sendCount, len(g.Blocks))
	any := false
	for _, b := range g.Blocks {
		for _, n := range b.Nodes {
			w := c.nodeSends(n, m, guarded, depth)
			weight[b.Index] = weight[b.Index].plus(w)
		}
		if weight[b.Index] != (sendCount{}) {
			any = true
		}
	}
	if !any {
		return sendCount{}
	}
	return longestPath(g, weight)
}

// nodeSends counts the sends that one CFG node makes.
func (c *checker) nodeSends(n ast.Node, m chanMatch, guarded map[*ast.SendStmt]bool, depth int) sendCount {
	var w sendCount
	ast.Inspect(n, func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.GoStmt:
			return false
		case *ast.FuncLit:
			return false // handled at its call
		case *ast.SendStmt:
			if !guarded[x] && m(x.Chan) {
				w.n++
			}
		case *ast.CallExpr:
			if lit, ok := ast.Unparen(x.Fun).(*ast.FuncLit); ok {
				w = w.plus(c.maxSends(lit.Body, m, depth+1))
				return true
			}
			if lit := c.localClosure(x); lit != nil {
				w = w.plus(c.maxSends(lit.Body, m, depth+1))
				return true
			}
			for i, a := range x.Args {
				if !m(a) {
					continue
				}
				if s, ok := c.argSummary(x, i); ok && s.Sync&mSend != 0 {
					w = w.plus(sendCount{s.Sends, s.Loop})
				}
			}
		}
		return true
	})
	return w
}

// localClosure returns the literal that call calls through a local
// variable defined once as that literal (send := func(v T) { ch <- v }).
func (c *checker) localClosure(call *ast.CallExpr) *ast.FuncLit {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok || v.Pkg() != c.pass.Pkg {
		return nil
	}
	lit, ok := ast.Unparen(c.defOf(v)).(*ast.FuncLit)
	if !ok {
		return nil
	}
	if !c.onlyCalled(v) {
		return nil // reassigned or handed on: not followed
	}
	return lit
}

// longestPath returns the heaviest path from the entry block: blocks in
// a cycle with any weight make it unbounded.
func longestPath(g *cfg.CFG, weight []sendCount) sendCount {
	comp, order := sccs(g)
	// comp weights and cycles
	cw := make([]sendCount, len(order))
	size := make([]int, len(order))
	self := make([]bool, len(order))
	for _, b := range g.Blocks {
		k := comp[b.Index]
		if k < 0 {
			continue
		}
		cw[k] = cw[k].plus(weight[b.Index])
		size[k]++
		for _, s := range b.Succs {
			if s == b {
				self[k] = true
			}
		}
	}
	for k := range cw {
		if (size[k] > 1 || self[k]) && (cw[k].n > 0 || cw[k].loop) {
			cw[k] = sendCount{cw[k].n, true}
		}
	}
	// Tarjan numbers components in reverse topological order: successors
	// come first, so one pass in order computes the heaviest tails.
	best := make([]sendCount, len(order))
	for k, blocks := range order {
		var tail sendCount
		for _, b := range blocks {
			for _, s := range b.Succs {
				if j := comp[s.Index]; j != k && j >= 0 && heavier(best[j], tail) {
					tail = best[j]
				}
			}
		}
		best[k] = cw[k].plus(tail)
	}
	if len(g.Blocks) == 0 || comp[0] < 0 {
		return sendCount{}
	}
	return best[comp[0]]
}

func heavier(a, b sendCount) bool {
	if a.loop != b.loop {
		return a.loop
	}
	return a.n > b.n
}

// sccs computes the strongly connected components of the blocks
// reachable from the entry (Tarjan). comp maps block index to component
// (-1 when unreachable); order lists components in reverse topological
// order.
func sccs(g *cfg.CFG) (comp []int, order [][]*cfg.Block) {
	n := len(g.Blocks)
	comp = make([]int, n)
	index := make([]int, n)
	low := make([]int, n)
	onStack := make([]bool, n)
	for i := range comp {
		comp[i], index[i] = -1, -1
	}
	var stack []*cfg.Block
	next := 0
	var visit func(b *cfg.Block)
	visit = func(b *cfg.Block) {
		index[b.Index], low[b.Index] = next, next
		next++
		stack = append(stack, b)
		onStack[b.Index] = true
		for _, s := range b.Succs {
			if index[s.Index] < 0 {
				visit(s)
				low[b.Index] = min(low[b.Index], low[s.Index])
			} else if onStack[s.Index] {
				low[b.Index] = min(low[b.Index], index[s.Index])
			}
		}
		if low[b.Index] == index[b.Index] {
			var blocks []*cfg.Block
			for {
				top := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				onStack[top.Index] = false
				comp[top.Index] = len(order)
				blocks = append(blocks, top)
				if top == b {
					break
				}
			}
			order = append(order, blocks)
		}
	}
	if n > 0 {
		visit(g.Blocks[0])
	}
	return comp, order
}

// pathWithout looks, in the control-flow graph of body, for a path from
// the go statement to the function's exit that neither closes nor sends
// on ch. It returns the return statement that ends the path (nil when the
// path falls off the end) and whether there is one.
func (c *checker) pathWithout(body *ast.BlockStmt, goStmt ast.Node, ch *types.Var) (*ast.ReturnStmt, bool) {
	g := cfg.New(body, c.mayReturn)
	entries := c.firstTripKills(body, ch)
	kills := func(n ast.Node) bool {
		st, ok := n.(ast.Stmt)
		return entries[n] || ok && c.killsCh(st, ch)
	}
	seen := map[*cfg.Block]bool{}
	for _, b := range g.Blocks {
		for i, n := range b.Nodes {
			if n == goStmt {
				seen[b] = true
				return c.exitWithout(b, i+1, kills, seen)
			}
		}
	}
	return nil, false
}

// exitWithout looks for a path from node from of block b to the
// function's exit on which no node kills. It returns the return
// statement that ends the path (nil when the path falls off the end) and
// whether there is one. Paths that end in a call that does not return do
// not count.
func (c *checker) exitWithout(b *cfg.Block, from int, kills func(ast.Node) bool, seen map[*cfg.Block]bool) (*ast.ReturnStmt, bool) {
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
		if ret, ok := c.exitWithout(s, 0, kills, seen); ok {
			return ret, true
		}
	}
	return nil, false
}

// firstTripKills returns the entry nodes (the init statement of a for
// loop, the operand of a range, where the control-flow graph enters the
// loop once) of the loops in body that close or send on ch on their first
// iteration for certain: a loop with a constant trip count of at least
// one whose body begins, before any branch statement, with close(ch) or a
// send on ch, alone or guarded by "i == first" on the loop variable's
// first value (for i := range 100 { work(i); if i == 0 { close(started) } }).
func (c *checker) firstTripKills(body *ast.BlockStmt, ch *types.Var) map[ast.Node]bool {
	var out map[ast.Node]bool
	ast.Inspect(body, func(n ast.Node) bool {
		var entry ast.Node
		var loopBody *ast.BlockStmt
		var iv *types.Var
		var first int64
		switch l := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ForStmt:
			k, ok := c.forTrips(l, body)
			if !ok || k < 1 {
				return true
			}
			init := l.Init.(*ast.AssignStmt) // forTrips checked its shape
			iv, _ = c.info.Defs[init.Lhs[0].(*ast.Ident)].(*types.Var)
			first, _ = c.constInt(init.Rhs[0], body)
			entry, loopBody = l.Init, l.Body
		case *ast.RangeStmt:
			k, ok := c.rangeTrips(l, body)
			if !ok || k < 1 {
				return true
			}
			if id, ok := l.Key.(*ast.Ident); ok && l.Tok == token.DEFINE {
				iv, _ = c.info.Defs[id].(*types.Var)
			}
			entry, loopBody = l.X, l.Body
		default:
			return true
		}
		if iv != nil && c.changed(loopBody, iv) {
			iv = nil
		}
		for _, st := range loopBody.List {
			if c.killsCh(st, ch) || c.firstGuarded(st, iv, first, ch) {
				if out == nil {
					out = map[ast.Node]bool{}
				}
				out[entry] = true
				break
			}
			if branches(st) {
				break
			}
		}
		return true
	})
	return out
}

// killsCh reports whether the statement closes or sends on ch.
func (c *checker) killsCh(st ast.Stmt, ch *types.Var) bool {
	switch s := st.(type) {
	case *ast.SendStmt:
		return c.keyOf(s.Chan) == ch
	case *ast.ExprStmt:
		if call, ok := ast.Unparen(s.X).(*ast.CallExpr); ok && isBuiltin(c.info, call.Fun, "close") && len(call.Args) == 1 {
			return c.keyOf(call.Args[0]) == ch
		}
	}
	return false
}

// firstGuarded reports whether st is "if i == first { ...; close(ch) }"
// with the kill before any branch statement of the if's body.
func (c *checker) firstGuarded(st ast.Stmt, iv *types.Var, first int64, ch *types.Var) bool {
	ifs, ok := st.(*ast.IfStmt)
	if !ok || iv == nil || ifs.Init != nil {
		return false
	}
	cond, ok := ast.Unparen(ifs.Cond).(*ast.BinaryExpr)
	if !ok || cond.Op != token.EQL {
		return false
	}
	x, y := cond.X, cond.Y
	if c.varOf(y) == iv {
		x, y = y, x
	}
	if c.varOf(x) != iv {
		return false
	}
	if v, ok := c.constInt(y, ifs); !ok || v != first {
		return false
	}
	for _, s := range ifs.Body.List {
		if c.killsCh(s, ch) {
			return true
		}
		if branches(s) {
			return false
		}
	}
	return false
}

// branches reports whether st may leave the straight line: it contains a
// return, break, continue or goto, or is a control statement whose
// branches may skip what follows it in its block only through them.
func branches(st ast.Stmt) bool {
	found := false
	ast.Inspect(st, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt, *ast.BranchStmt:
			found = true
		}
		return !found
	})
	return found
}

// readsAgain reports whether the launcher, once the select sel takes the
// clause other (a timeout, a default) instead of receiving from ch, still
// receives from ch on every path to its exit: a plain receive, a range
// over ch, or a call whose summary receives from it. Receives in selects
// with other cases do not count.
func (c *checker) readsAgain(launcher ast.Node, sel *ast.SelectStmt, other *ast.CommClause, ch *types.Var) bool {
	_, body := analysisutil.FuncParts(launcher)
	if body == nil {
		return false
	}
	skip := map[ast.Node]bool{} // comm statements of selects with other cases
	ranges := map[ast.Node]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.SelectStmt:
			if len(n.Body.List) > 1 {
				for _, cc := range n.Body.List {
					if comm := cc.(*ast.CommClause).Comm; comm != nil {
						skip[comm] = true
					}
				}
			}
		case *ast.RangeStmt:
			if c.keyOf(n.X) == ch {
				ranges[n.X] = true
			}
		}
		return true
	})
	receives := func(n ast.Node) bool {
		if skip[n] {
			return false
		}
		if ranges[n] {
			return true
		}
		found := false
		ast.Inspect(n, func(x ast.Node) bool {
			switch x := x.(type) {
			case *ast.FuncLit:
				return false
			case *ast.UnaryExpr:
				if x.Op == token.ARROW && c.keyOf(x.X) == ch {
					found = true
				}
			case *ast.CallExpr:
				for i, a := range x.Args {
					if c.keyOf(a) == ch {
						if s, ok := c.argSummary(x, i); ok && s.Sync&mRecv != 0 {
							found = true
						}
					}
				}
			}
			return !found
		})
		return found
	}
	g := cfg.New(body, c.mayReturn)
	var start *cfg.Block
	if other.Comm != nil {
		for _, b := range g.Blocks {
			if b.Kind == cfg.KindSelectCaseBody && b.Stmt == other {
				start = b
			}
		}
	} else {
		// The default body follows the last case's "after" block.
		var last ast.Stmt
		for _, cc := range sel.Body.List {
			if cc.(*ast.CommClause).Comm != nil {
				last = cc
			}
		}
		for _, b := range g.Blocks {
			if last != nil && b.Kind == cfg.KindSelectAfterCase && b.Stmt == last {
				start = b
			}
		}
	}
	if start == nil {
		return false
	}
	seen := map[*cfg.Block]bool{start: true}
	var walk func(b *cfg.Block) bool // a path to the exit without a receive
	walk = func(b *cfg.Block) bool {
		for _, n := range b.Nodes {
			if receives(n) {
				return false
			}
		}
		if len(b.Succs) == 0 {
			return true
		}
		for _, s := range b.Succs {
			if !seen[s] {
				seen[s] = true
				if walk(s) {
					return true
				}
			}
		}
		return false
	}
	return !walk(start)
}
