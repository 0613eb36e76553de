package shutdown_test

import (
	"testing"

	"github.com/lifelint/lifelint/analyzers/internal/analysistestutil"
	"github.com/lifelint/lifelint/analyzers/shutdown"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestShutdown(t *testing.T) {
	analysistest.Run(t, analysistestutil.TestData(t), shutdown.Analyzer,
		"shutdown/unstoppable", "shutdown/serveerr", "shutdown/shutdownctx", "shutdown/nostop")
}
