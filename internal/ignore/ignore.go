// Package ignore implements lifelint's suppression directives:
//
//	//lifelint:ignore <pass>[,<pass>] <reason>
//
// A directive on a diagnostic's line or on the line above suppresses it; a
// directive in a function's doc comment suppresses the named passes in the
// whole function. A directive without a reason, one naming an unknown pass,
// and one that suppresses nothing are reported as findings of the pseudo
// pass "lifelint".
//
// The directives are collected by Analyzer, which runs inside the vet tool
// beside the passes: it sees exactly the files go vet analyzed (build tags,
// test files, cgo) and its results are cached by go vet like any other.
// The driver then matches them against the diagnostics with Apply.
package ignore

import (
	"cmp"
	"flag"
	"fmt"
	"go/ast"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Prefix starts every directive.
const Prefix = "//lifelint:ignore"

// Pass is the pseudo pass under which problems with directives are reported.
const Pass = "lifelint"

// Title and Doc describe the pseudo pass Pass (its SARIF rule, its docs
// page; Doc has the form of an Analyzer.Doc); DocsURL is that page.
const (
	Title = "report //lifelint:ignore directives that are malformed or suppress nothing"
	Doc   = Title + `

A directive reads

	//lifelint:ignore <pass>[,<pass>] <reason>

It suppresses the named passes' findings on its own line and on the line
below; in a function's doc comment it suppresses them in the whole
function. The reason is required: say why the finding is wrong or
acceptable.

lifelint reports a directive that names no pass, names an unknown pass or
gives no reason (such a directive suppresses nothing), and a directive that
suppresses nothing although all its passes ran, so that stale suppressions
do not pile up. Directives in files that were not analyzed (other build
tags, test files under -test=false, excluded paths) are not checked.

Bad:

	//lifelint:ignore handlerblock
	time.Sleep(time.Second)

Good:

	//lifelint:ignore handlerblock the sleep is a test hook that is 0 in production
	time.Sleep(backoff)`
	DocsURL = "https://github.com/lifelint/lifelint/blob/main/docs/lifelint.md"
)

// Name is the name of the directive-collecting analyzer.
const Name = "lifelintignore"

// Scope prefixes of the messages Analyzer reports.
const (
	scopeLine = "line "
	scopeFunc = "func "
)

// NewAnalyzer returns an analyzer that reports every directive of the
// package as a diagnostic whose message is "line <directive>" or
// "func <directive>" and whose range covers the directive (line scope) or
// the directive through the end of the function (func scope). It reports
// nothing unless its -report flag is set, so that a plain
// `go vet -vettool=lifelint` run does not print directives.
func NewAnalyzer() *analysis.Analyzer {
	var report bool
	var cacheKey string
	a := &analysis.Analyzer{
		Name: Name,
		Doc:  Name + ": collect //lifelint:ignore directives for the lifelint driver (reports nothing unless -" + Name + ".report is set)",
		URL:  DocsURL,
		Run: func(pass *analysis.Pass) (any, error) {
			if report {
				collect(pass)
				// One marker per analyzed package, so that the driver sees
				// every package go vet printed a result for, findings or
				// not (see driver.Run).
				if len(pass.Files) > 0 {
					pass.Report(analysis.Diagnostic{Pos: pass.Files[0].Package, Message: Marker})
				}
			}
			return nil, nil
		},
	}
	a.Flags.Init(Name, flag.ContinueOnError)
	a.Flags.BoolVar(&report, "report", false, "report each directive (used by the lifelint driver)")
	// go vet keys its cache by the vet tool's flags: a distinct value
	// gives a run cache entries of its own. The analyzer ignores it.
	a.Flags.StringVar(&cacheKey, "cachekey", "", "label that gives a run go vet cache entries of its own (used by the lifelint driver)")
	return a
}

// Marker is the message of the diagnostic the analyzer reports once per
// package in report mode.
const Marker = "package analyzed"

// Analyzer is the directive collector served by the lifelint binary.
var Analyzer = NewAnalyzer()

func collect(pass *analysis.Pass) {
	for _, f := range pass.Files {
		docOf := map[*ast.CommentGroup]*ast.FuncDecl{}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Doc != nil {
				docOf[fd.Doc] = fd
			}
		}
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				if !isDirective(c.Text) {
					continue
				}
				if fd := docOf[cg]; fd != nil {
					pass.Report(analysis.Diagnostic{Pos: c.Pos(), End: fd.End(), Message: scopeFunc + c.Text})
				} else {
					pass.Report(analysis.Diagnostic{Pos: c.Pos(), End: c.End(), Message: scopeLine + c.Text})
				}
			}
		}
	}
}

func isDirective(text string) bool {
	rest, ok := strings.CutPrefix(text, Prefix)
	return ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t')
}

