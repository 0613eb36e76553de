package handlerblock

import (
	"fmt"
	"go/ast"

	"github.com/lifelint/lifelint/analyzers/internal/callgraph"
	"github.com/lifelint/lifelint/analyzers/internal/requestpath"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// reportSite reports a direct blocking site on a request path. A site in
// the body of a helper that is on a request path only because a request
// path calls it (d's reason is Called) is part of d's summary and is
// reported at those calls instead, with the chain.
func (c *checker) reportSite(s site, d *ast.FuncDecl) {
	r := c.rp.At(s.cur)
	if r == nil || s.rooted || c.rp.Graph.Generated(s.cur.Node().Pos()) {
		return
	}
	if d != nil && r.Kind == requestpath.Called && c.rp.RunsWithFunc(s.cur, d) {
		return
	}
	reason, alt := s.kb.Reason, s.kb.Alternative
	if reason == "" {
		reason = "blocks without a context"
	}
	if alt == "" && s.kb.CtxMethod != "" {
		// A context field of the receiver is named: nothing in the
		// signature says it is there (requestpath.FieldContext).
		ctx, ok := c.rp.FieldContext(s.cur)
		if !ok {
			ctx = "ctx"
		}
		alt = s.kb.CtxMethod + "(" + ctx + ", ...)"
		if call, ok := s.cur.Node().(*ast.CallExpr); ok && len(call.Args) == 0 {
			alt = s.kb.CtxMethod + "(" + ctx + ")"
		}
	}
	if alt == "" {
		alt = "a context-aware variant"
	}
	c.report(s.cur, s.fix, "%s in %s: it %s, so a cancelled request keeps waiting and shutdown waits for it; use %s", s.name, r, reason, alt)
}

// report reports at the node of cur, with a suggested fix when fix is
// non-nil and the request context is in scope.
func (c *checker) report(cur inspector.Cursor, fix func(string) []analysis.TextEdit, format string, args ...any) {
	n := cur.Node()
	d := analysis.Diagnostic{Pos: n.Pos(), End: n.End(), Message: fmt.Sprintf(format, args...)}
	if fix != nil {
		if ctx, ok := c.rp.RequestContext(cur); ok {
			if edits := fix(ctx); edits != nil {
				d.SuggestedFixes = []analysis.SuggestedFix{{Message: "use the request context " + ctx, TextEdits: edits}}
			}
		}
	}
	c.pass.Report(d)
}

// renameAndPrepend renames the selector of call to name and inserts args
// before its first argument.
func renameAndPrepend(call *ast.CallExpr, sel *ast.SelectorExpr, name, args string) []analysis.TextEdit {
	return []analysis.TextEdit{
		{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte(name)},
		{Pos: call.Lparen + 1, End: call.Lparen + 1, NewText: []byte(args)},
	}
}

// reportAll reports the direct sites and the calls on request paths.
func (c *checker) reportAll(chains map[*ast.FuncDecl]callgraph.Chain) {
	g := c.rp.Graph
	for _, d := range g.Decls {
		for _, s := range c.sites[d] {
			c.reportSite(s, d)
		}
		for _, call := range g.Calls[d] {
			c.checkCall(call, chains)
		}
	}
	for _, s := range c.pkgSites {
		c.reportSite(s, nil)
	}
	for _, call := range c.pkgCalls {
		c.checkCall(call, chains)
	}
	c.reportChains()
}
