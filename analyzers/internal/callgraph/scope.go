package callgraph

import (
	"go/types"
	"slices"
	"strings"
)

// The analysis scope. The lifelint vet tool analyses only the modules
// under analysis for facts (internal/vetscope): a package of another
// module gets a vetx file with no facts at all. A missing fact from such
// a package means "not computed", not "the function does nothing": a pass
// that concludes from an absence ("never handles SIGTERM", "nothing
// closes ch") must not conclude it across such a call.

// scope is the parsed -lifelintcallgraph.scope flag.
type scope struct {
	known   bool // the flag was set: packages outside modules lack facts
	std     bool
	modules []string
}

// parseScope parses the flag's value, the syntax of -lifelint.scope.
func parseScope(v string) scope {
	var s scope
	for m := range strings.SplitSeq(v, ",") {
		switch m = strings.TrimSpace(m); m {
		case "":
		case "-": // the vet tool's scope names no module: nothing is analysed
			s.known = true
		case "all":
			return scope{}
		case "std":
			s.known, s.std = true, true
		default:
			s.known = true
			s.modules = append(s.modules, m)
		}
	}
	slices.Sort(s.modules)
	return s
}

// FactsKnown reports whether the driver computed facts for pkg: every
// package unless a scope is set; under a scope, packages of its modules
// (by import path prefix) and the standard library when it is listed. A
// package of a module nested inside a scope module is taken as in scope.
func (g *Graph) FactsKnown(pkg *types.Package) bool {
	if pkg == nil || !g.scope.known {
		return true
	}
	path := pkg.Path()
	for _, m := range g.scope.modules {
		if path == m || strings.HasPrefix(path, m+"/") {
			return true
		}
	}
	return isStdPath(path) && g.scope.std
}

// IsStd reports whether pkg is (by its import path) a standard library
// package, which the knowledge tables describe.
func IsStd(pkg *types.Package) bool { return pkg != nil && isStdPath(pkg.Path()) }

// isStdPath reports whether an import path is a standard library path: its
// first element has no dot (as cmd/go decides for module paths).
func isStdPath(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}
