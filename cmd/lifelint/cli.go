package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/lifelint/lifelint/analyzers"
	"github.com/lifelint/lifelint/internal/configfile"
	"github.com/lifelint/lifelint/internal/driver"
	"github.com/lifelint/lifelint/internal/exclude"
	"github.com/lifelint/lifelint/internal/newfrom"
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
	doFix := fs.Bool("fix", false, "apply the suggested fix of each finding (honouring the configuration and //lifelint:ignore), then report the findings left")
	doDiff := fs.Bool("diff", false, "print the suggested fixes as a unified diff instead of the findings; change no file")
	newFromRev := fs.String("new-from-rev", "", "report only findings on lines changed since git `revision` REV (and in untracked files)")
	newFromPatch := fs.String("new-from-patch", "", "report only findings on lines a unified diff `file` adds (paths relative to the directory lifelint runs in)")
	quiet := fs.Bool("q", false, "quiet: no progress line and no final summary on stderr")
	useCache := fs.Bool("cache", true, "reuse the last result of the same command line when nothing it depends on has changed, without running go vet (see README)")
	factsFrom := fs.String("facts-from", "", "also analyze the dependencies in these comma-separated `modules` for their facts (\"all\": every dependency, the standard library included); by default only the dependencies in the modules of the patterns are, and the knowledge tables stand for the others")
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
		fmt.Fprintf(stderr, "usage: lifelint [flags] packages...\n       lifelint help [pass]\n       lifelint lsp [flags]\n       lifelint version\n\n"+
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
	// vscode-go wants the findings on stdout and nothing on stderr.
	*quiet = *quiet || *vscode
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

	known, enabled, vetFlags, excluded, err := resolveConfig(wd, *configPath, given(fs, "enable", enable), given(fs, "disable", disable), cfgVals)
	if err != nil {
		return fail("%v", err)
	}

	// Read the change before the run: a bad revision fails fast.
	var lines newfrom.Lines
	if *newFromRev != "" || *newFromPatch != "" {
		if lines, err = changedLines(wd, *newFromRev, *newFromPatch); err != nil {
			return fail("%v", err)
		}
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
		Exclude:  excluded,
		Stderr:   stderr,
	}
	// SIGINT and SIGTERM stop go vet and its vet tool processes too (the
	// driver signals its process group), rather than leaving them running.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	r := vetRun{opts: &opts, wd: wd, tags: *tags, factsFrom: *factsFrom, guesses: newScopeGuesses(), results: newResultCache(*useCache)}
	r.guessKey = r.guesses.key(wd, *tags, *factsFrom, opts.Patterns)
	r.resultKey = resultKey(r.guessKey, tool, *configPath, wd, &opts)
	// A result whose fingerprint holds is the result go vet would give
	// (resultcache.go).
	res, replayed := r.results.lookup(r.resultKey, wd)
	if !replayed {
		if res, err = r.run(ctx, *quiet, stderr); err != nil && ctx.Err() == nil {
			return fail("%v", err)
		}
	}
	if ctx.Err() != nil {
		return fail("interrupted")
	}
	for _, e := range res.Errors {
		fmt.Fprintf(stderr, "lifelint: %s\n", e)
	}
	if lines != nil {
		res.Findings = slices.DeleteFunc(res.Findings, func(f driver.Finding) bool { return !lines.Has(f.File, f.Line) })
		res.Ignored = slices.DeleteFunc(res.Ignored, func(f driver.Finding) bool { return !lines.Has(f.File, f.Line) })
	}
	fixFailed := false
	exit := func() int {
		switch {
		case res.VetFailed || len(res.Errors) > 0 || fixFailed:
			return exitError
		case len(res.Findings) > 0 && !*vscode:
			return exitFindings
		}
		return exitClean
	}
	if *doFix || *doDiff {
		var remaining []driver.Finding
		remaining, fixFailed, err = applyFixes(res.Findings, wd, *doDiff, *quiet, stdout, stderr)
		if err != nil {
			return fail("%v", err)
		}
		if *doDiff {
			// stdout holds the diff; the exit code says whether there
			// were findings, as without -diff.
			return exit()
		}
		res.Findings = remaining
	}
	out := output{wd: wd, srcRoot: srcRoot, passes: append(passes(), directivePass), findings: res.Findings}
	if *showIgnored {
		out.ignored = res.Ignored
		out.showIgnored = true
	}
	if err := render(stdout, &out); err != nil {
		return fail("writing output: %v", err)
	}
	if !*quiet {
		note := ""
		if replayed {
			note = " (the last run's result: nothing it depends on changed)"
		}
		fmt.Fprintf(stderr, "lifelint: %s%s\n", summary(res.Findings, res.Ignored), note)
	}
	return exit()
}

// vetRun is the go vet run of a CLI invocation: its options, the command
// line's directory, tags and -facts-from, and the caches it uses with its
// keys in them.
type vetRun struct {
	opts                *driver.Options
	wd, tags, factsFrom string
	guesses             scopeGuesses
	guessKey            string
	results             resultCache
	resultKey           string
}

