package requestpath

import (
	"go/ast"
	"go/types"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// Graph is the package's intra-package call graph plus every call site,
// built in one walk. Passes use it to compute their function summaries.
type Graph struct {
	// Decls lists the package's function declarations with bodies, in
	// file order.
	Decls []*ast.FuncDecl
	// Funcs maps each declared function (its origin) to its declaration.
	Funcs map[*types.Func]*ast.FuncDecl
	// Calls lists, per declaration, the calls lexically inside it
	// (including nested literals), in source order.
	Calls map[*ast.FuncDecl][]Call
}

// Call is one call site.
type Call struct {
	Cursor inspector.Cursor // the *ast.CallExpr
	Callee *types.Func      // static or interface callee, origin; nil for func values
	// Lit is the innermost function literal containing the call, or nil.
	Lit *ast.FuncLit
	// Go reports that the call runs in a new goroutine: it is the call of
	// a go statement, or inside a literal (transitively) started by one.
	Go bool
}

// Call returns the call expression.
func (c Call) Expr() *ast.CallExpr { return c.Cursor.Node().(*ast.CallExpr) }

// Local reports whether c calls a function declared in this package.
func (g *Graph) Local(c Call) *ast.FuncDecl {
	if c.Callee == nil {
		return nil
	}
	return g.Funcs[c.Callee]
}

func buildGraph(pass *analysis.Pass, insp *inspector.Inspector) *Graph {
	g := &Graph{Funcs: map[*types.Func]*ast.FuncDecl{}, Calls: map[*ast.FuncDecl][]Call{}}
	for cur := range insp.Root().Preorder((*ast.FuncDecl)(nil)) {
		decl := cur.Node().(*ast.FuncDecl)
		if decl.Body == nil {
			continue
		}
		g.Decls = append(g.Decls, decl)
		if fn, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func); ok {
			g.Funcs[fn.Origin()] = decl
		}
		var calls []Call
		for cc := range cur.Preorder((*ast.CallExpr)(nil)) {
			call := Call{Cursor: cc, Callee: analysisutil.Callee(pass.TypesInfo, cc.Node().(*ast.CallExpr))}
			for p := range cc.Enclosing((*ast.FuncLit)(nil)) {
				if call.Lit == nil {
					call.Lit = p.Node().(*ast.FuncLit)
				}
				if isGoLit(p) {
					call.Go = true
				}
			}
			if _, ok := cc.Parent().Node().(*ast.GoStmt); ok {
				call.Go = true
			}
			calls = append(calls, call)
		}
		g.Calls[decl] = calls
	}
	return g
}

// isGoLit reports whether the literal at cur is the function of a go
// statement: go func() { ... }().
func isGoLit(cur inspector.Cursor) bool {
	call, ok := cur.Parent().Node().(*ast.CallExpr)
	if !ok || ast.Unparen(call.Fun) != cur.Node() {
		return false
	}
	_, ok = cur.Parent().Parent().Node().(*ast.GoStmt)
	return ok
}
