package callgraph

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// Unconditional reports whether the node at cur runs on every normal path
// through the function declaration around it: every call of the function
// that returns normally (not by a panic or an exit) has run it. The test
// is syntactic and conservative. From cur up to the declaration's body,
// each enclosing node must be one of
//
//   - a statement of a block (the body, or a plain nested { } block, or a
//     labelled statement) with no return and no goto before it in that
//     block (so not after an early return);
//   - the init or condition of an if, the init or tag of a switch or type
//     switch, the init or condition of a for, the operand of a range;
//   - an expression statement, assignment, declaration, send, inc/dec or
//     return, or an expression, but not the right operand of && or ||.
//
// Anything else makes it conditional: the body of an if, switch, select,
// for or range, a case clause, a function literal, a go or defer
// statement. A node outside any declaration is not unconditional.
func Unconditional(cur inspector.Cursor) bool {
	for ; cur.Index() >= 0; cur = cur.Parent() {
		kind := cur.ParentEdgeKind()
		switch n := cur.Parent().Node().(type) {
		case *ast.FuncDecl:
			return kind == edge.FuncDecl_Body
		case *ast.BlockStmt:
			for st, ok := cur.PrevSibling(); ok; st, ok = st.PrevSibling() {
				if mayLeave(st) {
					return false
				}
			}
		case *ast.LabeledStmt, *ast.ExprStmt, *ast.AssignStmt, *ast.DeclStmt, *ast.GenDecl, *ast.ValueSpec,
			*ast.SendStmt, *ast.IncDecStmt, *ast.ReturnStmt:
		case *ast.IfStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.ForStmt, *ast.RangeStmt:
			if !heads[kind] {
				return false
			}
		case *ast.BinaryExpr:
			if kind == edge.BinaryExpr_Y && (n.Op == token.LAND || n.Op == token.LOR) {
				return false
			}
		case ast.Expr:
			if _, lit := n.(*ast.FuncLit); lit {
				return false
			}
		default:
			// Go, defer, select, case clauses, and anything unforeseen.
			return false
		}
	}
	return false
}

// heads are the parts of the compound statements that run whenever the
// statement does.
var heads = map[edge.Kind]bool{
	edge.IfStmt_Init:           true,
	edge.IfStmt_Cond:           true,
	edge.SwitchStmt_Init:       true,
	edge.SwitchStmt_Tag:        true,
	edge.TypeSwitchStmt_Init:   true,
	edge.TypeSwitchStmt_Assign: true,
	edge.ForStmt_Init:          true,
	edge.ForStmt_Cond:          true,
	edge.RangeStmt_X:           true,
}

// mayLeave reports whether the statement at cur may return from its
// function or jump (goto) past the statements after it: it contains a
// return or a goto outside the function literals in it.
func mayLeave(cur inspector.Cursor) bool {
	leaves := false
	cur.Inspect([]ast.Node{(*ast.ReturnStmt)(nil), (*ast.BranchStmt)(nil), (*ast.FuncLit)(nil)}, func(c inspector.Cursor) bool {
		switch n := c.Node().(type) {
		case *ast.FuncLit:
			return false // its returns are its own
		case *ast.ReturnStmt:
			leaves = true
		case *ast.BranchStmt:
			if n.Tok == token.GOTO {
				leaves = true
			}
		}
		return !leaves
	})
	return leaves
}