// run runs go vet under the resolved scope (scopeguess.go, listcache.go),
// with a progress line on stderr unless quiet, and keeps the result when
// it can be (resultcache.go).
func (r *vetRun) run(ctx context.Context, quiet bool, stderr io.Writer) (*driver.Result, error) {
	opts, wd := r.opts, r.wd
	start := time.Now()
	guess, haveGuess := r.guesses.load(r.guessKey)
	var status *statusLine
	if !quiet && wantProgress(stderr) {
		status = newStatusLine(stderr)
		opts.Stderr = status
		opts.Progress = status.Update
		status.Start()
	}
	// resolve runs beside a speculative go vet when there is a guess
	// (scopeguess.go); a listing the cache still holds spares it the go
	// list (listcache.go).
	listings := newListCache()
	var listed scoped
	resolve := func() scoped {
		if sc, ok := listings.lookup(r.guessKey, wd); ok {
			listed = sc
			return sc
		}
		listStart := time.Now()
		f, l := scopeFlag(ctx, wd, r.tags, opts.Patterns, r.factsFrom)
		if ctx.Err() == nil {
			listings.store(r.guessKey, wd, opts.Patterns, l, f, listStart)
		}
		sc := scoped{flag: f}
		if l != nil {
			sc.units = l.Units
			if roots, ok := listRoots(wd, opts.Patterns, l); ok {
				sc.roots = roots
			}
		}
		listed = sc
		return sc
	}
	res, resolved, err := runScoped(ctx, guess, haveGuess, opts.Stderr, resolve,
		func(c context.Context, flag string, units func(context.Context) []string, w io.Writer) (*driver.Result, error) {
			o := *opts
			if flag != "" {
				o.VetFlags = append(slices.Clip(opts.VetFlags), flag)
			}
			o.ListUnits, o.Stderr = units, w
			return driver.Run(c, o)
		})
	if err == nil && ctx.Err() == nil {
		r.guesses.store(r.guessKey, resolved)
		r.results.store(r.resultKey, wd, listed.roots, res, start)
	}
	if status != nil {
		status.Done()
	}
	return res, err
}

// changedLines is -new-from-rev and -new-from-patch.
func changedLines(wd, rev, patch string) (newfrom.Lines, error) {
	if rev != "" && patch != "" {
		return nil, errors.New("-new-from-rev and -new-from-patch exclude each other")
	}
	if rev != "" {
		lines, err := newfrom.FromRev(wd, rev)
		if err != nil {
			return nil, fmt.Errorf("-new-from-rev: %v", err)
		}
		return lines, nil
	}
	f, err := os.Open(patch)
	if err != nil {
		return nil, fmt.Errorf("-new-from-patch: %v", err)
	}
	defer f.Close()
	lines, err := newfrom.FromPatch(f, wd)
	if err != nil {
		return nil, fmt.Errorf("-new-from-patch: %s: %v", patch, err)
	}
	return lines, nil
}

// given returns v if the flag name was set on the command line, else nil.
func given(fs *flag.FlagSet, name string, v *string) *string {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	if set {
		return v
	}
	return nil
}

// passList parses the value of -enable or -disable: comma-separated pass
// names. A flag that was not given (v nil) is no list; an empty name
// (-enable "" or -enable ,) is an error, as in the configuration file.
func passList(flagName string, v *string) ([]string, error) {
	if v == nil {
		return nil, nil
	}
	var out []string
	for f := range strings.SplitSeq(*v, ",") {
		if f = strings.TrimSpace(f); f == "" {
			return nil, fmt.Errorf("-%s %q: empty pass name", flagName, *v)
		}
		out = append(out, f)
	}
	return out, nil
}

// resolveConfig merges the configuration file (the nearest .lifelint.yml
// from wd, or configPath; "none" for none) with the command-line flags
// (enable and disable are nil when not given) and returns the passes to
// run, the vet tool flags that carry the knowledge table entries, and the
// exclusion filter. The CLI and the language server share it.
func resolveConfig(wd, configPath string, enable, disable *string, cfgVals map[string]*[]string) (known, enabled, vetFlags []string, excluded func(string) bool, err error) {
	// Configuration: the file (validated by Load), then the flags.
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
	en, err := passList("enable", enable)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	if en != nil {
		settings.Enable = en
	}
	dis, err := passList("disable", disable)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	settings.Disable = append(settings.Disable, dis...)
	// Pass names are checked here rather than by analyzers.Validate:
	// test builds serve an extra pass.
	known = passNames()
	for _, n := range slices.Concat(settings.Enable, settings.Disable) {
		if !slices.Contains(known, n) {
			return nil, nil, nil, nil, fmt.Errorf("unknown pass %q (known passes: %s)", n, strings.Join(known, ", "))
		}
	}
	for _, n := range known {
		byDefault := len(settings.Enable) == 0 && !nonDefault(n)
		if (byDefault || slices.Contains(settings.Enable, n)) && !slices.Contains(settings.Disable, n) {
			enabled = append(enabled, n)
		}
	}
	if len(enabled) == 0 {
		return nil, nil, nil, nil, fmt.Errorf("no passes left to run (enable: %s; disable: %s)", strings.Join(settings.Enable, ","), strings.Join(settings.Disable, ","))
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
		for _, v := range *cfgVals[name] {
			// The flag's entries get the file's rules (analyzers.Validate).
			var one analyzers.Settings
			entries := analyzers.SplitList(v)
			switch name {
			case "handlers":
				one.Handlers = entries
			case "blocking":
				one.Blocking = entries
			case "pools":
				one.Pools = entries
			}
			if err := analyzers.Validate(one); err != nil {
				return nil, nil, nil, nil, fmt.Errorf("-%s.%s=%q: %v", analyzers.Config.Name, name, v, err)
			}
		}
		for _, v := range slices.Concat(fromFile, *cfgVals[name]) {
			vetFlags = append(vetFlags, fmt.Sprintf("-%s.%s=%s", analyzers.Config.Name, name, v))
		}
	}
	if m := exclude.New(settings.Exclude); m != nil {
		excluded = m.Excluded
	}
	return known, enabled, vetFlags, excluded, nil
}
