package requestpool

import (
	"fmt"

	"github.com/lifelint/lifelint/analyzers/internal/requestpath"
	"golang.org/x/tools/go/analysis"
)

// reportCalls reports the calls on request paths of functions that create
// a pool, once per callee chain: a helper that creates a pool at every call
// is one root cause, however many handlers call it. The first call is
// reported, the others are its related locations (requestpath.Groups), and
// the advice names the helper, where the fix is. whats says what each
// chain creates.
func reportCalls(pass *analysis.Pass, calls *requestpath.Groups, whats map[string]string) {
	for _, g := range calls.All() {
		d := g.Diagnostic()
		fix := advice
		if len(g.Sites) > 1 {
			fix = fmt.Sprintf("a pool per request exhausts connections; create it once at startup, not at every call of %s, and inject it", g.Callee())
		}
		d.Message = fmt.Sprintf("%s creates %s in %s%s: %s", g.Key, article(whats[g.Key]), g.First().Reason, g.Elsewhere(), fix)
		pass.Report(d)
	}
}
