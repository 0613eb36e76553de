package shutdown

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/callgraph"
	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
	"golang.org/x/tools/go/ast/inspector"
)

// checkExits reports calls that end the process (log.Fatal, os.Exit,
// klog.Fatal, or a function that calls one, across packages) where that
// skips cleanup: in a goroutine whose launcher (or a local caller of it)
// has a deferred Close or Shutdown pending, after a deferred Close or
// Shutdown of the same function, or anywhere in a library package but in
// the handler of a one-shot command (cliCode). One finding per call, in
// that order of precedence.
//
// A goroutine's exit is reported only with a cleanup it skips in view: a
// storage loop that fail-stops on a failed write, started by a constructor
// with nothing deferred, skips nothing the pass can name (in a library it
// is the library rule's business).
func (s *state) checkExits() {
	library := s.isLibrary()
	for _, d := range s.g.Decls {
		for _, c := range s.g.Calls[d] {
			chain, direct := s.exitVia(c)
			if chain == nil || s.skip(c.Expr().Pos()) || s.forceQuit(c.Cursor) {
				continue
			}
			inGo := s.inGoroutine(c)
			cleanup, owner := "", ""
			switch {
			case inGo:
				cleanup, owner = s.cleanupSkippedByGoroutine(d, c)
			case c.Lit == nil:
				cleanup = s.cleanupBefore(d, c.Expr().Pos())
			}
			switch {
			case inGo && cleanup != "":
				s.pass.ReportRangef(c.Expr(), "%s in a goroutine exits the process without running the deferred %s of %s: in-flight work is lost; return the error to the goroutine's owner (errgroup, an error channel) and shut down from there", chain, cleanup, owner)
			case cleanup != "":
				s.pass.ReportRangef(c.Expr(), "%s after defer %s exits the process without running it: the deferred cleanup is skipped; return an error instead (move the body into a run() error) and exit in main once the deferred calls ran", chain, cleanup)
			case library && direct && !s.inCLI(d, c.Cursor):
				s.pass.ReportRangef(c.Expr(), "%s in library package %s ends the process of every program that imports it, skipping their cleanup: return an error and let main decide", chain, s.pass.Pkg.Name())
			}
		}
	}
}

// cleanupSkippedByGoroutine returns the deferred cleanup ("db.Close()")
// that the exit call c, in a goroutine started in d, skips, and the name
// of the function that deferred it: one pending in d where the goroutine
// starts, or, when d has none, in a local caller of d at its call of d
// (transitively, through calls on the caller's own goroutine, tests
// left out), that the
// goroutine does not run itself before the exit (cleanedInGoroutine). It
// returns "" when no cleanup is in view.
func (s *state) cleanupSkippedByGoroutine(d *ast.FuncDecl, c callgraph.Call) (cleanup, owner string) {
	launch := launchNode(s, c)
	done := s.cleanedInGoroutine(d, c, launch)
	first := func(pending []string) string {
		for _, p := range pending {
			if !done[p] {
				return p
			}
		}
		return ""
	}
	if p := first(s.pendingCleanups(d, launch.Pos())); p != "" {
		return p, d.Name.Name
	}
	seen := map[*ast.FuncDecl]bool{d: true}
	work := []*ast.FuncDecl{d}
	for len(work) > 0 && len(seen) <= maxCallerWalk {
		callee := work[0]
		work = work[1:]
		for _, cl := range s.callersOf(callee) {
			if cl.goCall || s.skip(cl.decl.Pos()) {
				// Another goroutine: its launcher's defers are not this
				// one's. A test (or test helper): its defers are not the
				// service's cleanup.
				continue
			}
			if p := first(s.pendingCleanups(cl.decl, cl.call.Expr().Pos())); p != "" {
				return p, cl.decl.Name.Name
			}
			if !seen[cl.decl] {
				seen[cl.decl] = true
				work = append(work, cl.decl)
			}
		}
	}
	return "", ""
}

// cleanedInGoroutine returns the cleanup calls ("db.Close()") that the
// goroutine started at launch makes itself before its exit call c: calls
// before c, or anywhere in the goroutine when c is in a deferred literal
// (defer func() { os.Exit(code) }() runs last). An exit after them is the
// last step of a shutdown routine, not a skip.
func (s *state) cleanedInGoroutine(d *ast.FuncDecl, c callgraph.Call, launch ast.Node) map[string]bool {
	done := map[string]bool{}
	end := c.Expr().Pos()
	if inDeferredLit(c.Cursor, launch) {
		end = launch.End()
	}
	for _, o := range s.g.Calls[d] {
		pos := o.Expr().Pos()
		if pos <= launch.Pos() || pos >= end || o.Callee == nil || !knowledge.Cleanups[s.funcName(o.Callee)] {
			continue
		}
		if _, deferred := o.Cursor.Parent().Node().(*ast.DeferStmt); !deferred {
			done[types.ExprString(o.Expr().Fun)+"()"] = true
		}
	}
	return done
}

// inDeferredLit reports whether cur lies in a literal that a defer
// statement inside launch calls.
func inDeferredLit(cur inspector.Cursor, launch ast.Node) bool {
	for lit := range cur.Enclosing((*ast.FuncLit)(nil)) {
		if lit.Node().Pos() <= launch.Pos() {
			return false
		}
		call, ok := lit.Parent().Node().(*ast.CallExpr)
		if !ok || ast.Unparen(call.Fun) != lit.Node() {
			continue
		}
		if _, ok := lit.Parent().Parent().Node().(*ast.DeferStmt); ok {
			return true
		}
	}
	return false
}

