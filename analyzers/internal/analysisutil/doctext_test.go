package analysisutil

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"testing"
)

// parsedDocText is what lineDocText stands for: the package doc comment's
// text by go/parser and go/ast, and whether there is one.
func parsedDocText(t *testing.T, src string) (string, bool) {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "", src, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil || f.Doc == nil {
		return "", false
	}
	return f.Doc.Text(), true
}

// TestLineDocText checks the fast path against go/ast on every pass's
// doc.go and on the comment shapes it must leave to the parser or get
// the same as it.
func TestLineDocText(t *testing.T) {
	docs, err := filepath.Glob("../../*/doc.go")
	if err != nil || len(docs) < 5 {
		t.Fatalf("doc.go files of the passes: %v, %v", docs, err)
	}
	cases := map[string]string{}
	for _, name := range docs {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		cases[name] = string(data)
	}
	for name, src := range map[string]string{
		"simple":       "// Package p does things.\npackage p\n",
		"blank runs":   "//\n// Package p.\n//\n//\n//\n// More.\n//\n//\npackage p\n",
		"directives":   "// Package p.\n//go:generate x\n//lint:ignore U1000 x\n//line a.go:1\n//export F\n//extern f\n//nospace kept\n// Done.\npackage p\n",
		"no space":     "//Package p.\n//\tindented\npackage p\n",
		"trailing ws":  "// Package p.   \n// x\t\npackage p\n",
		"crlf":         "// Package p.\r\n// More.\r\npackage p\r\n",
		"two groups":   "// Copyright.\n\n// Package p.\npackage p\n",
		"constraint":   "//go:build linux\n\n// Package p.\npackage p\n",
		"block":        "/* Package p.\n   More. */\npackage p\n",
		"none":         "package p\n",
		"only blank":   "//\n//\npackage p\n",
		"indented":     "  // Package p.\npackage p\n",
		"no package":   "// Package p.\n",
		"headings":     "// Package p.\n//\n// # Analyzer foo\n//\n// foo: finds foo\n//\n// Body.\npackage p\n",
		"unicode":      "// Paquet p — été.\npackage p\n",
		"package late": "// Package p.\nimport \"x\"\npackage p\n",
	} {
		cases[name] = src
	}
	fast := 0
	for name, src := range cases {
		want, wantOK := parsedDocText(t, src)
		got, ok := lineDocText(src)
		if !ok {
			continue // ExtractDoc parses it
		}
		fast++
		if !wantOK || got != want {
			t.Errorf("%s: lineDocText = %q, want %q (parsed: %v)", name, got, want, wantOK)
		}
	}
	for _, name := range docs {
		if _, ok := lineDocText(cases[name]); !ok {
			t.Errorf("%s: lineDocText leaves it to the parser", name)
		}
	}
	if fast < len(docs)+6 {
		t.Errorf("only %d cases took the fast path", fast)
	}
}
