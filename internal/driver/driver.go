// Package driver runs lifelint over packages the way a CI step wants it:
// it drives `go vet -vettool=<lifelint> -json`, so that go vet's action
// cache makes reruns incremental and memory stays that of go vet (one
// package in memory per vet process, dependencies from export data and
// facts), then decodes the JSON, drops duplicates from test variants,
// applies //lifelint:ignore directives and exclusions, and sorts.
package driver

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/lifelint/lifelint/internal/ignore"
	"github.com/lifelint/lifelint/internal/vetjson"
)

// Edit replaces bytes [Start, End) of File with New.
type Edit struct {
	File       string
	Start, End int
	New        string
}

// Fix is a suggested fix: edits applied together.
type Fix struct {
	Message string
	Edits   []Edit
}

// Finding is one diagnostic. File is absolute; lines and columns are
// 1-based, columns in bytes (as go vet prints them).
type Finding struct {
	Pass            string
	File            string
	Line, Col       int
	EndLine, EndCol int
	Message         string
	Fixes           []Fix
	// Related are secondary locations: the other call sites of a finding
	// that reports one root cause once.
	Related []Related
	// IgnoreReason is the reason of the directive that suppressed the
	// finding, for Result.Ignored.
	IgnoreReason string
}

// Related is a secondary location of a finding.
type Related struct {
	File      string
	Line, Col int
	Message   string
}

// Options configure a run.
type Options struct {
	// Tool is the lifelint executable go vet runs as its vettool.
	Tool string
	// Dir is the directory go vet runs in (patterns are relative to it).
	Dir      string
	Patterns []string
	Tags     string
	// NoTests drops findings in and directives from _test.go files. go
	// vet has no -test flag: it always analyzes test variants too.
	NoTests bool
	// Known are the names of all passes; Enabled those to run (all when
	// empty).
	Known, Enabled []string
	// VetFlags are extra flags for the vet tool, such as
	// -lifelintconfig.blocking=example.com/q.Wait.
	VetFlags []string
	// CacheKey, when set, gives the run go vet cache entries of its own
	// (the language server's runs use one: see lsp.Serve).
	CacheKey string
	// Exclude reports files whose findings are dropped.
	Exclude func(file string) bool
	// Progress, when set, is called as go vet finishes packages: done
	// packages out of total (-1 while unknown). It is called from other
	// goroutines, one call at a time, and never after Run returns.
	Progress func(done, total int)
	// Stderr receives go vet's own output: build and type errors,
	// download progress, warnings.
	Stderr io.Writer
	// Units are the vet units of the patterns when the caller has listed
	// them (List); when nil, Run lists them itself, beside go vet.
	Units []string
	// ListUnits, when set and Units is nil, gives the units beside go
	// vet instead of a go list of Run's own: the caller is listing them
	// already (the CLI's speculative scope, scopeguess.go). When it
	// returns nil, Run lists them itself.
	ListUnits func(ctx context.Context) []string
}

// Result is the outcome of a run.
type Result struct {
	// Findings are the reported findings, sorted; they include problems
	// with directives (pass ignore.Pass).
	Findings []Finding
	// Ignored are the findings suppressed by directives, sorted.
	Ignored []Finding
	// Errors are analysis errors ("pkg: pass: message"), sorted.
	Errors []string
	// VetFailed is set when go vet exited non-zero: a pattern matched
	// nothing loadable, a package does not build or type-check. Its
	// messages went to Options.Stderr.
	VetFailed bool
}

// runVet runs go vet with args, its stdout into stdout, and reports
// whether it failed (exited non-zero).
func runVet(ctx context.Context, o *Options, args []string, stdout io.Writer) (failed bool, err error) {
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = o.Dir
	ownGroup(cmd)
	cmd.Cancel = func() error { return stop(cmd) }
	cmd.WaitDelay = stopGrace
	cmd.Stdout = stdout
	cmd.Stderr = o.Stderr
	if cmd.Stderr == nil {
		cmd.Stderr = io.Discard
	}
	err = cmd.Run()
	if ctx.Err() != nil {
		return false, ctx.Err()
	}
	if err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			return false, fmt.Errorf("running go vet: %v", err)
		}
		return true, nil
	}
	return false, nil
}

