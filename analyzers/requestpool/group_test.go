package requestpool_test

import (
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lifelint/lifelint/analyzers/internal/analysistestutil"
	"github.com/lifelint/lifelint/analyzers/requestpool"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestGroupedCalls: calls of one pool-creating helper are one finding, at
// the first call, with the other calls, in source order, as its related
// locations (issue 15 item 7).
func TestGroupedCalls(t *testing.T) {
	got := map[string][]string{}
	for _, r := range analysistest.Run(t, analysistestutil.TestData(t), requestpool.Analyzer, "requestpool/group", "requestpool/a") {
		for _, d := range r.Diagnostics {
			callee, _, _ := strings.Cut(d.Message, " ")
			for _, rel := range d.Related {
				p := r.Pass.Fset.Position(rel.Pos)
				got[callee] = append(got[callee], fmt.Sprintf("%s:%d: %s", filepath.Base(p.Filename), p.Line, rel.Message))
			}
		}
	}
	want := map[string][]string{
		"group.openDB": {
			"group.go:25: also calls group.openDB in net/http handler Show",
			"group.go:30: also calls group.openDB in net/http handler Delete",
		},
		"group.cache2": {"group.go:44: also calls group.cache2 in net/http handler Twice"},
		// A lock without a cache does not share the pool (more.go).
		"b.OpenDB": {"more.go:221: also calls b.OpenDB in net/http handler (*HelperCache).Leak"},
	}
	if !maps.EqualFunc(got, want, slices.Equal) {
		t.Errorf("related locations = %q\nwant %q", got, want)
	}
}
