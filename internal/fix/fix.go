// Package fix applies the suggested fixes of lifelint's findings for
// `lifelint -fix` and shows them for `lifelint -diff`. It works on the
// findings the driver kept, so the configuration (enable, disable,
// exclude, -test=false) and //lifelint:ignore directives apply to fixes as
// they apply to findings; go fix -fixtool, which fixes every diagnostic,
// knows neither.
package fix

import (
	"bytes"
	"cmp"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"maps"
	"slices"

	"github.com/lifelint/lifelint/internal/driver"
)

// File is the outcome for one file.
type File struct {
	Name     string
	Old, New []byte
	// Err is set when the fixed file would not parse: it must not be
	// written.
	Err error
}

// Result is the outcome of Plan.
type Result struct {
	Files []File // sorted by name; only files that change or fail
	// Fixed are the indexes (into the findings given to Plan) of the
	// findings whose fix was applied.
	Fixed map[int]bool
	// Conflicts counts fixes left out because they overlap a fix applied
	// before them; Alternatives counts the fixes beyond the first of a
	// finding (one fix per finding is applied, as go fix does);
	// Generated counts fixes left out because they edit generated files.
	Conflicts, Alternatives, Generated int
}

// Plan computes the files that applying the first fix of each finding
// produces. read returns a file's content. Fixes are taken in the order
// of the findings; a fix whose edits overlap edits already taken is left
// out whole (an identical edit counts as already made).
func Plan(findings []driver.Finding, read func(string) ([]byte, error)) (*Result, error) {
	res := &Result{Fixed: map[int]bool{}}
	content := map[string][]byte{}
	generated := map[string]bool{}
	load := func(name string) ([]byte, error) {
		if c, ok := content[name]; ok {
			return c, nil
		}
		c, err := read(name)
		if err != nil {
			return nil, err
		}
		content[name] = c
		f, err := parser.ParseFile(token.NewFileSet(), name, c, parser.ParseComments|parser.PackageClauseOnly)
		generated[name] = err == nil && ast.IsGenerated(f)
		return c, nil
	}
	taken := map[string][]driver.Edit{}
findings:
	for i, f := range findings {
		if len(f.Fixes) == 0 {
			continue
		}
		res.Alternatives += len(f.Fixes) - 1
		fix := f.Fixes[0]
		var add []driver.Edit
		for _, e := range fix.Edits {
			c, err := load(e.File)
			if err != nil {
				return nil, err
			}
			if generated[e.File] {
				res.Generated++
				continue findings
			}
			if e.Start < 0 || e.End < e.Start || e.End > len(c) {
				return nil, fmt.Errorf("%s: fix %q edits bytes %d-%d of a %d-byte file: the file changed since it was analyzed", e.File, fix.Message, e.Start, e.End, len(c))
			}
			switch overlap(taken[e.File], e) {
			case same:
				continue
			case conflict:
				res.Conflicts++
				continue findings
			}
			add = append(add, e)
		}
		for _, e := range add {
			taken[e.File] = append(taken[e.File], e)
		}
		res.Fixed[i] = true
	}
	for _, name := range slices.Sorted(maps.Keys(taken)) {
		old := content[name]
		edits := taken[name]
		slices.SortFunc(edits, func(a, b driver.Edit) int { return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End)) })
		var b bytes.Buffer
		at := 0
		for _, e := range edits {
			b.Write(old[at:e.Start])
			b.WriteString(e.New)
			at = e.End
		}
		b.Write(old[at:])
		out := File{Name: name, Old: old, New: b.Bytes()}
		if _, err := parser.ParseFile(token.NewFileSet(), name, out.New, parser.ParseComments); err != nil {
			out.Err = fmt.Errorf("the fixed file would not parse (%v); left unchanged", err)
		} else if formatted, err := format.Source(old); err == nil && bytes.Equal(formatted, old) {
			// Keep a gofmt-clean file gofmt-clean; leave others' layout.
			if f, err := format.Source(out.New); err == nil {
				out.New = f
			}
		}
		if out.Err == nil && bytes.Equal(out.New, old) {
			continue
		}
		res.Files = append(res.Files, out)
	}
	return res, nil
}

type overlapKind int

const (
	disjoint overlapKind = iota
	same
	conflict
)

// overlap tells how e relates to the edits already taken in its file.
// Two insertions at one offset conflict unless identical.
func overlap(taken []driver.Edit, e driver.Edit) overlapKind {
	for _, t := range taken {
		if t.Start == e.Start && t.End == e.End && t.New == e.New {
			return same
		}
		if e.Start < t.End && t.Start < e.End || e.Start == t.Start {
			return conflict
		}
	}
	return disjoint
}
