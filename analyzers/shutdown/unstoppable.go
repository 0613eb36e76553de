package shutdown

import (
	"go/ast"
	"go/types"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
	"golang.org/x/tools/go/ast/inspector"
)

// checkUnstoppable reports serve calls that leave no handle to stop the
// server: http.ListenAndServe and friends, gin's Run. http.Serve on a
// listener that its owner closes, or keeps where it can, is stopped by
// that Close. No suggested fix: the
// graceful form needs a signal context and a Shutdown this call site cannot
// know about.
func (s *state) checkUnstoppable() {
	for _, k := range s.knownCalls() {
		c, call, fn := k.cur, k.call, k.fn
		u, ok := knowledge.UnstoppableServers[k.name]
		if !ok || s.skip(call.Pos()) {
			continue
		}
		if u.OnListener && len(call.Args) > 0 && s.listenerHandle(c, call.Args[0]) {
			continue
		}
		s.pass.ReportRangef(call, "%s serves with no way to stop it: on SIGTERM the process dies and drops in-flight requests; use %s",
			analysisutil.ShortName(fn), u.Alternative)
	}
}

// listenerHandle reports whether the listener argument ln of the serve
// call at c is a handle its owner can close: a parameter, field or package
// variable (someone else bound it and holds it), or a local that is closed
// or escapes (stored in a field, appended to the owner's listeners, handed
// to a call) in the function. A listener made inline, or a local used only
// by the serve call, is not.
func (s *state) listenerHandle(c inspector.Cursor, ln ast.Expr) bool {
	v, ok := analysisutil.UsedObject(s.pass.TypesInfo, ln).(*types.Var)
	if !ok {
		return false
	}
	if v.IsField() || v.Parent() == s.pass.Pkg.Scope() || !s.owned(v) {
		return true
	}
	fun := outermostFunc(c)
	if !fun.Valid() {
		return true
	}
	return s.stoppedOrEscapes(fun, map[types.Object]bool{v: true}, []string{"Close"}, c.Node())
}