// Directive is one //lifelint:ignore comment.
type Directive struct {
	File      string
	Line, Col int
	// FromLine..ToLine is the range of lines it covers.
	FromLine, ToLine int
	Passes           []string
	Reason           string
	used             bool
}

// ParseReport decodes a diagnostic of Analyzer: its message and the lines
// of its start and end.
func ParseReport(file string, line, col, endLine int, message string) (Directive, bool) {
	d := Directive{File: file, Line: line, Col: col}
	var text string
	switch {
	case strings.HasPrefix(message, scopeFunc):
		text = message[len(scopeFunc):]
		d.FromLine, d.ToLine = line, endLine
	case strings.HasPrefix(message, scopeLine):
		text = message[len(scopeLine):]
		d.FromLine, d.ToLine = line, line+1
	default:
		return d, false
	}
	if !isDirective(text) {
		return d, false
	}
	fields := strings.Fields(text[len(Prefix):])
	if len(fields) > 0 {
		for _, p := range strings.Split(fields[0], ",") {
			if p = strings.TrimSpace(p); p != "" {
				d.Passes = append(d.Passes, p)
			}
		}
		d.Reason = strings.Join(fields[1:], " ")
	}
	return d, true
}

// Diagnostic is the part of a finding that suppression looks at.
type Diagnostic struct {
	Pass      string
	File      string
	Line, Col int
}

// Problem is a finding about a directive itself.
type Problem struct {
	File      string
	Line, Col int
	Message   string
}

// Matcher matches diagnostics against directives.
type Matcher struct {
	known  []string
	byFile map[string][]*Directive
	all    []*Directive
}

// NewMatcher indexes the directives (duplicates, from test variants of a
// package, are merged). known are the names of all passes.
func NewMatcher(ds []Directive, known []string) *Matcher {
	m := &Matcher{known: known, byFile: map[string][]*Directive{}}
	seen := map[[3]any]bool{}
	for _, d := range ds {
		k := [3]any{d.File, d.Line, d.Col}
		if seen[k] {
			continue
		}
		seen[k] = true
		d := d
		m.byFile[d.File] = append(m.byFile[d.File], &d)
		m.all = append(m.all, &d)
	}
	slices.SortFunc(m.all, func(a, b *Directive) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
	})
	return m
}

// wellFormed reports whether d names only known passes and gives a reason.
func (m *Matcher) wellFormed(d *Directive) bool {
	if d.Reason == "" || len(d.Passes) == 0 {
		return false
	}
	for _, p := range d.Passes {
		if !slices.Contains(m.known, p) {
			return false
		}
	}
	return true
}

// Suppressed reports whether a well-formed directive covers d, and with
// which reason; it marks every covering directive used. Malformed
// directives suppress nothing: they are reported instead.
func (m *Matcher) Suppressed(d Diagnostic) (reason string, ok bool) {
	for _, dir := range m.byFile[d.File] {
		if d.Line < dir.FromLine || d.Line > dir.ToLine || !slices.Contains(dir.Passes, d.Pass) || !m.wellFormed(dir) {
			continue
		}
		dir.used = true
		if !ok {
			reason, ok = dir.Reason, true
		}
	}
	return reason, ok
}

// Problems returns the findings about the directives, once every
// diagnostic went through Suppressed: a missing pass list or reason, an
// unknown pass, and a directive that suppressed nothing although all of
// its passes ran. skip reports files whose directives are not checked
// (excluded paths).
func (m *Matcher) Problems(ran []string, skip func(file string) bool) []Problem {
	known := m.known
	var out []Problem
	for _, d := range m.all {
		if skip != nil && skip(d.File) {
			continue
		}
		add := func(format string, args ...any) {
			out = append(out, Problem{File: d.File, Line: d.Line, Col: d.Col, Message: fmt.Sprintf(format, args...)})
		}
		if len(d.Passes) == 0 {
			add("lifelint:ignore directive names no pass; write //lifelint:ignore <pass>[,<pass>] <reason>")
			continue
		}
		var unknown []string
		for _, p := range d.Passes {
			if !slices.Contains(known, p) {
				unknown = append(unknown, p)
			}
		}
		if len(unknown) > 0 {
			add("lifelint:ignore directive names unknown pass %s (known passes: %s)", strings.Join(unknown, ", "), strings.Join(known, ", "))
			continue
		}
		if d.Reason == "" {
			add("lifelint:ignore directive for %s has no reason; say why the finding is wrong or acceptable after the pass names", strings.Join(d.Passes, ","))
			continue
		}
		if d.used {
			continue
		}
		allRan := true
		for _, p := range d.Passes {
			allRan = allRan && slices.Contains(ran, p)
		}
		if allRan {
			add("lifelint:ignore directive for %s suppresses nothing; remove it", strings.Join(d.Passes, ","))
		}
	}
	return out
}
