package shutdown

import (
	"go/ast"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
	"golang.org/x/tools/go/analysis"
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
			if _, ok := knowledge.UnstoppableServers[analysisutil.FuncName(c.Callee)]; ok {
				continue // reported as unstoppable; a signal cannot stop it
			}
		}
		chain, what := s.servesVia(c)
		if chain == nil {
			continue
		}
		s.pass.ReportRangef(c.Expr(), "main starts %s (%s) but never handles SIGTERM or SIGINT: a deploy kills it mid-request; create the root context with signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM) and stop the server when it is done",
			article(what), chain)
		return
	}
}

// checkSigterm reports signal.Notify and signal.NotifyContext calls that
// list signals but not SIGTERM, the signal Kubernetes, systemd and docker
// stop a process with: it then dies without shutting down. The handler of
// a one-shot command that serves nothing is silent: it traps Ctrl-C for
// an interactive user, no orchestrator stops it. The fix appends
// syscall.SIGTERM when the file already imports syscall.
func (s *state) checkSigterm() {
	info := s.pass.TypesInfo
	for c := range s.insp.Root().Preorder((*ast.CallExpr)(nil)) {
		call := c.Node().(*ast.CallExpr)
		fn := analysisutil.Callee(info, call)
		if fn == nil || !knowledge.SignalHandlers[analysisutil.FuncName(fn)] || len(call.Args) < 2 || call.Ellipsis.IsValid() || s.skip(call.Pos()) {
			continue
		}
		known := true
		for _, a := range call.Args[1:] {
			obj := analysisutil.UsedObject(info, a)
			if obj == nil || obj.Pkg() == nil {
				known = false
				break
			}
			if key := obj.Pkg().Path() + "." + obj.Name(); knowledge.TermSignals[key] || !knowledge.OtherSignals[key] {
				known = false // SIGTERM is handled, or a signal we do not know
			}
			if !known {
				break
			}
		}
		if !known {
			continue
		}
		if decl := analysisutil.EnclosingDecl(c); decl != nil && s.inCLI(decl, c) && s.serves[decl] == nil {
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
