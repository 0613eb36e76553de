package unsupervisedgo

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/lifelint/lifelint/analyzers/internal/callgraph"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// Flag guards: a go statement that runs only when a bool parameter of its
// function has one value (if async { go ... }; if !force { return }; go
// ...). A call that passes the other value as a constant does not start
// the goroutine, and a call that forwards its own bool parameter passes
// the condition on to its callers.

// flagGuard says: parameter Param (of the signature, receiver excluded)
// has value Value.
type flagGuard struct {
	Param int
	Value bool
}

func (g flagGuard) String() string { return fmt.Sprintf("param %d is %t", g.Param, g.Value) }

func guardString(gs []flagGuard) string {
	parts := make([]string, len(gs))
	for i, g := range gs {
		parts[i] = g.String()
	}
	return strings.Join(parts, " and ")
}

// spawnPath is one way a call of a function starts an unjoined
// goroutine: the chain to the go statement, and the conditions on the
// function's bool parameters under which it is reached (all must hold).
type spawnPath struct {
	chain []string
	guard []flagGuard
}

// maxPaths bounds the spawn paths kept per function.
const maxPaths = 4

// addPath adds p to ps unless a path with weaker conditions is already
// there; a path with no conditions replaces the others.
func addPath(ps []spawnPath, p spawnPath) ([]spawnPath, bool) {
	for _, q := range ps {
		if subset(q.guard, p.guard) {
			return ps, false
		}
	}
	if len(p.guard) == 0 {
		return []spawnPath{p}, true
	}
	if len(ps) >= maxPaths {
		return ps, false
	}
	return append(ps, p), true
}

// unguarded returns the path of ps without conditions, if there is one.
func unguarded(ps []spawnPath) (spawnPath, bool) {
	for _, p := range ps {
		if len(p.guard) == 0 {
			return p, true
		}
	}
	return spawnPath{}, false
}

// commonGuard returns the conditions every path of ps shares: a call that
// contradicts one of them reaches none of the go statements.
func commonGuard(ps []spawnPath) []flagGuard {
	if len(ps) == 0 {
		return nil
	}
	var out []flagGuard
	for _, g := range ps[0].guard {
		all := true
		for _, p := range ps[1:] {
			if !hasGuard(p.guard, g) {
				all = false
				break
			}
		}
		if all {
			out = append(out, g)
		}
	}
	return out
}

func hasGuard(gs []flagGuard, g flagGuard) bool {
	for _, x := range gs {
		if x == g {
			return true
		}
	}
	return false
}

func subset(a, b []flagGuard) bool {
	for _, g := range a {
		if !hasGuard(b, g) {
			return false
		}
	}
	return true
}

// flagParams returns the bool parameters of d that its body never
// assigns (nor takes the address of), by their index in the signature.
func (c *checker) flagParams(d *ast.FuncDecl) map[*types.Var]int {
	if f, ok := c.flags[d]; ok {
		return f
	}
	var out map[*types.Var]int
	i := 0
	for _, f := range d.Type.Params.List {
		if len(f.Names) == 0 {
			i++
			continue
		}
		for _, n := range f.Names {
			if v, ok := c.info.Defs[n].(*types.Var); ok {
				if b, ok := v.Type().Underlying().(*types.Basic); ok && b.Kind() == types.Bool {
					if out == nil {
						out = map[*types.Var]int{}
					}
					out[v] = i
				}
			}
			i++
		}
	}
	if out != nil && d.Body != nil {
		ast.Inspect(d.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for _, l := range n.Lhs {
					if id, ok := ast.Unparen(l).(*ast.Ident); ok {
						c.unflag(out, id)
					}
				}
			case *ast.RangeStmt:
				for _, l := range []ast.Expr{n.Key, n.Value} {
					if id, ok := l.(*ast.Ident); ok && n.Tok == token.ASSIGN {
						c.unflag(out, id)
					}
				}
			case *ast.UnaryExpr:
				if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND {
					c.unflag(out, id)
				}
			case *ast.BranchStmt:
				if n.Tok == token.GOTO {
					out = nil // a jump can skip the guard: no conditions
				}
			}
			return out != nil
		})
	}
	if len(out) == 0 {
		out = nil
	}
	c.flags[d] = out
	return out
}

func (c *checker) unflag(flags map[*types.Var]int, id *ast.Ident) {
	if v, ok := c.info.Uses[id].(*types.Var); ok {
		delete(flags, v)
	}
}

