package shutdown_test

import (
	"testing"

	"github.com/lifelint/lifelint/analyzers/internal/analysistestutil"
	"github.com/lifelint/lifelint/analyzers/internal/callgraph"
	"github.com/lifelint/lifelint/analyzers/shutdown"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestShutdown(t *testing.T) {
	analysistest.Run(t, analysistestutil.TestData(t), shutdown.Analyzer,
		"shutdown/unstoppable", "shutdown/serveerr", "shutdown/shutdownctx", "shutdown/nostop",
		"shutdown/signals/...", "shutdown/startupio", "shutdown/poolclose/...", "shutdown/exits/...", "shutdown/idiom/...", "shutdown/oneshot/...", "shutdown/helpers/...")
}

// TestSigtermFix checks the suggested fix that adds syscall.SIGTERM.
func TestSigtermFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistestutil.TestData(t), shutdown.Analyzer, "shutdown/sigterm")
}

// TestSignalsUnderScope runs the signal check as the lifelint vet tool
// does with a scope: packages outside module svc.example have no facts,
// so a serving path through them is unknown, not "handles nothing".
func TestSignalsUnderScope(t *testing.T) {
	if err := callgraph.Analyzer.Flags.Set("scope", "svc.example"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = callgraph.Analyzer.Flags.Set("scope", "") })
	analysistest.Run(t, analysistestutil.TestData(t), shutdown.Analyzer, "svc.example/signals/...")
}
