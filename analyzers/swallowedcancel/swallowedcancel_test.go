package swallowedcancel_test

import (
	"testing"

	"github.com/lifelint/lifelint/analyzers/internal/analysistestutil"
	"github.com/lifelint/lifelint/analyzers/swallowedcancel"
	"golang.org/x/tools/go/analysis/analysistest"
)

// The fixtures follow the checks: testdata/src/swallowedcancel/<check>/.

func TestCompare(t *testing.T) {
	analysistest.Run(t, analysistestutil.TestData(t), swallowedcancel.Analyzer, "swallowedcancel/compare")
}

// TestCompareFixes applies the errors.Is fixes and compares with the
// .golden files.
func TestCompareFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistestutil.TestData(t), swallowedcancel.Analyzer, "swallowedcancel/compare/fix")
}

func TestText(t *testing.T) {
	analysistest.Run(t, analysistestutil.TestData(t), swallowedcancel.Analyzer, "swallowedcancel/text")
}

func TestWrap(t *testing.T) {
	analysistest.Run(t, analysistestutil.TestData(t), swallowedcancel.Analyzer, "swallowedcancel/wrap")
}

func TestDone(t *testing.T) {
	analysistest.Run(t, analysistestutil.TestData(t), swallowedcancel.Analyzer, "swallowedcancel/done", "swallowedcancel/done/owner")
}

func TestLoops(t *testing.T) {
	analysistest.Run(t, analysistestutil.TestData(t), swallowedcancel.Analyzer, "swallowedcancel/loops", "swallowedcancel/loops/attempt")
}

// TestFacts checks ctxErrFact export (b) and its use in another package (a).
func TestFacts(t *testing.T) {
	analysistest.Run(t, analysistestutil.TestData(t), swallowedcancel.Analyzer, "swallowedcancel/facts/a", "swallowedcancel/facts/b")
}

// TestOwners checks that loops run only by a supervisor that created
// their context (its runsOwnedFact) may return nil on its stop.
func TestOwners(t *testing.T) {
	analysistest.Run(t, analysistestutil.TestData(t), swallowedcancel.Analyzer, "swallowedcancel/owners/group", "swallowedcancel/owners")
}
