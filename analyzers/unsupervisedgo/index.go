package unsupervisedgo

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
	"golang.org/x/tools/go/ast/inspector"
)

// Primitive identity: a channel, tracker, Cond or cancel func is keyed by
// the *types.Var it lives in — a local, a parameter, a package variable,
// or a struct field (one Var for the field of every value of the type,
// so the operations of all the type's methods meet). index collects
// every operation on every such key of the package in one walk.

// opKind classifies one use of a tracker, channel, Cond or cancel func.
type opKind int

const (
	opOther    opKind = iota // wg.Add, len(ch), cancel != nil: nothing to follow
	opWait                   // tracker.Wait(), or a method value of it
	opRecv                   // <-ch, range ch
	opSend                   // ch <- v
	opClose                  // close(ch)
	opCall                   // cancel()
	opWrite                  // x = rhs, T{x: rhs}
	opEscape                 // the value flows somewhere the pass does not follow
	opDone                   // tracker.Done()
	opAdd                    // tracker.Add(n)
	opCondWait               // cond.Wait()
	opWake                   // cond.Signal(), cond.Broadcast()
	opArg                    // an argument of a call: see the callee's summary
)

// op is one use of a variable or field of interest.
type op struct {
	kind opKind
	pos  token.Pos
	decl *ast.FuncDecl // enclosing declaration, nil at package level
	cur  inspector.Cursor
	rhs  ast.Expr      // for opWrite: the value written, if known
	call *ast.CallExpr // for opArg: the call
	arg  int           // for opArg: the argument index
}

// index returns every use of trackers, channels and cancel funcs in the
// package, keyed by variable or field. It is built on first need, in one
// walk.
func (c *checker) index() map[*types.Var][]op {
	if c.ops != nil {
		return c.ops
	}
	c.ops = map[*types.Var][]op{}
	for cur := range c.insp.Root().Preorder((*ast.Ident)(nil), (*ast.SelectorExpr)(nil)) {
		var v *types.Var
		switch n := cur.Node().(type) {
		case *ast.Ident:
			if sel, ok := cur.Parent().Node().(*ast.SelectorExpr); ok && sel.Sel == n {
				continue // handled with the selector
			}
			v, _ = c.info.Uses[n].(*types.Var)
		case *ast.SelectorExpr:
			if sel := c.info.Selections[n]; sel != nil {
				if sel.Kind() != types.FieldVal {
					continue
				}
				v, _ = sel.Obj().(*types.Var)
			} else {
				v, _ = c.info.Uses[n.Sel].(*types.Var)
			}
		}
		if v == nil || v.Pkg() != c.pass.Pkg || !interesting(v.Type()) {
			continue
		}
		v = v.Origin() // one key for a field of every instance of a generic type
		o := c.classify(cur)
		o.decl = analysisutil.EnclosingDecl(cur)
		c.ops[v] = append(c.ops[v], o)
	}
	return c.ops
}

// interesting reports whether values of type t are trackers, channels,
// Conds or funcs (cancel funcs, local closures).
func interesting(t types.Type) bool {
	if primitive(t) {
		return true
	}
	_, ok := t.Underlying().(*types.Signature)
	return ok
}

// primitive reports whether t is a channel, a tracker or a Cond.
func primitive(t types.Type) bool {
	if isTrackerType(t) || isCondType(t) {
		return true
	}
	_, ok := t.Underlying().(*types.Chan)
	return ok
}

// classify decides what the use at cur does with the value.
func (c *checker) classify(cur inspector.Cursor) op {
	o := op{kind: opEscape, pos: cur.Node().Pos(), cur: cur}
	x := cur
	for {
		p := x.Parent()
		switch pn := p.Node().(type) {
		case *ast.ParenExpr, *ast.StarExpr:
			x = p
			continue
		case *ast.UnaryExpr:
			switch pn.Op {
			case token.AND:
				x = p
				continue
			case token.ARROW:
				o.kind = opRecv
				return o
			}
		}
		break
	}
	n := x.Node()
	p := x.Parent()
	switch pn := p.Node().(type) {
	case *ast.SelectorExpr:
		if pn.X != n {
			return o
		}
		if call, ok := p.Parent().Node().(*ast.CallExpr); ok && call.Fun == pn {
			o.kind = methodKind(analysisutil.CalleeName(c.info, call))
			return o
		}
		if sel := c.info.Selections[pn]; sel != nil && sel.Kind() != types.FieldVal {
			// A method value (defer-able s.wg.Wait): count a join.
			o.kind = opOther
			if fn, ok := sel.Obj().(*types.Func); ok {
				o.kind = methodKind(analysisutil.FuncName(fn))
			}
		}
	case *ast.SendStmt:
		if pn.Chan == n {
			o.kind = opSend
		}
	case *ast.RangeStmt:
		if pn.X == n {
			o.kind = opRecv
		}
	case *ast.CallExpr:
		switch {
		case pn.Fun == n:
			o.kind = opCall
		case isBuiltin(c.info, pn.Fun, "close"):
			o.kind = opClose
		case isBuiltin(c.info, pn.Fun, "len"), isBuiltin(c.info, pn.Fun, "cap"):
			o.kind = opOther
		default:
			for i, a := range pn.Args {
				if a == n {
					o.kind, o.call, o.arg = opArg, pn, i
				}
			}
		}
	case *ast.AssignStmt:
		for i, l := range pn.Lhs {
			if l != n {
				continue
			}
			o.kind = opWrite
			if len(pn.Lhs) == len(pn.Rhs) {
				o.rhs = pn.Rhs[i]
			} else if len(pn.Rhs) == 1 {
				o.rhs = pn.Rhs[0]
			}
		}
	case *ast.KeyValueExpr:
		if pn.Key == n {
			o.kind = opWrite
			o.rhs = pn.Value
		}
	case *ast.BinaryExpr, *ast.IncDecStmt:
		o.kind = opOther
	case *ast.ExprStmt:
		o.kind = opOther
	}
	return o
}

// methodKind classifies a method called (or taken as a value) on a
// primitive, by its typeutil name.
func methodKind(name string) opKind {
	switch {
	case knowledge.Joins[name]:
		return opWait
	case knowledge.TrackerDone[name] != "":
		return opDone
	case isSpawner(name):
		return opDone // wg.Go does Add, Done and go itself
	case knowledge.TrackerAdd[name]:
		return opAdd
	case knowledge.CondWaits[name]:
		return opCondWait
	case knowledge.CondWakes[name]:
		return opWake
	}
	return opOther
}

// does reports whether the operation o performs k, directly or through
// the summary of the callee it is handed to.
func (c *checker) does(o op, k opKind) bool {
	if o.kind == k {
		return true
	}
	if o.kind != opArg {
		return false
	}
	s, ok := c.argSummary(o.call, o.arg)
	if !ok {
		return false
	}
	m := s.Sync | s.Async
	switch k {
	case opSend:
		return m&mSend != 0
	case opRecv:
		return m&mRecv != 0
	case opClose:
		return m&mClose != 0
	case opDone:
		return m&mDone != 0
	case opWait:
		return m&mWait != 0
	}
	return false
}

// escaping reports whether o hands the value somewhere the pass does not
// follow: an assignment to something else, a result, or a call without
// a summary.
func (c *checker) escaping(o op) bool {
	if o.kind == opEscape {
		return true
	}
	if o.kind == opArg {
		_, ok := c.argSummary(o.call, o.arg)
		return !ok
	}
	return false
}

func isSpawner(name string) bool {
	_, ok := knowledge.Spawners[name]
	return ok
}
