//go:build lifelinttest

package main

import (
	"errors"
	"fmt"
	"go/ast"
	"os"
	"time"

	"golang.org/x/tools/go/analysis"
)

// lifelinttest is a pass that exists only in binaries built with
// -tags lifelinttest, so that the CLI contract tests do not depend on the
// details of the real passes: it reports every call of a function named
// Bad and offers to rename the call to Good (and offers a fix that breaks
// the syntax for calls of Broken); in a package that declares a
// function named AnalysisError it fails, as a pass with a bug would; in
// one that declares AnalysisHang it writes its process id and its
// parent's (go vet's) to the file $LIFELINT_TEST_HANG and hangs, for the
// tests of interrupts.
var lifelinttest = &analysis.Analyzer{
	Name: "lifelinttest",
	Doc:  "report calls of functions named Bad (test builds only)\n\nCall Good instead.",
	URL:  "https://github.com/lifelint/lifelint/blob/main/docs/lifelinttest.md",
	Run: func(pass *analysis.Pass) (any, error) {
		if pass.Pkg.Scope().Lookup("AnalysisError") != nil {
			return nil, errors.New("analysis error requested")
		}
		if pass.Pkg.Scope().Lookup("AnalysisHang") != nil {
			pids := fmt.Sprintf("%d %d\n", os.Getpid(), os.Getppid())
			if err := os.WriteFile(os.Getenv("LIFELINT_TEST_HANG"), []byte(pids), 0o644); err != nil {
				return nil, err
			}
			time.Sleep(10 * time.Minute)
		}
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				id, ok := call.Fun.(*ast.Ident)
				if ok && id.Name == "Broken" {
					// A fix that breaks the syntax, for -fix's refusal.
					pass.Report(analysis.Diagnostic{
						Pos:     call.Pos(),
						Message: "call of Broken",
						SuggestedFixes: []analysis.SuggestedFix{{
							Message:   "break the call",
							TextEdits: []analysis.TextEdit{{Pos: call.Rparen, End: call.Rparen + 1}},
						}},
					})
					return true
				}
				if !ok || id.Name != "Bad" {
					return true
				}
				pass.Report(analysis.Diagnostic{
					Pos:     call.Pos(),
					End:     call.End(),
					Message: "call of Bad; call Good instead",
					SuggestedFixes: []analysis.SuggestedFix{{
						Message:   "call Good",
						TextEdits: []analysis.TextEdit{{Pos: id.Pos(), End: id.End(), NewText: []byte("Good")}},
					}},
				})
				return true
			})
		}
		return nil, nil
	},
}

func init() {
	extraAnalyzers = append(extraAnalyzers, lifelinttest)
	extraPasses = append(extraPasses, passInfo{
		Name:     lifelinttest.Name,
		Title:    "report calls of functions named Bad (test builds only)",
		Doc:      lifelinttest.Doc,
		URL:      lifelinttest.URL,
		Severity: "warning",
	})
}
