package handlerblock

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/callgraph"
	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
	"github.com/lifelint/lifelint/analyzers/internal/requestpath"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// blockingCall reports whether the call at cur blocks without a context:
// a key of the blocking table (with the special cases of exec and
// time.After), or a call of a variable set to such a function.
func (c *checker) blockingCall(cur inspector.Cursor) (site, bool) {
	info := c.pass.TypesInfo
	call := cur.Node().(*ast.CallExpr)
	fn := analysisutil.Callee(info, call)
	if fn == nil {
		if v := calledVar(info, call); v != nil {
			if target := c.blockingVars[v]; target != nil {
				kb := c.rp.Config.Blocking[analysisutil.FuncName(target)]
				return site{cur: cur, name: analysisutil.ShortName(target), kb: kb}, true
			}
			var f blocksFact
			if v.Pkg() != c.pass.Pkg && c.pass.ImportObjectFact(v, &f) && len(f.Chain) > 0 {
				return site{cur: cur, name: f.Chain[0], kb: c.rp.Config.Blocking[f.Key]}, true
			}
		}
		return site{}, false
	}
	if s, ok := c.ctxChain(cur, fn); ok {
		return s, true
	}
	kb, ok := c.rp.Config.Blocking[analysisutil.FuncName(fn)]
	if !ok {
		return site{}, false
	}
	if kb.Receive {
		return c.receive(cur, kb)
	}
	if knowledge.Sleeps[analysisutil.FuncName(fn)] && c.throttle(cur, call) {
		return site{}, false
	}
	if c.quickNetwork(cur, call, kb) {
		return site{}, false
	}
	s := site{cur: cur, name: analysisutil.ShortName(fn), kb: kb}
	sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if kb.Builder != "" {
		if !isSel {
			return site{}, false
		}
		built := c.builtBy(cur, sel.X, kb.Builder)
		if built == nil {
			return site{}, false // built by the Context variant, or unknown: when in doubt, silent
		}
		if bsel, ok := ast.Unparen(built.Fun).(*ast.SelectorExpr); ok && kb.BuilderCtx != "" {
			s.fix = func(ctx string) []analysis.TextEdit {
				return renameAndPrepend(built, bsel, kb.BuilderCtx, ctx+", ")
			}
		}
	}
	if kb.CtxMethod != "" && isSel {
		args := "ctx, "
		if kb.CtxExtra != "" {
			args = "ctx, " + kb.CtxExtra
		} else if len(call.Args) == 0 {
			args = "ctx"
		}
		s.fix = func(ctx string) []analysis.TextEdit {
			return renameAndPrepend(call, sel, kb.CtxMethod, strings.Replace(args, "ctx", ctx, 1))
		}
	}
	return s, true
}

// ctxChain reports a query method of a builder type (gorm, resty) whose
// chain has no With method and starts at a shared handle (a struct field
// or a package-level variable) or at a call that makes a fresh builder
// (client.R()). Chains that start at a local or a parameter
// (tx in a Transaction callback, db := h.db.WithContext(ctx)) are left
// alone: their context is set elsewhere, or when in doubt.
func (c *checker) ctxChain(cur inspector.Cursor, fn *types.Func) (site, bool) {
	recv := fn.Signature().Recv()
	if recv == nil {
		return site{}, false
	}
	key, _ := analysisutil.NamedKey(recv.Type())
	chain, ok := knowledge.CtxChains[key]
	if !ok || !slices.Contains(chain.Runs, fn.Name()) {
		return site{}, false
	}
	info := c.pass.TypesInfo
	sel, ok := ast.Unparen(cur.Node().(*ast.CallExpr).Fun).(*ast.SelectorExpr)
	if !ok {
		return site{}, false
	}
	root := ast.Unparen(sel.X)
	fresh := false // root is a call that starts a builder (client.R())
	for !fresh {
		call, ok := root.(*ast.CallExpr)
		if !ok {
			break
		}
		m := analysisutil.Callee(info, call)
		s, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if m == nil || !ok || m.Signature().Recv() == nil {
			return site{}, false
		}
		if k, _ := analysisutil.NamedKey(m.Signature().Recv().Type()); k != key {
			if !slices.Contains(chain.Start, m.Name()) {
				return site{}, false
			}
			fresh = true
			continue
		}
		if m.Name() == chain.With {
			return site{}, false
		}
		root = ast.Unparen(s.X)
	}
	if !fresh && !c.sharedVar(root) {
		return site{}, false
	}
	kb := knowledge.Blocking{
		Reason:      chain.What + ", since the chain has no " + chain.With,
		Alternative: types.ExprString(root) + "." + chain.With + "(ctx)",
	}
	return site{cur: cur, name: analysisutil.ShortName(fn), kb: kb, fix: func(ctx string) []analysis.TextEdit {
		return []analysis.TextEdit{{Pos: root.End(), End: root.End(), NewText: []byte("." + chain.With + "(" + ctx + ")")}}
	}}, true
}

