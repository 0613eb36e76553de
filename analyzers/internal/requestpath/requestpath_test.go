package requestpath_test

import (
	"go/ast"
	"go/types"
	"testing"

	"github.com/lifelint/lifelint/analyzers/internal/analysistestutil"
	"github.com/lifelint/lifelint/analyzers/internal/config"
	"github.com/lifelint/lifelint/analyzers/internal/requestpath"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// show reports the classification of every function, literal and loop
// region that is itself a request path (not merely inside one).
func newShow(rp *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "showrequestpath",
		Doc:      "report request-path classification (test only)",
		Requires: []*analysis.Analyzer{inspect.Analyzer, rp},
		Run: func(pass *analysis.Pass) (any, error) {
			in := pass.ResultOf[rp].(*requestpath.Info)
			insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
			for cur := range insp.Root().Preorder((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil), (*ast.BlockStmt)(nil), (*ast.CommClause)(nil)) {
				switch n := cur.Node().(type) {
				case *ast.FuncDecl, *ast.FuncLit:
					if r := in.Func(n); r != nil {
						pass.Reportf(n.Pos(), "%s", r)
					}
				case *ast.BlockStmt:
					// Loop bodies: report at the loop.
					parent := cur.Parent().Node()
					switch parent.(type) {
					case *ast.RangeStmt, *ast.ForStmt:
						if r := in.At(cur); r != nil && r.Pos == parent.Pos() {
							pass.Reportf(parent.Pos(), "%s", r)
						}
					}
				case *ast.CommClause:
					if r := in.At(cur); r != nil && r.Pos == n.Pos() {
						pass.Reportf(n.Pos(), "%s", r)
					}
				}
			}
			return nil, nil
		},
	}
}

func TestRequestPath(t *testing.T) {
	testdata := analysistestutil.TestData(t)
	analysistest.Run(t, testdata, newShow(requestpath.Analyzer),
		"requestpath/handlers", "requestpath/grpcsvc", "requestpath/pb", "requestpath/consumers",
		"requestpath/cli", "requestpath/helpers")
}

// TestConfiguredHandlers checks that user-configured handler signatures,
// named handler types and message types are honoured.
func TestConfiguredHandlers(t *testing.T) {
	testdata := analysistestutil.TestData(t)
	cfg, err := config.NewAnalyzer(config.Settings{Handlers: []string{
		"func(*requestpath/configured/bus.Message) error",
		"requestpath/configured/bus.Processor",
		"requestpath/configured/bus.Job",
	}})
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testdata, newShow(requestpath.New(cfg)), "requestpath/configured")
}

// newShowContext reports, at every context.TODO() call (the fixtures'
// marker), the request context that RequestContext finds there.
func newShowContext(rp *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "showrequestcontext",
		Doc:      "report the request context in scope at context.TODO() (test only)",
		Requires: []*analysis.Analyzer{inspect.Analyzer, rp},
		Run: func(pass *analysis.Pass) (any, error) {
			in := pass.ResultOf[rp].(*requestpath.Info)
			insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
			for cur := range insp.Root().Preorder((*ast.CallExpr)(nil)) {
				call := cur.Node().(*ast.CallExpr)
				if fn, _ := typeutil.Callee(pass.TypesInfo, call).(*types.Func); fn == nil || fn.FullName() != "context.TODO" {
					continue
				}
				ctx, ok := in.RequestContext(cur)
				if !ok {
					ctx = "none"
				}
				pass.Reportf(call.Pos(), "ctx %s", ctx)
			}
			return nil, nil
		},
	}
}

// TestRequestContext checks where RequestContext finds the request's
// context: parameters first, then a receiver's context field on its type's
// own loops (fieldctx.go).
func TestRequestContext(t *testing.T) {
	analysistest.Run(t, analysistestutil.TestData(t), newShowContext(requestpath.Analyzer), "requestpath/fieldctx")
}