// Args returns the go vet command line (without "go").
func (o *Options) Args() []string {
	args := []string{"vet", "-vettool=" + o.Tool, "-json"}
	if o.Tags != "" {
		args = append(args, "-tags="+o.Tags)
	}
	// Selecting passes: unitchecker runs only the analyzers whose -NAME
	// flag is true (plus what they require) when any is.
	if len(o.Enabled) > 0 && len(o.Enabled) < len(o.Known) {
		for _, p := range o.Enabled {
			args = append(args, "-"+p+"=true")
		}
		args = append(args, "-"+ignore.Name+"=true")
	}
	args = append(args, "-"+ignore.Name+".report=true")
	if o.CacheKey != "" {
		args = append(args, "-"+ignore.Name+".cachekey="+o.CacheKey)
	}
	args = append(args, o.VetFlags...)
	return append(args, o.Patterns...)
}

// stopGrace is how long go vet gets to end after ctx is done before it is
// killed.
const stopGrace = 5 * time.Second

// Run runs go vet and collects the findings. When ctx is done, go vet and
// the vet tool processes it started are stopped (none is left running)
// and Run returns ctx's error.
//
// go vet's cache can hold an entry for a package that has no output: cmd/go
// keys a vet result by flags and content but not by whether the package
// was analyzed as a dependency (facts only, no output) or for itself, and
// it stores the output after the facts, so an interrupted run (go vet
// ... | head) can leave the facts without the output. A later run then
// silently reports nothing for that package. Run detects it (the
// directive collector reports a marker for every package it analyzes;
// `go list` names the packages that must have one) and analyzes the
// packages that lack one again under cache entries of their own.
func Run(ctx context.Context, o Options) (*Result, error) {
	var stdout treeCounter
	var listed sync.WaitGroup
	var units []string // vet units go vet must print; nil if go list failed
	listCtx, cancelList := context.WithCancel(ctx)
	defer listed.Wait()
	defer cancelList()
	var p *progress
	if o.Progress != nil {
		p = &progress{o: &o, total: -1}
		stdout.onCount = func(n int) { p.set(n, -1) }
	}
	if o.Units != nil {
		units = o.Units
		if p != nil {
			p.set(-1, len(units))
		}
	} else {
		listed.Go(func() {
			var us []string
			if o.ListUnits != nil {
				us = o.ListUnits(listCtx)
			}
			if us == nil {
				if l, err := List(listCtx, o.Dir, o.Tags, o.Patterns); err == nil {
					us = l.Units
				}
			}
			if us != nil {
				units = us
				if p != nil {
					p.set(-1, len(units))
				}
			}
		})
	}
	vetFailed, err := runVet(ctx, &o, o.Args(), &stdout)
	if err != nil {
		return nil, err
	}
	raw, errs, other := vetjson.Decode(stdout.buf.Bytes())
	listed.Wait()
	if missing := missingUnits(units, raw, errs); len(missing) > 0 && !vetFailed {
		// Analyze them again, in a cache space of their own: cmd/go
		// includes the vet tool's flags in its keys.
		again := o
		again.VetFlags = append(slices.Clip(o.VetFlags), "-"+ignore.Name+".cachekey=repair-"+hashOf(missing))
		again.Patterns = packagesOf(missing)
		var out treeCounter
		if vetFailed, err = runVet(ctx, &again, again.Args(), &out); err != nil {
			return nil, err
		}
		raw2, errs2, other2 := vetjson.Decode(out.buf.Bytes())
		raw, errs, other = append(raw, raw2...), append(errs, errs2...), other+other2
		slices.Sort(errs)
		errs = slices.Compact(errs)
	}
	res := &Result{VetFailed: vetFailed}
	if other = strings.TrimSpace(other); other != "" && o.Stderr != nil {
		fmt.Fprintln(o.Stderr, other)
	}
	res.Errors = errs
	ran := o.Enabled
	if len(ran) == 0 {
		ran = o.Known
	}
	var dirs []ignore.Directive
	var all []Finding
	for _, r := range raw {
		f, err := convert(r)
		if err != nil {
			res.Errors = append(res.Errors, fmt.Sprintf("%s: %s: %v", r.Package, r.Analyzer, err))
			continue
		}
		if r.Analyzer == ignore.Name {
			if d, ok := ignore.ParseReport(f.File, f.Line, f.Col, f.EndLine, f.Message); ok {
				dirs = append(dirs, d)
			}
			continue
		}
		all = append(all, f)
	}
	all = dedupe(all)
	m := ignore.NewMatcher(dirs, o.Known)
	excluded := func(file string) bool {
		return o.NoTests && strings.HasSuffix(file, "_test.go") || o.Exclude != nil && o.Exclude(file)
	}
	for _, f := range all {
		if excluded(f.File) {
			continue
		}
		if reason, ok := m.Suppressed(ignore.Diagnostic{Pass: f.Pass, File: f.File, Line: f.Line, Col: f.Col}); ok {
			f.IgnoreReason = reason
			res.Ignored = append(res.Ignored, f)
			continue
		}
		res.Findings = append(res.Findings, f)
	}
	for _, p := range m.Problems(ran, excluded) {
		res.Findings = append(res.Findings, Finding{Pass: ignore.Pass, File: p.File, Line: p.Line, Col: p.Col, EndLine: p.Line, EndCol: p.Col, Message: p.Message})
	}
	Sort(res.Findings)
	Sort(res.Ignored)
	slices.Sort(res.Errors)
	return res, nil
}

