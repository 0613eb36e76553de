package swallowedcancel

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// compare flags err == context.Canceled (and !=) on an error returned by
// a call, with a fix to errors.Is.
func (c *checker) compare(cur inspector.Cursor, b *ast.BinaryExpr) {
	if b.Op != token.EQL && b.Op != token.NEQ {
		return
	}
	errExpr, sent := b.X, c.sentinel(b.Y)
	if sent == "" {
		errExpr, sent = b.Y, c.sentinel(b.X)
	}
	if sent == "" || !c.fromCall(cur, errExpr) {
		return
	}
	short := strings.TrimPrefix(sent, "context.")
	call := fmt.Sprintf("errors.Is(%s, context.%s)", c.render(errExpr), short)
	neg := ""
	if b.Op == token.NEQ {
		neg = "!"
	}
	d := analysis.Diagnostic{Pos: b.Pos(), End: b.End(),
		Message: fmt.Sprintf("%s compares with context.%s by identity: callers wrap it (%%w, *url.Error, gRPC), so a wrapped cancellation is missed; use %s%s", c.render(b), short, neg, call)}
	if errPkg, imp, ok := c.errorsIsQualifier(b.Pos()); ok {
		text := fmt.Sprintf("%s%s.%s(%s, %s)", neg, errPkg, knowledge.ErrorsIs.Name, c.render(errExpr), c.render(sentExpr(b, errExpr)))
		edits := []analysis.TextEdit{{Pos: b.Pos(), End: b.End(), NewText: []byte(text)}}
		edits = append(edits, imp...)
		d.SuggestedFixes = []analysis.SuggestedFix{{Message: "use " + neg + "errors.Is", TextEdits: edits}}
	}
	c.pass.Report(d)
}

func sentExpr(b *ast.BinaryExpr, errExpr ast.Expr) ast.Expr {
	if b.X == errExpr {
		return b.Y
	}
	return b.X
}

// compareSwitch flags switch err { case context.Canceled: } on an error
// returned by a call, rewriting it to a tagless switch of errors.Is.
func (c *checker) compareSwitch(cur inspector.Cursor, s *ast.SwitchStmt) {
	if s.Tag == nil {
		return
	}
	var first ast.Expr
	for _, st := range s.Body.List {
		for _, e := range st.(*ast.CaseClause).List {
			if first == nil && c.sentinel(e) != "" {
				first = e
			}
		}
	}
	if first == nil || !c.fromCall(cur, s.Tag) {
		return
	}
	d := analysis.Diagnostic{Pos: first.Pos(), End: first.End(),
		Message: fmt.Sprintf("switch %s { case %s: } compares by identity: callers wrap context errors (%%w, *url.Error, gRPC), so a wrapped cancellation is missed; use switch { case errors.Is(%s, %s): }",
			c.render(s.Tag), c.render(first), c.render(s.Tag), c.render(first))}
	var at []token.Pos
	for _, st := range s.Body.List {
		for _, e := range st.(*ast.CaseClause).List {
			at = append(at, e.Pos())
		}
	}
	tag, ok := ast.Unparen(s.Tag).(*ast.Ident)
	errPkg, imp, okPkg := c.errorsIsQualifier(at...)
	if ok && okPkg {
		edits := []analysis.TextEdit{{Pos: s.Tag.Pos(), End: s.Tag.End()}}
		safe := true
		for _, st := range s.Body.List {
			for _, e := range st.(*ast.CaseClause).List {
				var text string
				switch {
				case isNil(c.pass.TypesInfo, e):
					text = tag.Name + " == nil"
				case types.Implements(c.pass.TypesInfo.TypeOf(e), errorType):
					text = fmt.Sprintf("%s.%s(%s, %s)", errPkg, knowledge.ErrorsIs.Name, tag.Name, c.render(e))
				default:
					safe = false
				}
				edits = append(edits, analysis.TextEdit{Pos: e.Pos(), End: e.End(), NewText: []byte(text)})
			}
		}
		if safe {
			d.SuggestedFixes = []analysis.SuggestedFix{{Message: "use errors.Is in a tagless switch", TextEdits: append(edits, imp...)}}
		}
	}
	c.pass.Report(d)
}

// fromCall reports whether e is an error returned by a call other than
// ctx.Err(): the call itself, or a variable assigned from one in the
// enclosing function.
func (c *checker) fromCall(cur inspector.Cursor, e ast.Expr) bool {
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok {
		return !c.isCtxErrSource(call) && !isConversion(c.pass.TypesInfo, call)
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return false
	}
	obj := c.pass.TypesInfo.ObjectOf(id)
	if obj == nil {
		return false
	}
	fn := analysisutil.EnclosingFunc(cur)
	if !fn.Valid() {
		return false
	}
	found := false
	for a := range fn.Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)) {
		var lhs []ast.Expr
		var rhs []ast.Expr
		switch s := a.Node().(type) {
		case *ast.AssignStmt:
			lhs, rhs = s.Lhs, s.Rhs
		case *ast.ValueSpec:
			for _, n := range s.Names {
				lhs = append(lhs, n)
			}
			rhs = s.Values
		}
		for i, l := range lhs {
			lid, ok := l.(*ast.Ident)
			if !ok || c.pass.TypesInfo.ObjectOf(lid) != obj {
				continue
			}
			var r ast.Expr
			if len(rhs) == len(lhs) {
				r = rhs[i]
			} else if len(rhs) == 1 {
				r = rhs[0]
			}
			if call, ok := ast.Unparen(r).(*ast.CallExpr); ok && !c.isCtxErrSource(call) && !isConversion(c.pass.TypesInfo, call) {
				found = true
			}
		}
	}
	return found
}
