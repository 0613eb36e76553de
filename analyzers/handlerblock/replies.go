package handlerblock

import (
	"go/ast"
	"go/constant"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
)

// Reply channels: a struct field that carries one answer per value. Every
// value of the field is made in this package with a buffer (make(chan T,
// 1), directly or through a local), the field is unexported, and the
// package has one send on it outside its tests, which its function follows with close of
// the same channel before any loop goes round again. That send is the
// value's only one and finds its buffer empty, so it cannot block.

// replyChans is what findReplyChans learns about the package's channel
// fields.
type replyChans struct {
	buffered map[*types.Var]bool // every value of the field is made with a buffer
	sends    map[*types.Var]int  // send statements on the field
}

// findReplyChans records the unexported channel fields whose every value
// is made with a constant buffer of at least one, and counts the sends on
// each.
func (c *checker) findReplyChans(insp *inspector.Inspector) {
	info := c.pass.TypesInfo
	// origins holds what each local and each field is assigned; unknown
	// marks those assigned something this pass cannot follow (a call with
	// several results, a positional composite literal).
	origins := map[types.Object][]ast.Expr{}
	unknown := map[types.Object]bool{}
	for cur := range insp.Root().Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.KeyValueExpr)(nil), (*ast.CompositeLit)(nil), (*ast.SendStmt)(nil)) {
		if c.rp.Graph.InTest(cur.Node().Pos()) {
			// Tests play the other end themselves (a fake worker that
			// replies); what counts is the production code.
			continue
		}
		switch n := cur.Node().(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				obj := assignedObj(info, lhs)
				if obj == nil {
					continue
				}
				if len(n.Lhs) != len(n.Rhs) {
					unknown[obj] = true
					continue
				}
				origins[obj] = append(origins[obj], n.Rhs[i])
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				obj := info.Defs[name]
				switch {
				case obj == nil:
				case len(n.Values) == len(n.Names):
					origins[obj] = append(origins[obj], n.Values[i])
				default:
					unknown[obj] = true // zero value (a nil channel) or several results
				}
			}
		case *ast.KeyValueExpr:
			if k, ok := n.Key.(*ast.Ident); ok {
				if v, ok := info.Uses[k].(*types.Var); ok && v.IsField() {
					origins[v] = append(origins[v], n.Value)
				}
			}
		case *ast.CompositeLit:
			st, ok := typeOrPointee(info.TypeOf(n)).Underlying().(*types.Struct)
			if !ok || len(n.Elts) == 0 {
				continue
			}
			if _, keyed := n.Elts[0].(*ast.KeyValueExpr); keyed {
				continue
			}
			for f := range st.Fields() {
				unknown[f] = true
			}
		case *ast.SendStmt:
			if v := sharedVarOf(info, n.Chan); v != nil && v.IsField() {
				c.replies.sends[v]++
			}
		}
	}
	// buffered reports whether e is a make with a constant buffer of at
	// least one, or a local assigned only such makes.
	var buffered func(e ast.Expr, depth int) bool
	buffered = func(e ast.Expr, depth int) bool {
		switch e := ast.Unparen(e).(type) {
		case *ast.CallExpr:
			if !isMakeCall(info, e) || len(e.Args) != 2 {
				return false
			}
			n := info.Types[e.Args[1]].Value
			if n == nil {
				return false
			}
			v, exact := constant.Int64Val(constant.ToInt(n))
			return exact && v >= 1
		case *ast.Ident:
			obj, _ := info.ObjectOf(e).(*types.Var)
			if obj == nil || obj.IsField() || unknown[obj] || len(origins[obj]) == 0 || depth > 2 {
				return false
			}
			for _, o := range origins[obj] {
				if !buffered(o, depth+1) {
					return false
				}
			}
			return true
		}
		return false
	}
	for obj, values := range origins {
		v, ok := obj.(*types.Var)
		if !ok || !v.IsField() || v.Exported() || unknown[v] || v.Pkg() != c.pass.Pkg {
			continue
		}
		if _, ok := v.Type().Underlying().(*types.Chan); !ok {
			continue
		}
		all := true
		for _, e := range values {
			all = all && buffered(e, 0)
		}
		if all {
			c.replies.buffered[v] = true
		}
	}
}

// oneReply reports whether the send at cur, on the channel expression ch,
// is the one reply of a reply channel (see above).
func (c *checker) oneReply(cur inspector.Cursor, ch ast.Expr) bool {
	v := sharedVarOf(c.pass.TypesInfo, ch)
	if v == nil || !c.replies.buffered[v] || c.replies.sends[v] != 1 {
		return false
	}
	return c.closedAfter(cur, ch)
}

// closedAfter reports whether a statement after the one at cur, in its
// block or an enclosing block of the same loop iteration, closes ch.
func (c *checker) closedAfter(cur inspector.Cursor, ch ast.Expr) bool {
	want := types.ExprString(ch)
	for p := cur; p.Index() >= 0; p = p.Parent() {
		switch p.Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt, *ast.FuncLit, *ast.FuncDecl, *ast.SelectStmt:
			return false
		}
		blk, ok := p.Parent().Node().(*ast.BlockStmt)
		if !ok {
			continue
		}
		st, ok := p.Node().(ast.Stmt)
		if !ok {
			continue
		}
		after := false
		for _, s := range blk.List {
			if s == st {
				after = true
				continue
			}
			if !after {
				continue
			}
			es, ok := s.(*ast.ExprStmt)
			if !ok {
				continue
			}
			call, ok := ast.Unparen(es.X).(*ast.CallExpr)
			if ok && len(call.Args) == 1 && isBuiltin(c.pass.TypesInfo, call, "close") && types.ExprString(call.Args[0]) == want {
				return true
			}
		}
	}
	return false
}

// assignedObj returns the local or field that lhs names.
func assignedObj(info *types.Info, lhs ast.Expr) types.Object {
	switch l := ast.Unparen(lhs).(type) {
	case *ast.Ident:
		if l.Name == "_" {
			return nil
		}
		return info.ObjectOf(l)
	case *ast.SelectorExpr:
		return info.ObjectOf(l.Sel)
	}
	return nil
}

func typeOrPointee(t types.Type) types.Type {
	if t == nil {
		return types.Typ[types.Invalid]
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

func isMakeCall(info *types.Info, call *ast.CallExpr) bool {
	return isBuiltin(info, call, "make")
}

func isBuiltin(info *types.Info, call *ast.CallExpr, name string) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	return ok && b.Name() == name
}
