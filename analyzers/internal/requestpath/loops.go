package requestpath

import (
	"go/ast"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
)

// longRunning reports whether decl runs a loop that lives as long as its
// context: an endless for, or a loop over messages or ticks. Such a
// function is a worker started once, not a per-operation function; its
// loop bodies are request paths of their own.
func (c *classifier) longRunning(decl *ast.FuncDecl) bool {
	found := false
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ForStmt:
			if n.Cond == nil {
				found = true
			}
		case *ast.RangeStmt:
			if _, kind := c.chanKind(c.pass.TypesInfo.TypeOf(n.X)); kind != 0 {
				found = true
			}
		}
		return !found
	})
	return found
}

// receiverLoop reports the framework if the loop body calls a
// message-receiving function directly (not in a nested literal).
func (c *classifier) receiverLoop(body inspector.Cursor) string {
	if !body.Valid() {
		return ""
	}
	fw := ""
	body.Inspect([]ast.Node{(*ast.CallExpr)(nil), (*ast.FuncLit)(nil)}, func(cur inspector.Cursor) bool {
		if fw != "" {
			return false
		}
		switch n := cur.Node().(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if f, ok := c.recvs[analysisutil.CalleeName(c.pass.TypesInfo, n)]; ok {
				fw = f
				return false
			}
		}
		return true
	})
	return fw
}

// directlyInLoop reports whether the select at cur is a statement of a for
// or range loop body (not inside a nested function literal).
func directlyInLoop(cur inspector.Cursor) bool {
	for c := cur.Parent(); c.Node() != nil; c = c.Parent() {
		switch c.Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return true
		case *ast.FuncLit, *ast.FuncDecl:
			return false
		}
	}
	return false
}
