package unsupervisedgo_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/lifelint/lifelint/analyzers/internal/analysistestutil"
	"github.com/lifelint/lifelint/analyzers/unsupervisedgo"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestZZDump(t *testing.T) {
	out := ""
	for _, r := range analysistest.Run(t, analysistestutil.TestData(t), unsupervisedgo.Analyzer, "unsupervisedgo/facts/b", "unsupervisedgo/facts/a") {
		for _, d := range r.Diagnostics {
			out += fmt.Sprintf("%v %v %s\n", r.Pass.Fset.Position(d.Pos), r.Pass.Fset.Position(d.End), d.Message)
			for _, rel := range d.Related {
				out += fmt.Sprintf("  %v %v %s\n", r.Pass.Fset.Position(rel.Pos), r.Pass.Fset.Position(rel.End), rel.Message)
			}
		}
	}
	os.WriteFile(os.Getenv("DUMP"), []byte(out), 0o644)
}
