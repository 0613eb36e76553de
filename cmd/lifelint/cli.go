package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"github.com/lifelint/lifelint/analyzers"
	"github.com/lifelint/lifelint/internal/configfile"
	"github.com/lifelint/lifelint/internal/driver"
	"golang.org/x/tools/go/analysis"
)

// configFlags are the -lifelintconfig.* flags the CLI forwards to the vet
// tool, in this order.
var configFlags = []string{"handlers", "blocking", "pools"}

// cli is `lifelint [flags] packages...`: it runs go vet with this binary
// as the vet tool, so results are cached per package like go vet's.
func cli(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("lifelint", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("C", "", "change to `dir` before doing anything else (like go -C)")
	tests := fs.Bool("test", true, "also analyze test files (go vet's default)")
	tags := fs.String("tags", "", "comma-separated build `tags`")
	enable := fs.String("enable", "", "comma-separated `passes` to run (default: all, or the config file's enable)")
	disable := fs.String("disable", "", "comma-separated `passes` not to run (added to the config file's disable)")
	format := fs.String("format", "text", "output `format`: text, json, sarif or github")
	showIgnored := fs.Bool("show-ignored", false, "also list findings suppressed by //lifelint:ignore directives")
	configPath := fs.String("config", "", "configuration `file` (default: the nearest "+configfile.Name+" in the working directory or above; \"none\" for none)")
	vscode := fs.Bool("vscode", false, "for VS Code's go.lintTool: exit 0 when there are findings")
	cfgVals := map[string]*[]string{}
	for _, name := range configFlags {
		vals := new([]string)
		cfgVals[name] = vals
		usage := ""
		if f := analyzers.Config.Flags.Lookup(name); f != nil {
			usage = f.Usage
		}
		fs.Func(analyzers.Config.Name+"."+name, usage+" (repeatable; adds to the config file)", func(v string) error {
			*vals = append(*vals, v)
			return nil
		})
	}
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: lifelint [flags] packages...\n       lifelint help [pass]\n       lifelint lsp [flags]\n\n"+
			"lifelint runs go vet with itself as the vet tool, so unchanged packages come from go vet's cache.\n"+
			"Exit codes: 0 no findings, 1 findings, 2 usage, configuration, build or type errors.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitClean
		}
		return exitError
	}
	fail := func(format string, args ...any) int {
		fmt.Fprintf(stderr, "lifelint: "+format+"\n", args...)
		return exitError
	}
	render, ok := renderers[*format]
	if !ok {
		return fail("unknown -format %q (want text, json, sarif or github)", *format)
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitError
	}
	// SARIF paths are relative to where lifelint was started (in CI, the
	// checkout), even under -C.
	srcRoot, err := os.Getwd()
	if err != nil {
		return fail("%v", err)
	}
	if *dir != "" {
		if err := os.Chdir(*dir); err != nil {
			return fail("-C: %v", err)
		}
	}
	wd, err := os.Getwd()
	if err != nil {
		return fail("%v", err)
	}

	known, enabled, vetFlags, exclude, err := resolveConfig(wd, *configPath, *enable, *disable, cfgVals)
	if err != nil {
		return fail("%v", err)
	}

	tool, err := os.Executable()
	if err != nil {
		return fail("cannot find the lifelint executable: %v", err)
	}
	opts := driver.Options{
		Tool:     tool,
		Dir:      wd,
		Patterns: fs.Args(),
		Tags:     *tags,
		NoTests:  !*tests,
		Known:    known,
		Enabled:  enabled,
		VetFlags: vetFlags,
		Exclude:  exclude,
		Stderr:   stderr,
	}
	// SIGINT and SIGTERM stop go vet and its vet tool processes too (the
	// driver signals its process group), rather than leaving them running.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	res, err := driver.Run(ctx, opts)
	if ctx.Err() != nil {
		return fail("interrupted")
	}
	if err != nil {
		return fail("%v", err)
	}
	for _, e := range res.Errors {
		fmt.Fprintf(stderr, "lifelint: %s\n", e)
	}
	out := output{wd: wd, srcRoot: srcRoot, passes: append(passes(), directivePass), findings: res.Findings}
	if *showIgnored {
		out.ignored = res.Ignored
		out.showIgnored = true
	}
	if err := render(stdout, &out); err != nil {
		return fail("writing output: %v", err)
	}
	switch {
	case res.VetFailed || len(res.Errors) > 0:
		return exitError
	case len(res.Findings) > 0 && !*vscode:
		return exitFindings
	}
	return exitClean
}