// maxCallerWalk bounds the functions visited up the local callers.
const maxCallerWalk = 64

// caller is a local call site of a function: the calling declaration and
// the call, and whether the call runs in a goroutine of its own.
type caller struct {
	decl   *ast.FuncDecl
	call   callgraph.Call
	goCall bool
}

// callersOf returns the local call sites of d from other declarations
// (the call-graph layer's Callers), built once per function.
func (s *state) callersOf(d *ast.FuncDecl) []caller {
	if cs, ok := s.callers[d]; ok {
		return cs
	}
	if s.callers == nil {
		s.callers = map[*ast.FuncDecl][]caller{}
	}
	var cs []caller
	for _, o := range s.g.Callers(d) {
		if e := analysisutil.EnclosingDecl(o.Cursor); e != nil && e != d {
			cs = append(cs, caller{e, o, s.inGoroutine(o)})
		}
	}
	s.callers[d] = cs
	return cs
}

// launchNode returns where the goroutine of c starts in its
// declaration: the call of the outermost literal started by a go
// statement or handed to a spawner around c, or c itself (go f()).
func launchNode(s *state, c callgraph.Call) ast.Node {
	var node ast.Node = c.Expr()
	for lit := range c.Cursor.Enclosing((*ast.FuncLit)(nil)) {
		call, ok := lit.Parent().Node().(*ast.CallExpr)
		if !ok {
			continue
		}
		if ast.Unparen(call.Fun) == lit.Node() {
			if _, ok := lit.Parent().Parent().Node().(*ast.GoStmt); ok {
				node = call
			}
			continue
		}
		if _, ok := knowledge.Spawners[analysisutil.CalleeName(s.pass.TypesInfo, call)]; ok {
			node = call
		}
	}
	return node
}

// exitVia returns the exit chain of a call: a known exit call (direct), a
// local function that exits, or an imported one with an exits fact.
func (s *state) exitVia(c callgraph.Call) (chain callgraph.Chain, direct bool) {
	if c.Callee == nil {
		return nil, false
	}
	short := analysisutil.ShortName(c.Callee)
	if knowledge.ExitCalls[s.funcName(c.Callee)] {
		return callgraph.Chain{short}, true
	}
	if local := s.g.Local(c); local != nil {
		if ch := s.exits[local]; ch != nil {
			return ch.Prepend(short), false
		}
		return nil, false
	}
	if ch := s.importedExit(c.Callee, false); ch != nil {
		return ch.Prepend(short), false
	}
	return nil, false
}

// isLibrary reports whether the package is a library: not a command, not
// under a cmd/ or cli/ directory (command wiring split into packages), and
// not a test helper (importing testing).
func (s *state) isLibrary() bool {
	if s.pass.Pkg.Name() == "main" || analysisutil.Imports(s.pass.Pkg, "testing") {
		return false
	}
	for elem := range strings.SplitSeq(s.pass.Pkg.Path(), "/") {
		if elem == "cmd" || elem == "cli" {
			return false
		}
	}
	return true
}

// cleanupBefore returns the deferred cleanup call ("db.Close()") that
// runs in d before an exit call at pos would, and that no explicit call of
// the same cleanup between them already did; or "".
func (s *state) cleanupBefore(d *ast.FuncDecl, pos token.Pos) string {
	if pending := s.pendingCleanups(d, pos); len(pending) > 0 {
		return pending[0]
	}
	return ""
}

// pendingCleanups returns the cleanup calls deferred in d before pos that
// no explicit call of the same cleanup before pos already did, in order.
func (s *state) pendingCleanups(d *ast.FuncDecl, pos token.Pos) []string {
	var pending []string
	for _, o := range s.g.Calls[d] {
		if o.Expr().Pos() >= pos {
			break
		}
		if o.Callee == nil || !knowledge.Cleanups[s.funcName(o.Callee)] {
			continue
		}
		text := types.ExprString(o.Expr().Fun) + "()"
		_, deferred := o.Cursor.Parent().Node().(*ast.DeferStmt)
		switch {
		case o.Lit == nil && deferred, o.Lit != nil && deferredLit(o):
			pending = append(pending, text)
		case o.Lit == nil:
			// An explicit cleanup before the exit: os.Exit after cleanup.
			for i, p := range pending {
				if p == text {
					pending = append(pending[:i], pending[i+1:]...)
					break
				}
			}
		}
	}
	return pending
}

// deferredLit reports whether the call lies in a literal, itself directly
// in the declaration, that a defer statement calls:
// defer func() { db.Close() }().
func deferredLit(c callgraph.Call) bool {
	n := 0
	var outer *ast.FuncLit
	deferred := false
	for lit := range c.Cursor.Enclosing((*ast.FuncLit)(nil)) {
		n++
		outer = lit.Node().(*ast.FuncLit)
		call, ok := lit.Parent().Node().(*ast.CallExpr)
		_, isDefer := lit.Parent().Parent().Node().(*ast.DeferStmt)
		deferred = ok && ast.Unparen(call.Fun) == lit.Node() && isDefer
	}
	return n == 1 && outer == c.Lit && deferred
}
