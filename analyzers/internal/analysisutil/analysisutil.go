// Copyright 2026 The lifelint Authors. Portions derived from golang.org/x/tools,
// Copyright 2018 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style license that can be found
// in the LICENSE file of golang.org/x/tools.

// Package analysisutil holds small helpers shared by the lifelint passes:
// our own copies of x/tools-internal helpers (Imports, MustExtractDoc) and
// callee lookups by object.
package analysisutil

import (
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// Imports reports whether pkg directly imports the package with the given path.
func Imports(pkg *types.Package, path string) bool {
	for _, imp := range pkg.Imports() {
		if imp.Path() == path {
			return true
		}
	}
	return false
}

// Callee returns the function or method statically or dynamically (interface
// method) called by call, normalised to its generic origin, or nil for calls
// of function values, conversions and builtins.
func Callee(info *types.Info, call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil {
		return nil
	}
	return fn.Origin()
}

// FuncName returns the knowledge-table key of fn: "time.Sleep",
// "(*database/sql.DB).Query", "(net/http.Handler).ServeHTTP". It is
// fn.Origin().FullName(), which the passes ask for about every call they
// look at (3% of lifelint's CPU on the bench's full set went to
// FullName's type printer): a function and a method of a plain defined
// type, the common cases, are spelled here with one allocation, the rest
// (generic receivers, aliases, interface receivers from export data) by
// FullName.
func FuncName(fn *types.Func) string {
	fn = fn.Origin()
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return fn.FullName()
	}
	recv := sig.Recv()
	if recv == nil {
		if pkg := fn.Pkg(); pkg != nil {
			return pkg.Path() + "." + fn.Name()
		}
		return fn.Name()
	}
	t, star := recv.Type(), ""
	if p, ok := t.(*types.Pointer); ok {
		t, star = p.Elem(), "*"
	}
	n, ok := t.(*types.Named)
	if !ok || n.TypeParams().Len() > 0 || n.TypeArgs().Len() > 0 {
		return fn.FullName()
	}
	obj := n.Obj()
	if obj.Pkg() == nil {
		return "(" + star + obj.Name() + ")." + fn.Name()
	}
	return "(" + star + obj.Pkg().Path() + "." + obj.Name() + ")." + fn.Name()
}

// CalleeName returns FuncName of the callee of call, or "".
func CalleeName(info *types.Info, call *ast.CallExpr) string {
	if fn := Callee(info, call); fn != nil {
		return FuncName(fn)
	}
	return ""
}

// ShortName renders a function for messages: "sql.Open", "(*sql.DB).Query",
// "repo.Get", using the package name instead of its path.
func ShortName(fn *types.Func) string {
	fn = fn.Origin()
	sig := fn.Signature()
	if recv := sig.Recv(); recv != nil {
		t := recv.Type()
		ptr := ""
		if p, ok := t.(*types.Pointer); ok {
			ptr, t = "*", p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			obj := n.Obj()
			pkg := ""
			if obj.Pkg() != nil {
				pkg = obj.Pkg().Name() + "."
			}
			if ptr != "" {
				return fmt.Sprintf("(*%s%s).%s", pkg, obj.Name(), fn.Name())
			}
			return fmt.Sprintf("%s%s.%s", pkg, obj.Name(), fn.Name())
		}
		return fn.Name()
	}
	if fn.Pkg() != nil {
		return fn.Pkg().Name() + "." + fn.Name()
	}
	return fn.Name()
}

// ShortKey renders a knowledge-table key (typeutil FullName form) for
// messages, shortening import paths to their last element, or the one
// before a major-version suffix: "(*database/sql.DB).Query" ->
// "(*sql.DB).Query", "github.com/redis/go-redis/v9.NewClient" ->
// "go-redis.NewClient". Prefer ShortName when the *types.Func is at hand.
func ShortKey(key string) string {
	var b strings.Builder
	start := 0
	flush := func(end int) {
		tok := key[start:end]
		if slash := strings.LastIndexByte(tok, '/'); slash >= 0 {
			dot := strings.IndexByte(tok[slash:], '.')
			if dot < 0 {
				dot = len(tok) - slash
			}
			path, rest := tok[:slash+dot], tok[slash+dot:]
			tok = shortPath(path) + rest
		}
		b.WriteString(tok)
	}
	for i, r := range key {
		if isDelim(r) {
			flush(i)
			b.WriteRune(r)
			start = i + 1
		}
	}
	flush(len(key))
	return b.String()
}

func isDelim(r rune) bool { return strings.ContainsRune("()*[], ", r) }

// shortPath returns the last element of an import path, or the one before a
// major-version suffix ("github.com/redis/go-redis/v9" -> "go-redis").
func shortPath(path string) string {
	elems := strings.Split(path, "/")
	last := elems[len(elems)-1]
	if len(elems) > 1 && len(last) > 1 && last[0] == 'v' && strings.Trim(last[1:], "0123456789") == "" {
		return elems[len(elems)-2]
	}
	return last
}

// IsPkgFunc reports whether fn is the package-level function path.name.
func IsPkgFunc(fn *types.Func, path, name string) bool {
	return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == path && fn.Name() == name &&
		fn.Signature().Recv() == nil
}