// builtBy returns the call of builder (a knowledge key: os/exec.Command)
// that built the receiver x: x itself, or the only assignment of the local
// variable x. It returns nil for any other origin (exec.CommandContext) and
// for anything it cannot trace.
func (c *checker) builtBy(cur inspector.Cursor, x ast.Expr, builder string) *ast.CallExpr {
	info := c.pass.TypesInfo
	x = ast.Unparen(x)
	if id, ok := x.(*ast.Ident); ok {
		v, _ := info.Uses[id].(*types.Var)
		if v == nil {
			return nil
		}
		var origin ast.Expr
		n := 0
		for fc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
			for a := range fc.Preorder((*ast.AssignStmt)(nil)) {
				as := a.Node().(*ast.AssignStmt)
				for i, lhs := range as.Lhs {
					lid, ok := lhs.(*ast.Ident)
					if !ok || (info.Defs[lid] != v && info.Uses[lid] != v) {
						continue
					}
					n++
					if len(as.Rhs) == len(as.Lhs) {
						origin = as.Rhs[i]
					}
				}
			}
			break
		}
		if n != 1 || origin == nil {
			return nil
		}
		x = ast.Unparen(origin)
	}
	call, ok := x.(*ast.CallExpr)
	if !ok || analysisutil.CalleeName(info, call) != builder {
		return nil
	}
	return call
}

// receive reports a receive from the channel the call at cur returns
// (time.After) outside a select that also waits on a context's Done
// channel.
func (c *checker) receive(cur inspector.Cursor, kb knowledge.Blocking) (site, bool) {
	recv, ok := cur.Parent().Node().(*ast.UnaryExpr)
	if !ok || recv.Op != token.ARROW {
		return site{}, false
	}
	rcur := cur.Parent()
	// The receive is a select case when the statement holding it is the
	// Comm of a clause: CommClause <- BlockStmt <- SelectStmt.
	for p := rcur.Parent(); p.Index() >= 0; p = p.Parent() {
		if _, ok := p.Node().(ast.Stmt); !ok {
			continue
		}
		if k, _ := p.ParentEdge(); k == edge.CommClause_Comm {
			if sel, ok := p.Parent().Parent().Parent().Node().(*ast.SelectStmt); ok && (c.selectWatchesDone(sel) || selectWatchesStop(sel)) {
				return site{}, false
			}
		}
		break
	}
	name := "<-" + analysisutil.ShortName(analysisutil.Callee(c.pass.TypesInfo, cur.Node().(*ast.CallExpr)))
	return site{cur: rcur, name: name, kb: kb}, true
}

// selectWatchesDone reports whether sel has a case receiving from the Done
// channel of a context.Context.
func (c *checker) selectWatchesDone(sel *ast.SelectStmt) bool {
	found := false
	for _, s := range sel.Body.List {
		cc, ok := s.(*ast.CommClause)
		if !ok || cc.Comm == nil {
			continue
		}
		ast.Inspect(cc.Comm, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok && knowledge.DoneChannels[analysisutil.CalleeName(c.pass.TypesInfo, call)] {
				found = true
			}
			return !found
		})
	}
	return found
}

// calledVar returns the variable (package-level var or struct field) a
// call of a func value calls, or nil.
func calledVar(info *types.Info, call *ast.CallExpr) *types.Var {
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		v, _ := info.Uses[f].(*types.Var)
		return v
	case *ast.SelectorExpr:
		if s, ok := info.Selections[f]; ok && s.Kind() == types.FieldVal {
			v, _ := s.Obj().(*types.Var)
			return v
		}
		v, _ := info.Uses[f.Sel].(*types.Var)
		return v
	}
	return nil
}

