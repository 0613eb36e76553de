package requestpool

import (
	_ "embed"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/registry"
	"github.com/lifelint/lifelint/analyzers/internal/requestpath"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
)

//go:embed doc.go
var doc string

// Meta is the pass's registry entry.
var Meta = registry.Meta{
	Name:     "requestpool",
	Title:    "report connection pools and clients created per request, message or tick",
	Since:    "v0.1.0",
	Severity: registry.Warning,
}

// New returns the pass reading the request-path model from rp (a
// requestpath analyzer built on the desired configuration).
func New(rp *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     Meta.Name,
		Doc:      analysisutil.MustExtractDoc(doc, Meta.Name),
		URL:      registry.URL(Meta.Name),
		Requires: []*analysis.Analyzer{inspect.Analyzer, rp},
		Run: func(pass *analysis.Pass) (any, error) {
			return run(pass, pass.ResultOf[rp].(*requestpath.Info))
		},
	}
}

// Analyzer is the pass with the default configuration.
var Analyzer = New(requestpath.Analyzer)

func run(pass *analysis.Pass, rp *requestpath.Info) (any, error) {
	// TODO(issue): implement the pass.
	return nil, nil
}
