package shutdown

import (
	"go/ast"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
)

// checkUnstoppable reports serve calls that leave no handle to stop the
// server: http.ListenAndServe and friends, gin's Run. No suggested fix: the
// graceful form needs a signal context and a Shutdown this call site cannot
// know about.
func (s *state) checkUnstoppable() {
	for c := range s.insp.Root().Preorder((*ast.CallExpr)(nil)) {
		call := c.Node().(*ast.CallExpr)
		fn := analysisutil.Callee(s.pass.TypesInfo, call)
		if fn == nil {
			continue
		}
		u, ok := knowledge.UnstoppableServers[analysisutil.FuncName(fn)]
		if !ok || s.skip(call.Pos()) {
			continue
		}
		s.pass.ReportRangef(call, "%s serves with no way to stop it: on SIGTERM the process dies and drops in-flight requests; use %s",
			analysisutil.ShortName(fn), u.Alternative)
	}
}
