package swallowedcancel

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

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
	if sent == "" || !c.possiblyWrapped(cur, errExpr) {
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
	if first == nil || !c.possiblyWrapped(cur, s.Tag) {
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