// configAnalyzer returns the lifelintconfig analyzer that analyzers.New
// builds for s: its flags validate entries exactly as the passes parse
// them, and its result knows the exclusions.
func configAnalyzer(s analyzers.Settings) (*analysis.Analyzer, error) {
	as, err := analyzers.New(s)
	if err != nil {
		return nil, err
	}
	seen := map[*analysis.Analyzer]bool{}
	var find func(a *analysis.Analyzer) *analysis.Analyzer
	find = func(a *analysis.Analyzer) *analysis.Analyzer {
		if seen[a] {
			return nil
		}
		seen[a] = true
		if a.Name == analyzers.Config.Name {
			return a
		}
		for _, r := range a.Requires {
			if c := find(r); c != nil {
				return c
			}
		}
		return nil
	}
	for _, a := range as {
		if c := find(a); c != nil {
			return c, nil
		}
	}
	return nil, fmt.Errorf("internal error: no %s analyzer among the passes' requirements", analyzers.Config.Name)
}

// excluder returns a function that reports whether a file matches one of
// the exclude globs, matched against the file's path relative to the root
// of its module (the nearest directory above it with a go.mod).
func excluder(cfgA *analysis.Analyzer, globs []string) (func(string) bool, error) {
	if len(globs) == 0 {
		return nil, nil
	}
	res, err := cfgA.Run(nil) // builds the immutable *config.Config; reads no pass
	if err != nil {
		return nil, err
	}
	m, ok := res.(interface{ MatchExclude(string) bool })
	if !ok {
		return nil, fmt.Errorf("internal error: %T cannot match exclusions", res)
	}
	roots := map[string]string{}
	moduleRoot := func(dir string) string {
		start := dir
		for {
			if r, ok := roots[dir]; ok {
				roots[start] = r
				return r
			}
			if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
				roots[start] = dir
				return dir
			}
			parent := filepath.Dir(dir)
			if parent == dir {
				roots[start] = ""
				return ""
			}
			dir = parent
		}
	}
	return func(file string) bool {
		root := moduleRoot(filepath.Dir(file))
		if root == "" {
			return false
		}
		rel, err := filepath.Rel(root, file)
		if err != nil {
			return false
		}
		return m.MatchExclude(filepath.ToSlash(rel))
	}, nil
}

func split(s string) []string {
	var out []string
	for f := range strings.SplitSeq(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// resolveConfig merges the configuration file (the nearest .lifelint.yml
// from wd, or configPath; "none" for none) with the command-line flags and
// returns the passes to run, the vet tool flags that carry the knowledge
// table entries, and the exclusion filter. The CLI and the language server
// share it.
func resolveConfig(wd, configPath, enable, disable string, cfgVals map[string]*[]string) (known, enabled, vetFlags []string, exclude func(string) bool, err error) {
	// Configuration: the file, then the flags.
	var settings analyzers.Settings
	cfgFile := configPath
	if cfgFile == "" {
		if cfgFile, err = configfile.Find(wd); err != nil {
			return nil, nil, nil, nil, err
		}
	}
	if cfgFile != "" && cfgFile != "none" {
		if settings, err = configfile.Load(cfgFile); err != nil {
			return nil, nil, nil, nil, err
		}
	}
	if enable != "" {
		settings.Enable = split(enable)
	}
	settings.Disable = append(settings.Disable, split(disable)...)
	known = passNames()
	for _, n := range slices.Concat(settings.Enable, settings.Disable) {
		if !slices.Contains(known, n) {
			return nil, nil, nil, nil, fmt.Errorf("unknown pass %q (known passes: %s)", n, strings.Join(known, ", "))
		}
	}
	for _, n := range known {
		if (len(settings.Enable) == 0 || slices.Contains(settings.Enable, n)) && !slices.Contains(settings.Disable, n) {
			enabled = append(enabled, n)
		}
	}
	if len(enabled) == 0 {
		return nil, nil, nil, nil, fmt.Errorf("no passes left to run (enable: %s; disable: %s)", strings.Join(settings.Enable, ","), strings.Join(settings.Disable, ","))
	}
	// Validate the table entries and the exclusions the way the passes
	// will read them: through a fresh lifelintconfig analyzer.
	cfgA, err := configAnalyzer(analyzers.Settings{Exclude: settings.Exclude})
	if err != nil {
		return nil, nil, nil, nil, err
	}
	for _, name := range configFlags {
		var fromFile []string
		switch name {
		case "handlers":
			fromFile = settings.Handlers
		case "blocking":
			fromFile = settings.Blocking
		case "pools":
			fromFile = settings.Pools
		}
		for _, v := range slices.Concat(fromFile, *cfgVals[name]) {
			if err := cfgA.Flags.Set(name, v); err != nil {
				return nil, nil, nil, nil, fmt.Errorf("-%s.%s: %v", analyzers.Config.Name, name, err)
			}
			vetFlags = append(vetFlags, fmt.Sprintf("-%s.%s=%s", analyzers.Config.Name, name, v))
		}
	}
	exclude, err = excluder(cfgA, settings.Exclude)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	return known, enabled, vetFlags, exclude, nil
}
