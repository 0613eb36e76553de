// Package callgraph owns lifelint's intra-package call graph: every
// function declaration of the package, every call site with its static
// callee, the files that are generated or tests, and the one summary engine
// (summary.go) that the passes use to carry a property of a function ("it
// blocks via …", "it creates a pool via …") up the graph and across
// packages as facts.
//
// Nothing here is whole-program: callees in other packages are known only
// through the facts each pass exports, so cost stays linear in the number
// of packages.
package callgraph

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strings"
	"sync"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

// Analyzer builds the Graph of a package. It reports nothing.
var Analyzer = &analysis.Analyzer{
	Name:       "lifelintcallgraph",
	Doc:        "lifelintcallgraph: the intra-package call graph and call sites lifelint's passes share (reports nothing)",
	URL:        "https://github.com/lifelint/lifelint#architecture",
	Requires:   []*analysis.Analyzer{inspect.Analyzer},
	ResultType: reflect.TypeFor[*Graph](),
	Run: func(pass *analysis.Pass) (any, error) {
		g := build(pass, pass.ResultOf[inspect.Analyzer].(*inspector.Inspector))
		g.scope = parseScope(scopeFlag)
		return g, nil
	},
}

// scopeFlag is the -lifelintcallgraph.scope flag: the modules whose
// packages the driver analyses for facts (see FactsKnown). The lifelint vet
// tool sets it from its -lifelint.scope flag; other drivers (analysistest,
// golangci-lint, nogo) analyse every package and leave it empty.
var scopeFlag string

func init() {
	Analyzer.Flags.StringVar(&scopeFlag, "scope", "", "comma-separated module `paths` whose packages are analysed for facts (\"std\" for the standard library, \"all\" or empty for every package, \"-\" for none); set by the lifelint command")
}

// Graph is the package's intra-package call graph plus every call site,
// built in one walk.
type Graph struct {
	// Decls lists the package's function declarations with bodies, in
	// file order.
	Decls []*ast.FuncDecl
	// Funcs maps each declared function (its origin) to its declaration.
	Funcs map[*types.Func]*ast.FuncDecl
	// Calls lists, per declaration, the calls lexically inside it
	// (including nested literals), in source order.
	Calls map[*ast.FuncDecl][]Call

	files     []*ast.File
	generated map[*ast.File]bool
	tests     map[*ast.File]bool
	scope     scope

	info *types.Info
	// callers and refs are built on first use (Callers, OnlyCalled): the
	// local call sites of each declaration, and how often its function
	// is referred to at all.
	callersOnce sync.Once
	callers     map[*ast.FuncDecl][]Call
	refs        map[*types.Func]int
}

// Call is one call site.
type Call struct {
	Cursor inspector.Cursor // the *ast.CallExpr
	Callee *types.Func      // static or interface callee, origin; nil for func values
	// Lit is the innermost function literal containing the call, or nil.
	Lit *ast.FuncLit
	// Go reports that the call runs in a new goroutine: it is the call of
	// a go statement, or inside a literal (transitively) started by one.
	Go bool
}

// Expr returns the call expression.
func (c Call) Expr() *ast.CallExpr { return c.Cursor.Node().(*ast.CallExpr) }

// Local returns the declaration of the function c calls when it is
// declared in this package, or nil.
func (g *Graph) Local(c Call) *ast.FuncDecl {
	if c.Callee == nil {
		return nil
	}
	return g.Funcs[c.Callee]
}

// Callers returns the call sites, in this package, whose callee is the
// local declaration d, in file order.
func (g *Graph) Callers(d *ast.FuncDecl) []Call {
	g.buildCallers()
	return g.callers[d]
}

// OnlyCalled reports whether the package refers to the function declared
// by d only as the callee of its Callers: it is never taken as a value
// (f, x.m, T.m handed on or stored) nor called at package level, so no
// caller in the package goes unseen. Callers in other packages are the
// caller's concern (an exported function has them).
func (g *Graph) OnlyCalled(d *ast.FuncDecl) bool {
	g.buildCallers()
	fn, ok := g.info.Defs[d.Name].(*types.Func)
	return ok && g.refs[fn.Origin()] == len(g.callers[d])
}

func (g *Graph) buildCallers() {
	g.callersOnce.Do(func() {
		g.callers = map[*ast.FuncDecl][]Call{}
		for _, d := range g.Decls {
			for _, call := range g.Calls[d] {
				if callee := g.Local(call); callee != nil {
					g.callers[callee] = append(g.callers[callee], call)
				}
			}
		}
		g.refs = map[*types.Func]int{}
		for _, obj := range g.info.Uses {
			if fn, ok := obj.(*types.Func); ok && g.Funcs[fn.Origin()] != nil {
				g.refs[fn.Origin()]++
			}
		}
	})
}

// Generated reports whether pos lies in a generated file. The output of
// cmd/cgo, which go vet hands to analyzers in place of a file that imports
// "C", is the user's own code and does not count.
func (g *Graph) Generated(pos token.Pos) bool {
	f := g.file(pos)
	return f != nil && g.generated[f]
}

// InTest reports whether pos lies in a _test.go file.
func (g *Graph) InTest(pos token.Pos) bool {
	f := g.file(pos)
	return f != nil && g.tests[f]
}

func (g *Graph) file(pos token.Pos) *ast.File {
	for _, f := range g.files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

func build(pass *analysis.Pass, insp *inspector.Inspector) *Graph {
	g := &Graph{
		Funcs:     map[*types.Func]*ast.FuncDecl{},
		Calls:     map[*ast.FuncDecl][]Call{},
		files:     pass.Files,
		generated: map[*ast.File]bool{},
		tests:     map[*ast.File]bool{},
		info:      pass.TypesInfo,
	}
	for _, f := range pass.Files {
		if ast.IsGenerated(f) && !analysisutil.IsCgoOutput(f) {
			g.generated[f] = true
		}
		if strings.HasSuffix(pass.Fset.File(f.FileStart).Name(), "_test.go") {
			g.tests[f] = true
		}
	}
	for cur := range insp.Root().Preorder((*ast.FuncDecl)(nil)) {
		decl := cur.Node().(*ast.FuncDecl)
		if decl.Body == nil {
			continue
		}
		g.Decls = append(g.Decls, decl)
		if fn, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func); ok {
			g.Funcs[fn.Origin()] = decl
		}
		var calls []Call
		for cc := range cur.Preorder((*ast.CallExpr)(nil)) {
			call := Call{Cursor: cc, Callee: analysisutil.Callee(pass.TypesInfo, cc.Node().(*ast.CallExpr))}
			for p := range cc.Enclosing((*ast.FuncLit)(nil)) {
				if call.Lit == nil {
					call.Lit = p.Node().(*ast.FuncLit)
				}
				if isGoLit(p) {
					call.Go = true
				}
			}
			if _, ok := cc.Parent().Node().(*ast.GoStmt); ok {
				call.Go = true
			}
			calls = append(calls, call)
		}
		g.Calls[decl] = calls
	}
	return g
}

// isGoLit reports whether the literal at cur is the function of a go
// statement: go func() { ... }().
func isGoLit(cur inspector.Cursor) bool {
	call, ok := cur.Parent().Node().(*ast.CallExpr)
	if !ok || ast.Unparen(call.Fun) != cur.Node() {
		return false
	}
	_, ok = cur.Parent().Parent().Node().(*ast.GoStmt)
	return ok
}
