// Package analyzers lists lifelint's passes: what the binary, go vet
// -vettool, go fix -fixtool, the golangci-lint plugin and the language
// server serve.
package analyzers

import (
	"github.com/lifelint/lifelint/analyzers/handlerblock"
	"github.com/lifelint/lifelint/analyzers/internal/registry"
	"github.com/lifelint/lifelint/analyzers/requestpool"
	"github.com/lifelint/lifelint/analyzers/swallowedcancel"
	"github.com/lifelint/lifelint/analyzers/unsupervisedgo"
	"golang.org/x/tools/go/analysis"
)

// All is every pass with the default configuration, sorted by name.
var All = []*analysis.Analyzer{
	handlerblock.Analyzer,
	requestpool.Analyzer,
	swallowedcancel.Analyzer,
	unsupervisedgo.Analyzer,
}

// Metas is the registry entry of every pass, in the order of All.
var Metas = []registry.Meta{
	handlerblock.Meta,
	requestpool.Meta,
	swallowedcancel.Meta,
	unsupervisedgo.Meta,
}

var constructors = []func(*analysis.Analyzer) *analysis.Analyzer{
	handlerblock.New,
	requestpool.New,
	swallowedcancel.New,
	unsupervisedgo.New,
}
