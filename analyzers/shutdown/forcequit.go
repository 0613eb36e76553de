package shutdown

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
	"golang.org/x/tools/go/ast/inspector"
)

// forceQuit reports whether the exit call at cur is a deliberate force
// quit: it runs on a signal that follows another one on the same signal
// channel (<-sig; go shutdown(); <-sig; os.Exit(1)), or conditionally
// inside a loop over a signal channel under a guard that names no
// termination signal (if i > 0 on the second SIGINT; case
// syscall.SIGQUIT, the "quit now" signal), while the loop's other paths
// shut down gracefully. The user asked for the skip.
func (s *state) forceQuit(cur inspector.Cursor) bool {
	chans := s.signalChans()
	if len(chans) == 0 {
		return false
	}
	fun := analysisutil.EnclosingFunc(cur)
	if !fun.Valid() {
		return false
	}
	pos := cur.Node().Pos()
	// Sequence form: two receives from one signal channel before the exit.
	recvs := map[types.Object]int{}
	for r := range fun.Preorder((*ast.UnaryExpr)(nil)) {
		u := r.Node().(*ast.UnaryExpr)
		if u.Op != token.ARROW || u.Pos() >= pos || analysisutil.EnclosingFunc(r) != fun {
			continue
		}
		if obj := analysisutil.UsedObject(s.pass.TypesInfo, u.X); chans[obj] {
			if recvs[obj]++; recvs[obj] >= 2 {
				return true
			}
		}
	}
	// Loop form: a guarded exit inside a loop that receives signals.
	guarded := false
	for p := range cur.Enclosing((*ast.IfStmt)(nil), (*ast.CaseClause)(nil), (*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch n := p.Node().(type) {
		case *ast.IfStmt:
			if n.Body.Pos() > pos {
				return false // the exit is in the condition
			}
			if s.namesTermSignal(n.Cond) {
				return false
			}
			guarded = true
		case *ast.CaseClause:
			if len(n.List) == 0 {
				return false // default: every other signal
			}
			for _, e := range n.List {
				if s.namesTermSignal(e) {
					return false
				}
			}
			guarded = true
		case *ast.ForStmt, *ast.RangeStmt:
			if guarded && s.receivesSignals(p, chans) {
				return true
			}
		default:
			return false
		}
	}
	return false
}

// receivesSignals reports whether the loop at loop ranges over a signal
// channel or receives from one.
func (s *state) receivesSignals(loop inspector.Cursor, chans map[types.Object]bool) bool {
	info := s.pass.TypesInfo
	if r, ok := loop.Node().(*ast.RangeStmt); ok && chans[analysisutil.UsedObject(info, r.X)] {
		return true
	}
	for r := range loop.Preorder((*ast.UnaryExpr)(nil)) {
		u := r.Node().(*ast.UnaryExpr)
		if u.Op == token.ARROW && chans[analysisutil.UsedObject(info, u.X)] {
			return true
		}
	}
	return false
}

// namesTermSignal reports whether e mentions a signal that asks for a
// graceful stop: SIGTERM, SIGINT or os.Interrupt.
func (s *state) namesTermSignal(e ast.Expr) bool {
	ec, ok := analysisutil.Find(s.insp, e)
	if !ok {
		return true // be conservative: keep the finding
	}
	for c := range ec.Preorder((*ast.Ident)(nil)) {
		id := c.Node().(*ast.Ident)
		obj := s.pass.TypesInfo.Uses[id]
		if obj == nil || obj.Pkg() == nil {
			continue
		}
		key := obj.Pkg().Path() + "." + obj.Name()
		if knowledge.TermSignals[key] || knowledge.InterruptSignals[key] {
			return true
		}
	}
	return false
}

// signalChans returns the channels the package hands to signal.Notify.
func (s *state) signalChans() map[types.Object]bool {
	if s.sigChans != nil {
		return s.sigChans
	}
	s.sigChans = map[types.Object]bool{}
	for _, d := range s.g.Decls {
		for _, c := range s.g.Calls[d] {
			if c.Callee == nil || s.funcName(c.Callee) != "os/signal.Notify" || len(c.Expr().Args) == 0 {
				continue
			}
			if obj := analysisutil.UsedObject(s.pass.TypesInfo, c.Expr().Args[0]); obj != nil {
				s.sigChans[obj] = true
			}
		}
	}
	return s.sigChans
}
