package requestpath

import (
	"go/ast"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
)

// RequestContext returns an expression, valid at cur, for the request's
// context: a context.Context parameter ("ctx"), or a handler parameter
// with an accessor in the knowledge tables (r.Context() of an
// *http.Request, c.Request.Context() of a *gin.Context, ...). It looks at
// the parameters of the enclosing functions, innermost first. Failing
// those, on a loop of a type that keeps its context in a field, it is that
// field of the receiver ("w.ctx", see FieldContext).
func (in *Info) RequestContext(cur inspector.Cursor) (string, bool) {
	if ctx, ok := in.paramContext(cur); ok {
		return ctx, true
	}
	return in.fieldContext(cur)
}

// paramContext returns the request context that a parameter of the
// functions enclosing cur gives, innermost first.
func (in *Info) paramContext(cur inspector.Cursor) (string, bool) {
	info := in.pass.TypesInfo
	for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		ft, _ := analysisutil.FuncParts(c.Node())
		for _, field := range ft.Params.List {
			t := info.TypeOf(field.Type)
			if t == nil || len(field.Names) == 0 || field.Names[0].Name == "_" {
				continue
			}
			name := field.Names[0].Name
			if analysisutil.IsContextType(t) {
				return name, true
			}
			for _, a := range in.Config.Compiled.RequestContexts {
				if a.Key.Matches(t) {
					return name + a.Accessor, true
				}
			}
		}
	}
	return "", false
}