// findBlockingVars records package-level func variables and struct fields
// that are initialised or assigned to a blocking function (var sleep =
// time.Sleep; Retrier{Sleep: time.Sleep}; r.sleep = time.Sleep).
func (c *checker) findBlockingVars(insp *inspector.Inspector) {
	info := c.pass.TypesInfo
	blockingFunc := func(e ast.Expr) *types.Func {
		fn, _ := analysisutil.UsedObject(info, e).(*types.Func)
		if fn == nil {
			return nil
		}
		// A Receive entry (time.After) blocks only in the receive from its
		// result, which the variable's callers do themselves.
		if kb, ok := c.rp.Config.Blocking[analysisutil.FuncName(fn)]; !ok || kb.Receive {
			return nil
		}
		return fn
	}
	set := func(lhs ast.Expr, rhs ast.Expr) {
		fn := blockingFunc(rhs)
		if fn == nil {
			return
		}
		var v *types.Var
		switch l := ast.Unparen(lhs).(type) {
		case *ast.Ident:
			v, _ = info.ObjectOf(l).(*types.Var)
			if v != nil && !v.IsField() && v.Parent() != v.Pkg().Scope() {
				v = nil // locals: not tracked
			}
		case *ast.SelectorExpr:
			v, _ = info.ObjectOf(l.Sel).(*types.Var)
		}
		if v != nil && v.Pkg() == c.pass.Pkg && c.blockingVars[v] == nil {
			c.blockingVars[v] = fn
			if v.Exported() {
				c.pass.ExportObjectFact(v, &blocksFact{Chain: callgraph.Chain{analysisutil.ShortName(fn)}, Key: analysisutil.FuncName(fn)})
			}
		}
	}
	for cur := range insp.Root().Preorder((*ast.ValueSpec)(nil), (*ast.AssignStmt)(nil), (*ast.KeyValueExpr)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.ValueSpec:
			if len(n.Values) == len(n.Names) {
				for i, name := range n.Names {
					set(name, n.Values[i])
				}
			}
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				for i := range n.Lhs {
					set(n.Lhs[i], n.Rhs[i])
				}
			}
		case *ast.KeyValueExpr:
			if k, ok := n.Key.(*ast.Ident); ok {
				if v, ok := info.Uses[k].(*types.Var); ok && v.IsField() {
					set(k, n.Value)
				}
			}
		}
	}
}

// collect finds the direct blocking sites: table calls, channel operations
// and selects, by declaration, plus those in package-level variables.
func (c *checker) collect(insp *inspector.Inspector) {
	c.sites = map[*ast.FuncDecl][]site{}
	for top := range insp.Root().Preorder((*ast.FuncDecl)(nil), (*ast.GenDecl)(nil)) {
		d, isFunc := top.Node().(*ast.FuncDecl)
		if isFunc && d.Body == nil {
			continue
		}
		if _, inFile := top.Parent().Node().(*ast.File); !isFunc && !inFile {
			continue // a declaration inside a function body
		}
		for cur := range top.Preorder((*ast.CallExpr)(nil), (*ast.SendStmt)(nil), (*ast.UnaryExpr)(nil), (*ast.SelectStmt)(nil)) {
			var (
				s  site
				ok bool
			)
			if call, isCall := cur.Node().(*ast.CallExpr); isCall {
				if !isFunc {
					c.pkgCalls = append(c.pkgCalls, requestpath.Call{Cursor: cur, Callee: analysisutil.Callee(c.pass.TypesInfo, call), Go: analysisutil.InGoStmt(cur)})
				}
				if _, isGo := cur.Parent().Node().(*ast.GoStmt); isGo {
					continue // go bg.Wait(): runs in its own goroutine
				}
				s, ok = c.blockingCall(cur)
				if !ok && isFunc {
					s, ok = c.rootedSite(cur, top, d) // bgio.go
				}
			} else {
				s, ok = c.chanOp(cur)
			}
			switch {
			case !ok:
			case isFunc:
				c.sites[d] = append(c.sites[d], s)
			default:
				c.pkgSites = append(c.pkgSites, s)
			}
		}
	}
}