// flagGuards returns the conditions on d's bool parameters under which
// the statement at cur, directly in d, runs: it is in the branch of an if
// on the flag, or follows an if on the flag whose branch always leaves
// (return, break, continue, panic).
func (c *checker) flagGuards(cur inspector.Cursor, d *ast.FuncDecl) []flagGuard {
	flags := c.flagParams(d)
	if flags == nil {
		return nil
	}
	var out []flagGuard
	add := func(gs []flagGuard) {
		for _, g := range gs {
			if !hasGuard(out, g) {
				out = append(out, g)
			}
		}
	}
	for p := cur; p.Node() != ast.Node(d) && p.Node() != nil; p = p.Parent() {
		k, idx := p.ParentEdge()
		var list []ast.Stmt
		switch n := p.Parent().Node().(type) {
		case *ast.IfStmt:
			switch k {
			case edge.IfStmt_Body:
				add(c.condGuards(n.Cond, true, flags))
			case edge.IfStmt_Else:
				add(c.condGuards(n.Cond, false, flags))
			}
		case *ast.BlockStmt:
			if k == edge.BlockStmt_List {
				list = n.List
			}
		case *ast.CaseClause:
			if k == edge.CaseClause_Body {
				list = n.Body
			}
		case *ast.CommClause:
			if k == edge.CommClause_Body {
				list = n.Body
			}
		}
		if idx <= 0 || idx > len(list) {
			continue
		}
		for _, s := range list[:idx] {
			if is, ok := s.(*ast.IfStmt); ok && is.Else == nil && c.exits(is.Body) {
				add(c.condGuards(is.Cond, false, flags))
			}
		}
	}
	return out
}

// exits reports whether the block never falls through to the statement
// after it.
func (c *checker) exits(b *ast.BlockStmt) bool {
	if len(b.List) == 0 {
		return false
	}
	switch s := b.List[len(b.List)-1].(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		return s.Tok == token.BREAK || s.Tok == token.CONTINUE
	case *ast.ExprStmt:
		call, ok := ast.Unparen(s.X).(*ast.CallExpr)
		return ok && !c.mayReturn(call)
	}
	return false
}

// condGuards returns the conditions on flags that cond having value
// truth implies: p, !p, and the operands of && (when true) or || (when
// false).
func (c *checker) condGuards(cond ast.Expr, truth bool, flags map[*types.Var]int) []flagGuard {
	switch e := ast.Unparen(cond).(type) {
	case *ast.Ident:
		if v, ok := c.info.Uses[e].(*types.Var); ok {
			if i, ok := flags[v]; ok {
				return []flagGuard{{i, truth}}
			}
		}
	case *ast.UnaryExpr:
		if e.Op == token.NOT {
			return c.condGuards(e.X, !truth, flags)
		}
	case *ast.BinaryExpr:
		if (e.Op == token.LAND && truth) || (e.Op == token.LOR && !truth) {
			return append(c.condGuards(e.X, truth, flags), c.condGuards(e.Y, truth, flags)...)
		}
	}
	return nil
}

// throughCall returns the paths by which call, in caller, starts a
// goroutine along one of the callee's paths: the callee's conditions that
// the arguments contradict drop the path, those the caller forwards
// from its own flags become the caller's, and the caller's own
// conditions on reaching the call are added.
func (c *checker) throughCall(call *ast.CallExpr, cur inspector.Cursor, caller *ast.FuncDecl, paths []spawnPath, head string) []spawnPath {
	var out []spawnPath
	var at []flagGuard
	atDone := false
	for _, p := range paths {
		guard, ok := c.forward(call, caller, p.guard)
		if !ok {
			continue
		}
		if !atDone {
			at, atDone = c.flagGuards(cur, caller), true
		}
		for _, g := range at {
			if !hasGuard(guard, g) {
				guard = append(guard, g)
			}
		}
		out = append(out, spawnPath{chain: callgraph.Chain(p.chain).Prepend(head), guard: guard})
	}
	return out
}

// forward maps the callee's conditions at call to the caller's: false
// when a constant argument contradicts one.
func (c *checker) forward(call *ast.CallExpr, caller *ast.FuncDecl, guard []flagGuard) ([]flagGuard, bool) {
	if len(guard) == 0 {
		return nil, true
	}
	args := call.Args
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s, ok := c.info.Selections[sel]; ok && s.Kind() == types.MethodExpr && len(args) > 0 {
			args = args[1:] // T.m(recv, ...)
		}
	}
	if call.Ellipsis.IsValid() {
		return nil, true
	}
	var flags map[*types.Var]int
	if caller != nil {
		flags = c.flagParams(caller)
	}
	var out []flagGuard
	for _, g := range guard {
		if g.Param >= len(args) {
			continue // f(g()) or the like: unknown
		}
		a := args[g.Param]
		if tv, ok := c.info.Types[a]; ok && tv.Value != nil && tv.Value.Kind() == constant.Bool {
			if constant.BoolVal(tv.Value) != g.Value {
				return nil, false
			}
			continue
		}
		for _, f := range c.condGuards(a, g.Value, flags) {
			if !hasGuard(out, f) {
				out = append(out, f)
			}
		}
	}
	return out, true
}