// IsNamedType reports whether t (after stripping one pointer, if any) is the
// named type path.name.
func IsNamedType(t types.Type, path, name string) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	obj := n.Origin().Obj()
	return obj.Name() == name && obj.Pkg() != nil && obj.Pkg().Path() == path
}

// IsContextType reports whether t is context.Context.
func IsContextType(t types.Type) bool {
	if _, ok := t.(*types.Pointer); ok {
		return false
	}
	return IsNamedType(t, "context", "Context")
}

// MustExtractDoc is like ExtractDoc but panics on error. It is meant for
// package initialisation of analyzers, whose doc.go is embedded.
func MustExtractDoc(content, name string) string {
	doc, err := ExtractDoc(content, name)
	if err != nil {
		panic(err)
	}
	return doc
}

// ExtractDoc extracts the section "# Analyzer name" of the package doc
// comment of the Go source in content. The section must start with the
// line "name: summary"; the result is the text after "name:".
func ExtractDoc(content, name string) (string, error) {
	if content == "" {
		return "", fmt.Errorf("empty Go source file")
	}
	text, ok := lineDocText(content)
	if !ok {
		f, err := parser.ParseFile(token.NewFileSet(), "", content, parser.ParseComments|parser.PackageClauseOnly)
		if err != nil {
			return "", fmt.Errorf("not a Go source file: %v", err)
		}
		if f.Doc == nil {
			return "", fmt.Errorf("Go source file has no package doc comment")
		}
		text = f.Doc.Text()
	}
	heading := "Analyzer " + name
	for section := range strings.SplitSeq(text, "\n# ") {
		section = strings.TrimPrefix(section, "# ")
		body, ok := strings.CutPrefix(section, heading)
		if !ok || body == "" || (body[0] != '\n' && body[0] != '\r') {
			continue
		}
		body = strings.TrimSpace(body)
		rest, ok := strings.CutPrefix(body, name+":")
		if !ok {
			return "", fmt.Errorf("%q heading not followed by %q line", heading, name+": summary...")
		}
		return strings.TrimSpace(rest), nil
	}
	return "", fmt.Errorf("package doc comment contains no %q heading", heading)
}

// lineDocText returns what go/ast's CommentGroup.Text gives for the doc
// comment of a file that starts with it, a run of //-comment lines right
// before its package clause, and false for any other file (ExtractDoc then
// parses it). Every pass extracts its documentation at initialisation, in
// every vet tool process, on every package and dependency: go/parser took
// 0.8 ms a process for the five passes' doc.go files, 1.7% of lifelint's
// CPU on the bench's full set.
func lineDocText(content string) (string, bool) {
	var lines []string
	rest := content
	for {
		line, after, found := strings.Cut(rest, "\n")
		line = strings.TrimSuffix(line, "\r")
		if !found {
			return "", false
		}
		rest = after
		if strings.HasPrefix(line, "package ") {
			break
		}
		c, ok := strings.CutPrefix(line, "//")
		if !ok {
			return "", false // a blank line, a /* comment, a build constraint's group...
		}
		if c != "" && c[0] != ' ' {
			if isDirective(c) {
				continue
			}
		} else {
			c = strings.TrimPrefix(c, " ")
		}
		lines = append(lines, strings.TrimRight(c, " \t\n\r"))
	}
	n := 0
	for _, line := range lines {
		if line != "" || n > 0 && lines[n-1] != "" {
			lines[n] = line
			n++
		}
	}
	lines = lines[:n]
	if n == 0 {
		return "", false
	}
	if lines[n-1] != "" {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n"), true
}

// isDirective is go/ast's test for a //-comment that is a directive
// ("//go:embed", "//lint:ignore", "//line ", "//export "), which
// CommentGroup.Text drops.
func isDirective(c string) bool {
	if strings.HasPrefix(c, "line ") || strings.HasPrefix(c, "extern ") || strings.HasPrefix(c, "export ") {
		return true
	}
	colon := strings.Index(c, ":")
	if colon <= 0 || colon+1 >= len(c) {
		return false
	}
	for i := 0; i <= colon+1; i++ {
		if i == colon {
			continue
		}
		b := c[i]
		if !('a' <= b && b <= 'z' || '0' <= b && b <= '9') {
			return false
		}
	}
	return true
}

// IsStdlib reports whether the package is part of the standard library
// (its files live under GOROOT/src). The knowledge tables describe the
// standard library's APIs directly, so passes give it no summaries, and
// its internals do not leak into chains.
func IsStdlib(pass *analysis.Pass) bool {
	if len(pass.Files) == 0 {
		return false
	}
	name := pass.Fset.File(pass.Files[0].Pos()).Name()
	return build.Default.GOROOT != "" && strings.HasPrefix(filepath.ToSlash(name), filepath.ToSlash(build.Default.GOROOT)+"/src/")
}

// StmtList returns the statement list of a block, a case clause or a comm
// clause, or nil for any other node.
func StmtList(n ast.Node) []ast.Stmt {
	switch p := n.(type) {
	case *ast.BlockStmt:
		return p.List
	case *ast.CaseClause:
		return p.Body
	case *ast.CommClause:
		return p.Body
	}
	return nil
}