// throttle reports whether the sleep call at cur is a short constant pause
// (at most knowledge.ThrottleLimit) between the rounds of the loop it sits
// in, whose condition checks a context (for ctx.Err() == nil), or whose body
// starts with such a check (if ctx.Err() != nil { return }): the loop sees
// cancellation within one pause.
func (c *checker) throttle(cur inspector.Cursor, call *ast.CallExpr) bool {
	info := c.pass.TypesInfo
	if len(call.Args) != 1 {
		return false
	}
	tv := info.Types[call.Args[0]]
	if tv.Value == nil {
		return false
	}
	d, exact := constant.Int64Val(constant.ToInt(tv.Value))
	if !exact || d > int64(knowledge.ThrottleLimit) {
		return false
	}
	for loop := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		f, ok := loop.Node().(*ast.ForStmt)
		if !ok {
			return false
		}
		if f.Cond != nil && c.checksContext(f.Cond) {
			return true
		}
		if len(f.Body.List) > 0 {
			if ifs, ok := f.Body.List[0].(*ast.IfStmt); ok && c.checksContext(ifs.Cond) && len(ifs.Body.List) > 0 {
				switch ifs.Body.List[len(ifs.Body.List)-1].(type) {
				case *ast.ReturnStmt, *ast.BranchStmt:
					return true
				}
			}
		}
		return false
	}
	return false
}

// checksContext reports whether cond calls the Err method of a
// context.Context.
func (c *checker) checksContext(cond ast.Expr) bool {
	found := false
	ast.Inspect(cond, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Err" && len(call.Args) == 0 {
			if t := c.pass.TypesInfo.TypeOf(sel.X); t != nil && analysisutil.IsContextType(t) {
				found = true
			}
		}
		return !found
	})
	return found
}

// quickNetwork reports whether the dial call's network argument is, as a
// constant, one of kb.QuickNetworks (a unixgram dial does not wait).
func (c *checker) quickNetwork(cur inspector.Cursor, call *ast.CallExpr, kb knowledge.Blocking) bool {
	if len(kb.QuickNetworks) == 0 || kb.NetworkArg >= len(call.Args) {
		return false
	}
	v := c.constString(cur, call.Args[kb.NetworkArg])
	return v != "" && slices.Contains(kb.QuickNetworks, v)
}

// constString returns the string constant e evaluates to: a constant, or
// the field of a local set once from a composite literal that gives the
// field a constant (addr := &net.UnixAddr{Net: "unixgram"}; addr.Net),
// where the function assigns neither again. It returns "" otherwise.
func (c *checker) constString(cur inspector.Cursor, e ast.Expr) string {
	info := c.pass.TypesInfo
	if v := info.Types[e].Value; v != nil {
		if v.Kind() == constant.String {
			return constant.StringVal(v)
		}
		return ""
	}
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	x, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return ""
	}
	obj, field := info.Uses[x], info.Uses[sel.Sel]
	fc := analysisutil.EnclosingFunc(cur)
	if obj == nil || field == nil || !fc.Valid() {
		return ""
	}
	var lit *ast.CompositeLit
	n := 0
	for a := range fc.Preorder((*ast.AssignStmt)(nil)) {
		as := a.Node().(*ast.AssignStmt)
		for i, lhs := range as.Lhs {
			switch l := ast.Unparen(lhs).(type) {
			case *ast.Ident:
				if info.ObjectOf(l) != obj {
					continue
				}
				n++
				if len(as.Lhs) == len(as.Rhs) {
					r := ast.Unparen(as.Rhs[i])
					if u, ok := r.(*ast.UnaryExpr); ok && u.Op == token.AND {
						r = ast.Unparen(u.X)
					}
					lit, _ = r.(*ast.CompositeLit)
				}
			case *ast.SelectorExpr:
				if info.Uses[l.Sel] == field {
					return "" // the field is set again
				}
			}
		}
	}
	if n != 1 || lit == nil {
		return ""
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if k, ok := kv.Key.(*ast.Ident); ok && info.Uses[k] == field {
			if v := info.Types[kv.Value].Value; v != nil && v.Kind() == constant.String {
				return constant.StringVal(v)
			}
		}
	}
	return ""
}
