package requestpath

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
)

// isStartup applies lifelint's startup rules: main and init; package main
// (CLI and service wiring) unless reached from a request path; test files;
// functions named like constructors, starters, runners or shutdown; and
// factory and lifetime code by behaviour (behaviour.go).
func (c *classifier) isStartup(decl *ast.FuncDecl, fn *types.Func) bool {
	name := fn.Name()
	if decl.Recv == nil && (name == "main" || name == "init") {
		return true
	}
	if c.pass.Pkg.Name() == "main" {
		return true
	}
	if c.in.Graph.InTest(decl.Pos()) {
		return true
	}
	if hasStartupName(name) || c.isLifetime(decl) {
		return true
	}
	if c.returnsPool(decl) {
		c.in.factory[decl] = true
		return true
	}
	return false
}

func hasStartupName(name string) bool {
	for _, p := range knowledge.StartupPrefixes {
		if len(name) < len(p) {
			continue
		}
		if head := name[:len(p)]; head != p && head != strings.ToLower(p[:1])+p[1:] {
			continue
		}
		// The prefix must end a word: "NewServer", "run", not "Newest".
		if len(name) == len(p) || !isLower(name[len(p)]) {
			return true
		}
	}
	return false
}

func isLower(b byte) bool { return 'a' <= b && b <= 'z' }

func takesContext(sig *types.Signature) bool {
	for p := range sig.Params().Variables() {
		if analysisutil.IsContextType(p.Type()) {
			return true
		}
	}
	return false
}

// funcDisplayName renders fn as "Name" or "(*T).Name" / "T.Name".
func funcDisplayName(fn *types.Func) string {
	recv := fn.Signature().Recv()
	if recv == nil {
		return fn.Name()
	}
	t := recv.Type()
	ptr := false
	if p, ok := t.(*types.Pointer); ok {
		ptr, t = true, p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return fn.Name()
	}
	if ptr {
		return "(*" + n.Obj().Name() + ")." + fn.Name()
	}
	return n.Obj().Name() + "." + fn.Name()
}
