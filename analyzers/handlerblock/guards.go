package handlerblock

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/lifelint/lifelint/analyzers/internal/callgraph"
	"github.com/lifelint/lifelint/analyzers/internal/requestpath"
	"golang.org/x/tools/go/ast/inspector"
)

// Guards on arguments: a helper that blocks only under a test of one of
// its parameters against a constant (if d > 25*time.Millisecond {
// time.Sleep(...) }) does not block when a caller passes a constant that
// fails the test (ready(time.Millisecond)). Such a call is left out of the
// caller's summary and not reported.

// guard is an if condition p OP k over a parameter p of the function and a
// constant k.
type guard struct {
	param int // index of p among the function's parameters
	op    token.Token
	k     constant.Value
}

// guardsOf returns, for the code at cur in d, the guards of the ifs whose
// body holds it, or nil when there are none. Parameters assigned in d's
// body are not guards: their value at the test is not the argument.
func (c *checker) guardsOf(cur inspector.Cursor, d *ast.FuncDecl) []guard {
	info := c.pass.TypesInfo
	params := map[types.Object]int{}
	i := 0
	for _, field := range d.Type.Params.List {
		if len(field.Names) == 0 {
			i++
		}
		for _, name := range field.Names {
			params[info.Defs[name]] = i
			i++
		}
	}
	var out []guard
	for p := cur; p.Index() >= 0 && p.Node() != d; p = p.Parent() {
		ifs, ok := p.Parent().Node().(*ast.IfStmt)
		if !ok || p.Node() != ifs.Body {
			continue
		}
		out = append(out, c.condGuards(ifs.Cond, params, d)...)
	}
	return out
}

// condGuards returns the guards of cond: a comparison of a parameter with
// a constant, or the conjuncts of an && that are.
func (c *checker) condGuards(cond ast.Expr, params map[types.Object]int, d *ast.FuncDecl) []guard {
	info := c.pass.TypesInfo
	be, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return nil
	}
	switch be.Op {
	case token.LAND:
		return append(c.condGuards(be.X, params, d), c.condGuards(be.Y, params, d)...)
	case token.LSS, token.LEQ, token.GTR, token.GEQ, token.EQL, token.NEQ:
	default:
		return nil
	}
	x, y, op := be.X, be.Y, be.Op
	if info.Types[x].Value != nil {
		x, y, op = y, x, mirror(op)
	}
	id, ok := ast.Unparen(x).(*ast.Ident)
	k := info.Types[y].Value
	if !ok || k == nil {
		return nil
	}
	idx, ok := params[info.Uses[id]]
	if !ok || assignedIn(info, info.Uses[id], d.Body) {
		return nil
	}
	return []guard{{param: idx, op: op, k: k}}
}

// mirror returns op with its operands swapped: k < p is p > k.
func mirror(op token.Token) token.Token {
	switch op {
	case token.LSS:
		return token.GTR
	case token.LEQ:
		return token.GEQ
	case token.GTR:
		return token.LSS
	case token.GEQ:
		return token.LEQ
	}
	return op
}

// assignedIn reports whether obj is assigned (or its address taken) in
// body.
func assignedIn(info *types.Info, obj types.Object, body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				if id, ok := ast.Unparen(lhs).(*ast.Ident); ok && info.Uses[id] == obj {
					found = true
				}
			}
		case *ast.IncDecStmt:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && info.Uses[id] == obj {
				found = true
			}
		case *ast.UnaryExpr:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND && info.Uses[id] == obj {
				found = true
			}
		}
		return !found
	})
	return found
}

// fails reports whether one of gs is false for the constant arguments of
// call.
func (c *checker) fails(gs []guard, call *ast.CallExpr) bool {
	for _, g := range gs {
		if g.param >= len(call.Args) || call.Ellipsis.IsValid() {
			continue
		}
		v := c.pass.TypesInfo.Types[call.Args[g.param]].Value
		if v == nil {
			continue
		}
		if ok := compare(v, g.op, g.k); !ok {
			return true
		}
	}
	return false
}

// compare evaluates x op y on constants of comparable kinds; it returns
// true (the guard holds, the site may run) when they cannot be compared.
func compare(x constant.Value, op token.Token, y constant.Value) (ok bool) {
	if x.Kind() == constant.Unknown || y.Kind() == constant.Unknown {
		return true
	}
	if (x.Kind() == constant.String) != (y.Kind() == constant.String) || (x.Kind() == constant.Bool) != (y.Kind() == constant.Bool) {
		return true
	}
	if x.Kind() == constant.Bool && op != token.EQL && op != token.NEQ {
		return true
	}
	return constant.Compare(x, op, y)
}

// hasGuardedSites reports whether a blocking site of the package lies
// under a guard on a parameter: only then can an argument prune a call.
func (c *checker) hasGuardedSites() bool {
	for _, d := range c.rp.Graph.Decls {
		for _, s := range c.sites[d] {
			if c.rp.RunsWithFunc(s.cur, d) && len(c.guardsOf(s.cur, d)) > 0 {
				return true
			}
		}
	}
	return false
}

// argPruned reports whether call, of a local function, does not block
// because of its constant arguments: every blocking site of the callee,
// and every call there of a function with a summary in first (an
// over-approximation: the summaries computed without pruning), lies under
// a guard that those arguments fail.
func (c *checker) argPruned(call requestpath.Call, first map[*ast.FuncDecl]callgraph.Chain, skip func(*ast.FuncDecl, requestpath.Call) bool) bool {
	local := c.rp.Graph.Local(call)
	if local == nil || len(call.Expr().Args) == 0 {
		return false
	}
	expr := call.Expr()
	evidence := 0
	for _, s := range c.sites[local] {
		if !c.rp.RunsWithFunc(s.cur, local) {
			continue
		}
		evidence++
		if !c.fails(c.guardsOf(s.cur, local), expr) {
			return false
		}
	}
	for _, inner := range c.rp.Graph.Calls[local] {
		if inner.Callee == nil || skip(local, inner) {
			continue
		}
		blocks := false
		if l := c.rp.Graph.Local(inner); l != nil {
			blocks = l != local && first[l] != nil
		} else {
			blocks = c.importedChain(inner.Callee) != nil
		}
		if !blocks {
			continue
		}
		evidence++
		if !c.fails(c.guardsOf(inner.Cursor, local), expr) {
			return false
		}
	}
	return evidence > 0
}
