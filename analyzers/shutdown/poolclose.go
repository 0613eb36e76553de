package shutdown

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/callgraph"
	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
	"golang.org/x/tools/go/ast/inspector"
)

// checkPoolClose reports a pool created in a long-running root (main, or a
// function that handles signals or starts a server) into a local variable
// whose Close is never called: on shutdown in-flight queries are cut and
// server-side connections linger. A pool that is returned, stored, put in a
// composite literal, handed to a deferred call or to a parameter of an
// interface type (an io.Closer registry) belongs to someone else and is not
// reported; neither are one-shot commands, whose exit closes everything.
func (s *state) checkPoolClose() {
	info := s.pass.TypesInfo
	for _, d := range s.g.Decls {
		root := d.Recv == nil && d.Name.Name == "main" && s.pass.Pkg.Name() == "main"
		if !root && s.signals[d] == nil {
			continue
		}
		if s.serves[d] == nil && s.signals[d] == nil {
			continue // a one-shot command
		}
		decl := s.decls[d]
		for _, c := range s.g.Calls[d] {
			if c.Callee == nil || c.Lit != nil || s.skip(c.Expr().Pos()) {
				continue
			}
			p, ok := s.cfg.Pools[s.funcName(c.Callee)]
			if !ok {
				continue
			}
			v := definedVar(info, c)
			if v == nil || !closable(v.Type()) || closedOrOwned(info, decl, v) {
				continue
			}
			s.pass.ReportRangef(c.Expr(), "%s creates %s (%s) that %s never closes: on shutdown in-flight work is cut and server-side connections linger; defer its Close right after the error check",
				analysisutil.ShortName(c.Callee), article(p.What), v.Name(), d.Name.Name)
		}
	}
}

// definedVar returns the variable that the call's first result is
// assigned to by := or var, or nil.
func definedVar(info *types.Info, c callgraph.Call) *types.Var {
	var id *ast.Ident
	switch p := c.Cursor.Parent().Node().(type) {
	case *ast.AssignStmt:
		if len(p.Rhs) == 1 && p.Rhs[0] == c.Expr() && p.Tok == token.DEFINE {
			id, _ = p.Lhs[0].(*ast.Ident)
		}
	case *ast.ValueSpec:
		if len(p.Values) == 1 && p.Values[0] == c.Expr() {
			id = p.Names[0]
		}
	}
	if id == nil {
		return nil
	}
	v, _ := info.Defs[id].(*types.Var)
	return v
}

// closable reports whether t has a cleanup method of the knowledge table.
func closable(t types.Type) bool {
	ms := types.NewMethodSet(t)
	if _, isPtr := t.(*types.Pointer); !isPtr && !types.IsInterface(t) {
		ms = types.NewMethodSet(types.NewPointer(t))
	}
	for sel := range ms.Methods() {
		if fn, ok := sel.Obj().(*types.Func); ok && knowledge.Cleanups[analysisutil.FuncName(fn)] {
			return true
		}
	}
	return false
}

// closedOrOwned reports whether, in decl, a cleanup method is called (or
// taken as a method value) on v, or v is handed to code that may close it.
func closedOrOwned(info *types.Info, decl inspector.Cursor, v *types.Var) bool {
	for c := range decl.Preorder((*ast.Ident)(nil)) {
		id := c.Node().(*ast.Ident)
		if info.Uses[id] != v {
			continue
		}
		switch p := c.Parent().Node().(type) {
		case *ast.SelectorExpr:
			if sel, ok := info.Selections[p]; ok {
				if fn, ok := sel.Obj().(*types.Func); ok && knowledge.Cleanups[analysisutil.FuncName(fn)] {
					return true
				}
			}
			continue
		case *ast.CallExpr:
			if ast.Unparen(p.Fun) == id {
				continue
			}
			if _, deferred := c.Parent().Parent().Node().(*ast.DeferStmt); deferred {
				return true
			}
			if t := paramType(info, p, id); t == nil || types.IsInterface(t) {
				return true
			}
			continue
		case *ast.AssignStmt:
			if slices.Contains(p.Lhs, ast.Expr(id)) {
				continue
			}
			return true
		case *ast.BinaryExpr, *ast.ParenExpr:
			continue // pool == nil
		}
		return true // returned, stored, in a composite literal, &pool
	}
	return false
}

// paramType returns the type of the parameter that arg is passed to, or
// nil when unknown.
func paramType(info *types.Info, call *ast.CallExpr, arg ast.Expr) types.Type {
	sig, ok := types.Unalias(info.TypeOf(call.Fun)).Underlying().(*types.Signature)
	if !ok {
		return nil
	}
	i := slices.Index(call.Args, arg)
	n := sig.Params().Len()
	switch {
	case i < 0:
		return nil
	case sig.Variadic() && i >= n-1:
		t := sig.Params().At(n - 1).Type()
		if call.Ellipsis.IsValid() {
			return t
		}
		return t.(*types.Slice).Elem()
	case i < n:
		return sig.Params().At(i).Type()
	}
	return nil
}
