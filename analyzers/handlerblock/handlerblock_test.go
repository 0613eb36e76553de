package handlerblock_test

import (
	"testing"

	"github.com/lifelint/lifelint/analyzers/handlerblock"
	"github.com/lifelint/lifelint/analyzers/internal/analysistestutil"
	"github.com/lifelint/lifelint/analyzers/internal/config"
	"github.com/lifelint/lifelint/analyzers/internal/requestpath"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestHandlerBlock(t *testing.T) {
	analysistest.Run(t, analysistestutil.TestData(t), handlerblock.Analyzer, "handlerblock/a", "handlerblock/b", "handlerblock/chains", "handlerblock/chans", "handlerblock/loops", "handlerblock/roots", "handlerblock/consumers", "handlerblock/ctxfield", "handlerblock/libs", "handlerblock/startup")
}

// TestCgo pins that files importing "C" are analyzed (issue 19: cmd/cgo's
// output carries a "Code generated" header).
func TestCgo(t *testing.T) {
	analysistest.Run(t, analysistestutil.TestData(t), handlerblock.Analyzer, "handlerblock/cgo")
}

// TestFixes applies the suggested fixes and compares with the .golden files.
func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistestutil.TestData(t), handlerblock.Analyzer, "handlerblock/fix", "handlerblock/gormfix")
}

// TestConfiguredBlocking shows that users add blocking functions.
func TestConfiguredBlocking(t *testing.T) {
	cfg, err := config.NewAnalyzer(config.Settings{Blocking: []string{"(*handlerblock/configured/queue.Client).Pop"}})
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, analysistestutil.TestData(t), handlerblock.New(requestpath.New(cfg)), "handlerblock/configured")
}
