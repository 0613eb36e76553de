package swallowedcancel

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"
)

// errorsImport returns the name under which the file at pos imports
// "errors" and, when it does not, the edit that adds the import.
func (c *checker) errorsImport(pos token.Pos) (string, []analysis.TextEdit) {
	var file *ast.File
	for _, f := range c.pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			file = f
		}
	}
	if file == nil {
		return "", nil
	}
	for _, imp := range file.Imports {
		if imp.Path.Value == `"errors"` {
			if imp.Name != nil {
				if imp.Name.Name == "_" || imp.Name.Name == "." {
					return "", nil
				}
				return imp.Name.Name, nil
			}
			return "errors", nil
		}
	}
	if file.Scope != nil && file.Scope.Lookup("errors") != nil {
		return "", nil
	}
	for _, decl := range file.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		if gd.Lparen.IsValid() {
			return "errors", []analysis.TextEdit{{Pos: gd.Lparen + 1, End: gd.Lparen + 1, NewText: []byte("\n\t\"errors\"")}}
		}
		return "errors", []analysis.TextEdit{{Pos: gd.Pos(), End: gd.Pos(), NewText: []byte("import \"errors\"\n")}}
	}
	return "", nil
}
