package shutdown

import (
	"go/ast"
	"go/types"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/callgraph"
	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// checkSignals reports a main that starts a server, bot or consumer loop
// (directly or through functions of any package) in a command that never
// subscribes to SIGTERM/SIGINT: the orchestrator's SIGTERM then kills the
// process mid-request. A command that calls signal.Notify or
// signal.NotifyContext anywhere, or a function that does (a framework's
// Run), is silent.
func (s *state) checkSignals() {
	if s.pass.Pkg.Name() != "main" {
		return
	}
	var main *ast.FuncDecl
	for _, d := range s.g.Decls {
		if d.Recv == nil && d.Name.Name == "main" {
			main = d
		}
		if s.signals[d] != nil {
			return
		}
		for _, c := range s.g.Calls[d] {
			var f handlesSignals
			if c.Callee != nil && s.g.Local(c) == nil && s.pass.ImportObjectFact(c.Callee, &f) {
				return
			}
		}
	}
	if main == nil || s.skip(main.Pos()) {
		return
	}
	for _, c := range s.g.Calls[main] {
		if c.Callee != nil {
			if _, ok := knowledge.UnstoppableServers[s.funcName(c.Callee)]; ok {
				continue // reported as unstoppable; a signal cannot stop it
			}
		}
		chain, what := s.servesVia(c)
		if chain == nil {
			continue
		}
		if s.unanalysed(main, map[*ast.FuncDecl]bool{}) != "" {
			return // the serving path calls code lifelint did not analyse
		}
		s.pass.ReportRangef(c.Expr(), "main starts %s (%s) but never handles SIGTERM or SIGINT: a deploy kills it mid-request; create the root context with signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM) and stop the server when it is done",
			article(what), chain)
		return
	}
}

// checkSigterm reports signal.Notify and signal.NotifyContext calls that
// list signals but not SIGTERM, the signal Kubernetes, systemd and docker
// stop a process with: it then dies without shutting down. A Notify with a
// sibling that subscribes to SIGTERM (in the same function, or reached from
// it or from one of its local callers) is silent: split handlers, a SIGHUP
// reload channel beside the termination handler. The handler of
// a one-shot command that serves nothing is silent: it traps Ctrl-C for
// an interactive user, no orchestrator stops it. The fix appends
// syscall.SIGTERM when the file already imports syscall.
func (s *state) checkSigterm() {
	info := s.pass.TypesInfo
	var missing []inspector.Cursor
	term := map[*ast.FuncDecl]callgraph.Chain{} // declarations subscribing to SIGTERM
	for _, k := range s.knownCalls() {
		c, call, fn := k.cur, k.call, k.fn
		if !knowledge.SignalHandlers[k.name] || len(call.Args) < 2 || call.Ellipsis.IsValid() || s.skip(call.Pos()) {
			continue
		}
		switch s.signalSet(call) {
		case subscribesTerm:
			if d := analysisutil.EnclosingDecl(c); d != nil {
				term[d] = callgraph.Chain{analysisutil.ShortName(fn)}
			}
		case missesTerm:
			missing = append(missing, c)
		}
	}
	if len(missing) == 0 {
		return
	}
	reachesTerm := s.g.Summaries(term, func(*types.Func) callgraph.Chain { return nil }, func(*ast.FuncDecl, callgraph.Call) bool { return false })
	for _, c := range missing {
		call := c.Node().(*ast.CallExpr)
		fn := analysisutil.Callee(info, call)
		decl := analysisutil.EnclosingDecl(c)
		if decl != nil && s.siblingHandlesTerm(decl, reachesTerm) {
			continue // SIGTERM is subscribed beside it: split handlers, a SIGHUP reload channel
		}
		if decl != nil && s.inCLI(decl, c) && s.serves[decl] == nil {
			continue // a one-shot command trapping Ctrl-C (to restore the terminal)
		}
		d := analysis.Diagnostic{
			Pos: call.Pos(), End: call.End(),
			Message: analysisutil.ShortName(fn) + " does not subscribe to syscall.SIGTERM: Kubernetes, systemd and docker stop processes with SIGTERM, which then kills it without shutdown; add syscall.SIGTERM",
		}
		if name := s.importName(call, "syscall"); name != "" {
			last := call.Args[len(call.Args)-1]
			d.SuggestedFixes = []analysis.SuggestedFix{{
				Message:   "add " + name + ".SIGTERM",
				TextEdits: []analysis.TextEdit{{Pos: last.End(), End: last.End(), NewText: []byte(", " + name + ".SIGTERM")}},
			}}
		}
		s.pass.Report(d)
	}
}

// siblingHandlesTerm reports whether a Notify that subscribes to SIGTERM
// runs beside the declaration d: d itself, or d or one of its local callers
// (transitively) calls a function of the package that subscribes to it
// (TrapSignals calling trapInterrupt and trapPosix; a main with a SIGHUP
// reload channel and a termination channel).
func (s *state) siblingHandlesTerm(d *ast.FuncDecl, reachesTerm map[*ast.FuncDecl]callgraph.Chain) bool {
	seen := map[*ast.FuncDecl]bool{d: true}
	work := []*ast.FuncDecl{d}
	for len(work) > 0 && len(seen) <= maxCallerWalk {
		f := work[0]
		work = work[1:]
		if reachesTerm[f] != nil {
			return true
		}
		for _, cl := range s.callersOf(f) {
			if !seen[cl.decl] {
				seen[cl.decl] = true
				work = append(work, cl.decl)
			}
		}
	}
	return false
}

// Signal sets of a Notify call, for checkSigterm.
const (
	unknownSignals = iota // a signal we do not know: it may be SIGTERM
	subscribesTerm
	missesTerm // only known signals, none of them SIGTERM
)

// signalSet classifies the signals a Notify or NotifyContext call lists.
func (s *state) signalSet(call *ast.CallExpr) int {
	set := missesTerm
	for _, a := range call.Args[1:] {
		obj := analysisutil.UsedObject(s.pass.TypesInfo, a)
		if obj == nil || obj.Pkg() == nil {
			set = unknownSignals
			continue
		}
		key := obj.Pkg().Path() + "." + obj.Name()
		switch {
		case knowledge.TermSignals[key]:
			return subscribesTerm
		case !knowledge.OtherSignals[key]:
			set = unknownSignals
		}
	}
	return set
}

// importName returns the name under which the file of n imports path, or
// "" when it does not (or imports it as _ or .).
func (s *state) importName(n ast.Node, path string) string {
	for _, f := range s.pass.Files {
		if f.FileStart > n.Pos() || n.Pos() > f.FileEnd {
			continue
		}
		for _, imp := range f.Imports {
			if pn := s.pass.TypesInfo.PkgNameOf(imp); pn != nil && pn.Imported().Path() == path {
				if pn.Name() == "_" || pn.Name() == "." {
					return ""
				}
				return pn.Name()
			}
		}
	}
	return ""
}

// unanalysed returns a call on d's serving path (in d, or in a serving
// callee of any package, transitively) that may subscribe to signals in a
// package the driver computed no facts for, or "". Such a package is
// skipped by the vet tool's scope (lifelint -facts-from widens it): a
// missing handlesSignals fact there is no evidence that nothing handles
// SIGTERM.
func (s *state) unanalysed(d *ast.FuncDecl, seen map[*ast.FuncDecl]bool) string {
	if seen[d] {
		return ""
	}
	seen[d] = true
	for _, c := range s.g.Calls[d] {
		if s.maySubscribeUnanalysed(c) {
			return analysisutil.ShortName(c.Callee)
		}
	}
	for _, c := range s.g.Calls[d] {
		if c.Callee == nil {
			continue
		}
		if local := s.g.Local(c); local != nil {
			if s.serves[local] != nil {
				if u := s.unanalysed(local, seen); u != "" {
					return u
				}
			}
			continue
		}
		var f serves
		if s.pass.ImportObjectFact(c.Callee, &f) && f.Unanalysed != "" {
			return f.Unanalysed
		}
	}
	return ""
}

// maySubscribeUnanalysed reports whether c calls a package-level function
// of a package without facts (not the standard library, whose signal APIs
// the tables list) in the shape of a signal setup: a statement whose
// results are discarded (osutil.HandleInterrupts(lg)) or a call returning
// a context or a channel (ctx := signals.SetupSignalHandler()). Method
// calls (loggers, clients) and constructors are not signal setups.
func (s *state) maySubscribeUnanalysed(c callgraph.Call) bool {
	fn := c.Callee
	if fn == nil || fn.Pkg() == nil || callgraph.IsStd(fn.Pkg()) || s.g.FactsKnown(fn.Pkg()) || c.Go {
		return false
	}
	sig := fn.Signature()
	if sig.Recv() != nil {
		return false
	}
	if _, ok := c.Cursor.Parent().Node().(*ast.ExprStmt); ok {
		return true
	}
	for v := range sig.Results().Variables() {
		if _, ok := v.Type().Underlying().(*types.Chan); ok || analysisutil.IsNamedType(v.Type(), "context", "Context") {
			return true
		}
	}
	return false
}
