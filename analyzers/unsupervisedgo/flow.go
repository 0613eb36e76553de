package unsupervisedgo

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
	"golang.org/x/tools/go/ast/inspector"
)

// Syntactic control-flow helpers shared by the checks.

// leaves reports whether the statements can leave the enclosing loop: they
// contain a return, a goto or a labelled break. An unlabelled break leaves
// only a select or switch, and statements inside function literals run
// elsewhere, so neither counts.
func leaves(stmts []ast.Stmt) bool {
	found := false
	for _, s := range stmts {
		ast.Inspect(s, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				found = true
			case *ast.BranchStmt:
				if n.Tok == token.GOTO || (n.Tok == token.BREAK && n.Label != nil) {
					found = true
				}
			}
			return !found
		})
	}
	return found
}

// firstReturn returns the first return statement in body (not in nested
// literals), or nil.
func firstReturn(body *ast.BlockStmt) *ast.ReturnStmt {
	var ret *ast.ReturnStmt
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if ret == nil {
				ret = n
			}
		}
		return ret == nil
	})
	return ret
}

// inLoop reports whether cur is inside a loop of the function fn.
func inLoop(cur inspector.Cursor, fn ast.Node) bool {
	return loopAround(cur, fn, token.NoPos)
}

// loopAround reports whether cur is inside a loop of fn that does not
// also contain pos: a loop that runs cur many times for one evaluation
// of pos (a go statement in a loop, with its channel made before the
// loop). With pos == token.NoPos any loop counts.
func loopAround(cur inspector.Cursor, fn ast.Node, pos token.Pos) bool {
	for p := cur.Parent(); p.Node() != nil && p.Node() != fn; p = p.Parent() {
		switch l := p.Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			if pos == token.NoPos || pos < l.Pos() || pos >= l.End() {
				return true
			}
		}
	}
	return false
}

// deferred reports whether the close or send at cur runs deferred: defer
// close(ch), or inside defer func() { ... }().
func deferred(cur inspector.Cursor) bool {
	for p := cur.Parent(); p.Node() != nil; p = p.Parent() {
		switch p.Node().(type) {
		case *ast.DeferStmt:
			return true
		case *ast.FuncLit:
			if call, ok := p.Parent().Node().(*ast.CallExpr); ok && call.Fun == p.Node() {
				if _, ok := p.Parent().Parent().Node().(*ast.DeferStmt); ok {
					return true
				}
			}
			return false
		}
	}
	return false
}

// invokedInPlace reports whether the literal at cur is called where it
// is written: func() { ... }(), or defer func() { ... }(). A go
// statement's literal is not: it runs in a goroutine of its own.
func invokedInPlace(cur inspector.Cursor) bool {
	call, ok := cur.Parent().Node().(*ast.CallExpr)
	if !ok || ast.Unparen(call.Fun) != cur.Node() {
		return false
	}
	_, isGo := cur.Parent().Parent().Node().(*ast.GoStmt)
	return !isGo
}

// mayReturn reports whether control can continue after call: not after
// panic, os.Exit or log.Fatal.
func (c *checker) mayReturn(call *ast.CallExpr) bool {
	if isBuiltin(c.info, call.Fun, "panic") {
		return false
	}
	return !knowledge.NoReturn[analysisutil.CalleeName(c.info, call)]
}

func isBuiltin(info *types.Info, fun ast.Expr, name string) bool {
	id, ok := ast.Unparen(fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	return ok && b.Name() == name
}
