package swallowedcancel

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
	"golang.org/x/tools/go/analysis"
)

// errorsIsQualifier returns the package name under which the errors.Is
// fixes can write knowledge.ErrorsIs at every position in at, with the
// edits that add its import when the file lacks it. Names are resolved in
// the scope at each edit, so a local variable, a parameter or another
// import called errors is never taken for the package. ok is false when
// no name compiles there: the file imports the package but it is hidden at
// an edit, or every candidate name is taken.
func (c *checker) errorsIsQualifier(at ...token.Pos) (name string, edits []analysis.TextEdit, ok bool) {
	if len(at) == 0 {
		return "", nil, false
	}
	file := c.fileOf(at[0])
	if file == nil {
		return "", nil, false
	}
	// resolves reports whether name means want (nil: nothing) at every edit.
	resolves := func(name string, want types.Object) bool {
		for _, pos := range at {
			s := c.pass.Pkg.Scope().Innermost(pos)
			if s == nil {
				return false
			}
			if _, obj := s.LookupParent(name, pos); obj != want {
				return false
			}
		}
		return true
	}
	imported := false
	for _, imp := range file.Imports {
		if path, err := strconv.Unquote(imp.Path.Value); err != nil || path != knowledge.ErrorsIs.Path {
			continue
		}
		imported = true
		if imp.Name != nil && (imp.Name.Name == "_" || imp.Name.Name == ".") {
			continue
		}
		if pn := c.pass.TypesInfo.PkgNameOf(imp); pn != nil && resolves(pn.Name(), pn) {
			return pn.Name(), nil, true
		}
	}
	if imported {
		return "", nil, false
	}
	for _, name := range knowledge.ErrorsIsNames {
		if !resolves(name, nil) {
			continue
		}
		if edit, ok := addImport(file, name, knowledge.ErrorsIs.Path); ok {
			return name, []analysis.TextEdit{edit}, true
		}
		return "", nil, false
	}
	return "", nil, false
}

// fileOf returns the file of the package that contains pos, or nil.
func (c *checker) fileOf(pos token.Pos) *ast.File {
	for _, f := range c.pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// addImport returns the edit that imports path as name (no name when it
// is the package's own) into the file's first import declaration, leaving
// a cgo `import "C"` (whose preamble must stay attached) alone.
func addImport(file *ast.File, name, path string) (analysis.TextEdit, bool) {
	spec := strconv.Quote(path)
	if name != path {
		spec = name + " " + spec
	}
	for _, decl := range file.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT || importsC(gd) {
			continue
		}
		if gd.Lparen.IsValid() {
			return analysis.TextEdit{Pos: gd.Lparen + 1, End: gd.Lparen + 1, NewText: []byte("\n\t" + spec)}, true
		}
		return analysis.TextEdit{Pos: gd.Pos(), End: gd.Pos(), NewText: []byte("import " + spec + "\n")}, true
	}
	return analysis.TextEdit{}, false
}

func importsC(gd *ast.GenDecl) bool {
	for _, s := range gd.Specs {
		if is, ok := s.(*ast.ImportSpec); ok && is.Path.Value == `"C"` {
			return true
		}
	}
	return false
}