func convert(r vetjson.Finding) (Finding, error) {
	start, err := vetjson.ParsePosn(r.Posn)
	if err != nil {
		return Finding{}, err
	}
	f := Finding{Pass: r.Analyzer, File: start.File, Line: start.Line, Col: start.Column, EndLine: start.Line, EndCol: start.Column, Message: r.Message}
	if r.End != "" {
		if end, err := vetjson.ParsePosn(r.End); err == nil && end.File == start.File {
			f.EndLine, f.EndCol = end.Line, end.Column
		}
	}
	for _, sf := range r.SuggestedFixes {
		fix := Fix{Message: sf.Message}
		for _, e := range sf.Edits {
			fix.Edits = append(fix.Edits, Edit{File: e.Filename, Start: e.Start, End: e.End, New: e.New})
		}
		slices.SortFunc(fix.Edits, func(a, b Edit) int {
			return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
		})
		f.Fixes = append(f.Fixes, fix)
	}
	for _, rel := range r.Related {
		if p, err := vetjson.ParsePosn(rel.Posn); err == nil {
			f.Related = append(f.Related, Related{File: p.File, Line: p.Line, Col: p.Column, Message: rel.Message})
		}
	}
	return f, nil
}

// Sort orders findings by file, position, pass and message.
func Sort(fs []Finding) {
	slices.SortStableFunc(fs, compare)
}

func compare(a, b Finding) int {
	return cmp.Or(
		cmp.Compare(a.File, b.File),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Col, b.Col),
		cmp.Compare(a.Pass, b.Pass),
		cmp.Compare(a.Message, b.Message),
		cmp.Compare(a.EndLine, b.EndLine),
		cmp.Compare(a.EndCol, b.EndCol),
		cmp.Compare(len(a.Fixes), len(b.Fixes)),
	)
}

// dedupe drops the copies of a finding that a package and its test
// variant both report.
func dedupe(fs []Finding) []Finding {
	Sort(fs)
	return slices.CompactFunc(fs, func(a, b Finding) bool {
		return a.Pass == b.Pass && a.File == b.File && a.Line == b.Line && a.Col == b.Col && a.Message == b.Message
	})
}
