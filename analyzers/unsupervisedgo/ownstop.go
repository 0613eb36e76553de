package unsupervisedgo

import (
	"go/ast"
	"go/types"
)

// Pools: a method that starts a worker of its own value (go p.work()),
// which leaves when a channel field of the value is closed and which a
// method of the type closes (Stop, Close), hands the work to the value's
// workers: the goroutine belongs to the value and its owner stops it. Such
// a method is a supervisor, not a spawning helper; summarise exports no
// spawn fact for it.

// stoppedByOwnType reports whether g, started in the method d, runs on
// d's receiver and stops on a receive from a channel field of the
// receiver that a reachable method of the type closes on its own
// receiver. A tracked goroutine (wg.Done) does not qualify: its
// missing Wait is a finding of its own.
func (c *checker) stoppedByOwnType(g *goroutine, d *ast.FuncDecl) bool {
	recv := recvVar(c.info, d)
	if recv == nil || g.spawn || g.body == nil || g.tracker != nil {
		// A goroutine tracked by a WaitGroup nobody waits for is its
		// own finding; its summary stays.
		return false
	}
	named := recvNamed(recv.Type())
	if named == nil {
		return false
	}
	// The variable that stands for the value inside the goroutine's body:
	// d's receiver for a literal, the method's receiver for go r.m().
	self := recv.Origin()
	if bd, ok := g.body.(*ast.FuncDecl); ok {
		call := g.cur.Node().(*ast.GoStmt).Call
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || c.keyOf(sel.X) != self {
			return false
		}
		r := recvVar(c.info, bd)
		if r == nil || recvNamed(r.Type()) == nil || recvNamed(r.Type()).Origin() != named.Origin() {
			return false
		}
		self = r.Origin()
	}
	for _, e := range g.evidence {
		if e.kind != evRecv || e.key == nil || !e.key.IsField() || !stopSignal(e) {
			continue
		}
		sel, ok := ast.Unparen(e.expr).(*ast.SelectorExpr)
		if !ok || c.keyOf(sel.X) != self {
			continue
		}
		if c.closedByMethod(named, e.key, g) {
			return true
		}
	}
	return false
}

// closedByMethod reports whether a reachable method of named, outside
// g's own code, closes the field key of its receiver.
func (c *checker) closedByMethod(named *types.Named, key *types.Var, g *goroutine) bool {
	for _, o := range c.index()[key] {
		if o.kind != opClose || o.decl == nil || c.owns(g, o) || !c.reachable(o.decl) {
			continue
		}
		r := recvVar(c.info, o.decl)
		if r == nil || recvNamed(r.Type()) == nil || recvNamed(r.Type()).Origin() != named.Origin() {
			continue
		}
		if c.closedField(o.cur.Parent().Node(), r) == key {
			return true
		}
	}
	return false
}
