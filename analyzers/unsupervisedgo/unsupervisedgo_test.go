package unsupervisedgo_test

import (
	"testing"

	"github.com/lifelint/lifelint/analyzers/internal/analysistestutil"
	"github.com/lifelint/lifelint/analyzers/unsupervisedgo"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestUnsupervisedGo(t *testing.T) {
	analysistest.Run(t, analysistestutil.TestData(t), unsupervisedgo.Analyzer,
		"unsupervisedgo/handlers", "unsupervisedgo/service", "unsupervisedgo/initgo", "unsupervisedgo/server", "unsupervisedgo/sigtrap")
}

// TestFacts checks summaries across packages: a handler in a calls
// helpers of b that start goroutines; b's supervisor is recognised.
func TestFacts(t *testing.T) {
	analysistest.Run(t, analysistestutil.TestData(t), unsupervisedgo.Analyzer, "unsupervisedgo/facts/b", "unsupervisedgo/facts/a")
}

func TestSuggestedFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistestutil.TestData(t), unsupervisedgo.Analyzer, "unsupervisedgo/leakfix")
}

// TestLeak covers sends on channels whose launcher may stop reading.
func TestLeak(t *testing.T) {
	analysistest.Run(t, analysistestutil.TestData(t), unsupervisedgo.Analyzer, "unsupervisedgo/leak")
}

// TestStop covers goroutines waiting for a stop signal.
func TestStop(t *testing.T) {
	analysistest.Run(t, analysistestutil.TestData(t), unsupervisedgo.Analyzer, "unsupervisedgo/stop")
}

// TestJoin covers WaitGroup and errgroup joins.
func TestJoin(t *testing.T) {
	analysistest.Run(t, analysistestutil.TestData(t), unsupervisedgo.Analyzer, "unsupervisedgo/join")
}

// TestCallee checks parameter facts across packages: b exports what its
// functions do to their channel and WaitGroup parameters, a's goroutines
// are judged through them.
func TestCallee(t *testing.T) {
	analysistest.Run(t, analysistestutil.TestData(t), unsupervisedgo.Analyzer, "unsupervisedgo/callee/b", "unsupervisedgo/callee/a")
}

// TestConfined covers primitives no other goroutine can complete.
func TestConfined(t *testing.T) {
	analysistest.Run(t, analysistestutil.TestData(t), unsupervisedgo.Analyzer, "unsupervisedgo/confined")
}
