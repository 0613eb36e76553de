package handlerblock_test

import (
	"path/filepath"
	"testing"

	"github.com/lifelint/lifelint/analyzers/handlerblock"
	"golang.org/x/tools/go/analysis/analysistest"
)

func testdata(t *testing.T) string {
	dir, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestHandlerBlock(t *testing.T) {
	analysistest.Run(t, testdata(t), handlerblock.Analyzer, "handlerblock/a", "handlerblock/b", "handlerblock/startup")
}

// TestFixes applies the suggested fixes and compares with the .golden files.
func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata(t), handlerblock.Analyzer, "handlerblock/fix")
}
