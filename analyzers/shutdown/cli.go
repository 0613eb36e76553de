package shutdown

import (
	"go/ast"
	"go/types"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
	"golang.org/x/tools/go/ast/inspector"
)

// cliCode computes the package's command handlers: functions that take a
// command-line framework's type (knowledge.CLITypes: *cobra.Command,
// *cli.Context, *flag.FlagSet), functions registered as a command's
// action (used as a value inside such a function or literal, or in a
// composite literal of one of those types), and unexported functions that
// only they call. Their code runs once per invocation of a one-shot
// command, outside any cmd/ directory the package path would show.
func (s *state) cliCode() map[*ast.FuncDecl]bool {
	if s.cli != nil {
		return s.cli
	}
	s.cli = map[*ast.FuncDecl]bool{}
	info := s.pass.TypesInfo
	mark := func(root inspector.Cursor) {
		for c := range root.Preorder((*ast.Ident)(nil)) {
			fn, ok := info.Uses[c.Node().(*ast.Ident)].(*types.Func)
			if !ok || isCalled(c) {
				continue
			}
			if d := s.g.Funcs[fn.Origin()]; d != nil {
				s.cli[d] = true
			}
		}
	}
	for c := range s.insp.Root().Preorder((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil), (*ast.CompositeLit)(nil)) {
		switch n := c.Node().(type) {
		case *ast.FuncDecl:
			if takesCLI(info, n.Type) {
				s.cli[n] = true
				mark(c)
			}
		case *ast.FuncLit:
			if takesCLI(info, n.Type) {
				mark(c)
			}
		case *ast.CompositeLit:
			if isCLIType(info.TypeOf(n)) {
				mark(c)
			}
		}
	}
	// Unexported helpers whose every local call is in command code.
	for changed := true; changed; {
		changed = false
		for _, d := range s.g.Decls {
			if s.cli[d] || d.Name.IsExported() || d.Name.Name == "main" || d.Name.Name == "init" {
				continue
			}
			calls := s.callersOf(d)
			if len(calls) == 0 {
				continue
			}
			all := true
			for _, cl := range calls {
				if !s.inCLI(cl.decl, cl.call.Cursor) {
					all = false
					break
				}
			}
			if all {
				s.cli[d] = true
				changed = true
			}
		}
	}
	return s.cli
}

// inCLI reports whether the code at cur, in d, is command handler code:
// d is one, or a literal around cur takes a command-line framework's type.
func (s *state) inCLI(d *ast.FuncDecl, cur inspector.Cursor) bool {
	if s.cliCode()[d] {
		return true
	}
	for lit := range cur.Enclosing((*ast.FuncLit)(nil)) {
		if takesCLI(s.pass.TypesInfo, lit.Node().(*ast.FuncLit).Type) {
			return true
		}
	}
	return false
}

// isCalled reports whether the identifier at c names the function of a
// call (f() or x.f()), rather than a function value.
func isCalled(c inspector.Cursor) bool {
	fun := c
	if sel, ok := c.Parent().Node().(*ast.SelectorExpr); ok && sel.Sel == c.Node() {
		fun = c.Parent()
	}
	call, ok := fun.Parent().Node().(*ast.CallExpr)
	return ok && ast.Unparen(call.Fun) == fun.Node()
}

// takesCLI reports whether a function type has a parameter of one of the
// command-line frameworks' types.
func takesCLI(info *types.Info, ft *ast.FuncType) bool {
	if ft.Params == nil {
		return false
	}
	for _, f := range ft.Params.List {
		if isCLIType(info.TypeOf(f.Type)) {
			return true
		}
	}
	return false
}

func isCLIType(t types.Type) bool {
	if t == nil {
		return false
	}
	key, _ := analysisutil.NamedKey(t)
	return knowledge.CLITypes[key]
}
