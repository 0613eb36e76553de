package main

import (
	"strings"

	"github.com/lifelint/lifelint/analyzers"
	"github.com/lifelint/lifelint/internal/ignore"
	"golang.org/x/tools/go/analysis"
)

// extraAnalyzers and extraPasses hold passes that only test builds serve
// (see testpass.go, build tag lifelinttest).
var (
	extraAnalyzers []*analysis.Analyzer
	extraPasses    []passInfo
)

// passInfo is what the outputs need to know about a pass.
type passInfo struct {
	Name     string
	Title    string
	Doc      string // full documentation (Analyzer.Doc)
	URL      string // docs page
	Severity string // "error" or "warning"
	// NonDefault passes run only when enabled by name.
	NonDefault bool
}

// directivePass describes the pseudo pass that reports bad or unused
// //lifelint:ignore directives.
var directivePass = passInfo{Name: ignore.Pass, Title: ignore.Title, Doc: ignore.Doc, URL: ignore.DocsURL, Severity: "warning"}

// passes returns every pass the binary serves, sorted by name as in
// analyzers.All, followed by test-only passes.
func passes() []passInfo {
	var out []passInfo
	for i, a := range analyzers.All {
		m := analyzers.Metas[i]
		title := m.Title
		if title == "" {
			title, _, _ = strings.Cut(a.Doc, "\n")
		}
		out = append(out, passInfo{Name: a.Name, Title: title, Doc: a.Doc, URL: a.URL, Severity: string(m.Severity), NonDefault: m.NonDefault})
	}
	return append(out, extraPasses...)
}

func passNames() []string {
	var names []string
	for _, p := range passes() {
		names = append(names, p.Name)
	}
	return names
}

// nonDefault reports whether the pass named name is opt-in.
func nonDefault(name string) bool {
	for _, p := range passes() {
		if p.Name == name {
			return p.NonDefault
		}
	}
	return false
}
