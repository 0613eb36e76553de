package requestpool_test

import (
	"testing"

	"github.com/lifelint/lifelint/analyzers/internal/analysistestutil"
	"github.com/lifelint/lifelint/analyzers/internal/config"
	"github.com/lifelint/lifelint/analyzers/internal/requestpath"
	"github.com/lifelint/lifelint/analyzers/requestpool"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestRequestPool(t *testing.T) {
	analysistest.Run(t, analysistestutil.TestData(t), requestpool.Analyzer, "requestpool/a", "requestpool/b", "requestpool/behaviour", "requestpool/startup")
}

// TestConfiguredPools shows that users add constructors and pool types.
func TestConfiguredPools(t *testing.T) {
	cfg, err := config.NewAnalyzer(config.Settings{Pools: []string{"requestpool/configured/db.Open", "&requestpool/configured/db.Pool"}})
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, analysistestutil.TestData(t), requestpool.New(requestpath.New(cfg)), "requestpool/configured")
}
