package main

import (
	"cmp"
	"flag"
	"fmt"
	"go/token"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/lifelint/lifelint/analyzers"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// finding is one diagnostic, positioned.
type finding struct {
	Pass    string
	Posn    token.Position
	End     token.Position
	Message string
	Diag    analysis.Diagnostic
	FileSet *token.FileSet
}

// standalone loads the packages and runs the passes in this process.
func standalone(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("lifelint", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("C", "", "change to `dir` before loading packages")
	tests := fs.Bool("test", true, "also analyze test files (like go vet)")
	tags := fs.String("tags", "", "comma-separated build `tags`")
	enable := fs.String("enable", "", "comma-separated passes to run (default: all)")
	disable := fs.String("disable", "", "comma-separated passes not to run")
	cfgA := analyzers.Config
	cfgA.Flags.VisitAll(func(f *flag.Flag) {
		fs.Var(f.Value, analyzers.Config.Name+"."+f.Name, f.Usage)
	})
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: lifelint [flags] packages...\n       lifelint help [pass]\n\nflags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return exitClean
		}
		return exitError
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitError
	}
	passes, err := selectPasses(split(*enable), split(*disable))
	if err != nil {
		fmt.Fprintf(stderr, "lifelint: %v\n", err)
		return exitError
	}
	cfg := &packages.Config{
		Mode:  packages.LoadAllSyntax,
		Dir:   *dir,
		Tests: *tests,
	}
	if *tags != "" {
		cfg.BuildFlags = []string{"-tags=" + *tags}
	}
	pkgs, err := packages.Load(cfg, fs.Args()...)
	if err != nil {
		fmt.Fprintf(stderr, "lifelint: %v\n", err)
		return exitError
	}
	if n := packages.PrintErrors(pkgs); n > 0 {
		return exitError
	}
	if len(pkgs) == 0 {
		fmt.Fprintf(stderr, "lifelint: no packages matched %s\n", strings.Join(fs.Args(), " "))
		return exitError
	}
	graph, err := checker.Analyze(passes, pkgs, nil)
	if err != nil {
		fmt.Fprintf(stderr, "lifelint: %v\n", err)
		return exitError
	}
	var findings []finding
	seen := map[string]bool{}
	failed := false
	for act := range graph.All() {
		if !act.IsRoot {
			continue
		}
		if act.Err != nil {
			fmt.Fprintf(stderr, "lifelint: %s: %v\n", act.Package.PkgPath, act.Err)
			failed = true
			continue
		}
		for _, d := range act.Diagnostics {
			f := finding{Pass: act.Analyzer.Name, Posn: act.Package.Fset.Position(d.Pos), Message: d.Message, Diag: d, FileSet: act.Package.Fset}
			if d.End.IsValid() {
				f.End = act.Package.Fset.Position(d.End)
			}
			// A file in both a package and its test variant is analyzed twice.
			key := fmt.Sprintf("%s|%s|%s", f.Pass, f.Posn, f.Message)
			if !seen[key] {
				seen[key] = true
				findings = append(findings, f)
			}
		}
	}
	sortFindings(findings)
	for _, f := range findings {
		fmt.Fprintf(stdout, "%s: %s (%s)\n", relPosn(f.Posn), f.Message, f.Pass)
	}
	switch {
	case failed:
		return exitError
	case len(findings) > 0:
		return exitFindings
	}
	return exitClean
}

func sortFindings(fs []finding) {
	slices.SortFunc(fs, func(a, b finding) int {
		return cmp.Or(
			cmp.Compare(a.Posn.Filename, b.Posn.Filename),
			cmp.Compare(a.Posn.Line, b.Posn.Line),
			cmp.Compare(a.Posn.Column, b.Posn.Column),
			cmp.Compare(a.Pass, b.Pass),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

// relPosn renders a position relative to the working directory when the
// file lies below it.
func relPosn(p token.Position) string {
	if wd, err := os.Getwd(); err == nil {
		if rel, ok := strings.CutPrefix(p.Filename, wd+string(os.PathSeparator)); ok {
			p.Filename = rel
		}
	}
	return p.String()
}

func split(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// selectPasses returns the default-configured passes named by enable
// (all when empty) minus disable.
func selectPasses(enable, disable []string) ([]*analysis.Analyzer, error) {
	known := analyzers.Names()
	for _, n := range append(slices.Clone(enable), disable...) {
		if !slices.Contains(known, n) {
			return nil, fmt.Errorf("unknown pass %q (known passes: %s)", n, strings.Join(known, ", "))
		}
	}
	var out []*analysis.Analyzer
	for _, a := range analyzers.All {
		if (len(enable) == 0 || slices.Contains(enable, a.Name)) && !slices.Contains(disable, a.Name) {
			out = append(out, a)
		}
	}
	return out, nil
}
