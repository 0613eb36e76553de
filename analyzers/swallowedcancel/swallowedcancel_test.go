package swallowedcancel_test

import (
	"testing"

	"github.com/lifelint/lifelint/analyzers/internal/analysistestutil"
	"github.com/lifelint/lifelint/analyzers/swallowedcancel"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestSwallowedCancel(t *testing.T) {
	analysistest.Run(t, analysistestutil.TestData(t), swallowedcancel.Analyzer, "swallowedcancel/a", "swallowedcancel/b", "swallowedcancel/owner")
}

// TestFixes applies the errors.Is fixes and compares with the .golden files.
func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistestutil.TestData(t), swallowedcancel.Analyzer, "swallowedcancel/fix")
}
