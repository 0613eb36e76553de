package unsupervisedgo

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
	"golang.org/x/tools/go/ast/inspector"
)

// opKind classifies one use of a tracker, channel or cancel func.
type opKind int

const (
	opOther  opKind = iota // wg.Add, len(ch), cancel != nil: nothing to follow
	opWait                 // tracker.Wait(), or a method value of it
	opRecv                 // <-ch, range ch
	opSend                 // ch <- v
	opClose                // close(ch)
	opCall                 // cancel()
	opWrite                // x = rhs, T{x: rhs}
	opEscape               // the value flows somewhere the pass does not follow
)

// op is one use of a variable or field of interest.
type op struct {
	kind opKind
	pos  token.Pos
	decl *ast.FuncDecl // enclosing declaration, nil at package level
	cur  inspector.Cursor
	rhs  ast.Expr // for opWrite: the value written, if known
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
		o := c.classify(cur)
		o.decl = enclosingDecl(cur)
		c.ops[v] = append(c.ops[v], o)
	}
	return c.ops
}

// interesting reports whether values of type t are trackers, channels or
// cancel funcs.
func interesting(t types.Type) bool {
	if isTrackerType(t) {
		return true
	}
	switch u := t.Underlying().(type) {
	case *types.Chan:
		return true
	case *types.Signature:
		return u.Params().Len() <= 1 && u.Results().Len() == 0
	}
	return false
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
			name := analysisutil.CalleeName(c.info, call)
			switch {
			case knowledge.Joins[name]:
				o.kind = opWait
			default:
				o.kind = opOther
			}
			return o
		}
		if sel := c.info.Selections[pn]; sel != nil && sel.Kind() != types.FieldVal {
			// A method value (defer-able s.wg.Wait): count a join.
			if fn, ok := sel.Obj().(*types.Func); ok && knowledge.Joins[analysisutil.FuncName(fn)] {
				o.kind = opWait
			} else {
				o.kind = opOther
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
