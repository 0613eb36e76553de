package swallowedcancel_test

import (
	"path/filepath"
	"testing"

	"github.com/lifelint/lifelint/analyzers/swallowedcancel"
	"golang.org/x/tools/go/analysis/analysistest"
)

func testdata(t *testing.T) string {
	dir, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestSwallowedCancel(t *testing.T) {
	analysistest.Run(t, testdata(t), swallowedcancel.Analyzer, "swallowedcancel/a", "swallowedcancel/b", "swallowedcancel/owner")
}

// TestFixes applies the errors.Is fixes and compares with the .golden files.
func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata(t), swallowedcancel.Analyzer, "swallowedcancel/fix")
}
