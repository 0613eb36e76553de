// Command bench times lifelint, go vet, staticcheck and the floor (go vet
// with a vet tool that analyzes nothing) over the same packages of real Go
// services and writes a markdown report.
//
// Run it from the bench directory (bench/run.sh does):
//
//	go run ./cmd/bench -set quick -runs 3
//
// For each run and each tool (the order rotates from run to run) it measures
// a cold analysis cache on a warm build cache, a warm rerun on the same
// cache, and an incremental rerun after an edit of one leaf package. A
// traced cold run of lifelint then gives each analyzer's share of its CPU
// time. See bench/README.md for what is measured and the caveats.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

const staticcheckVersion = "v0.8.2"

func main() {
	log := func(format string, args ...any) {
		fmt.Fprintf(os.Stderr, "bench: "+format+"\n", args...)
	}
	set := flag.String("set", "full", "package `set`: a file sets/<set>.txt of package patterns")
	runs := flag.Int("runs", 3, "timed `runs` of each tool, each a cold and a warm measurement")
	mode := flag.String("lifelint-mode", "auto", "how lifelint runs: cli (lifelint <patterns>), vettool (go vet -vettool=lifelint -json) or auto")
	results := flag.String("results", "results", "`dir`ectory of the markdown reports")
	only := flag.String("tools", "lifelint,govet,staticcheck,floor,typecheck", "comma-separated `tools` to measure (typecheck: the floor+types)")
	lflags := flag.String("lifelint-flags", "", "space-separated extra `flags` for lifelint, e.g. -disable=swallowedcancel (reported)")
	incremental := flag.Bool("incremental", true, "after each warm rerun, edit one file of a copy of a leaf package and rerun")
	leaf := flag.String("leaf", "", "import `path` of the package the incremental case edits (default: the first leaf library of the set)")
	warmRuns := flag.Int("warm-runs", 3, "warm `reruns` of each tool per run; the warm figures are medians over all of them")
	profileRuns := flag.Int("profile-runs", 1, "extra cold `runs` of lifelint with LIFELINT_TRACE, for each analyzer's share of its CPU time (0: none)")
	order := flag.String("order", orderInterleaved, "order of one run's measurements: "+orderInterleaved+" (every tool cold, then the warm reruns in rounds of one per tool, then the incremental ones) or "+orderBlocked+" (each tool's cold, warm and incremental runs together)")
	gotmpdir := flag.String("gotmpdir", "tmpfs", "GOTMPDIR of every measured run: tmpfs (a fresh directory under "+shmDir+", which must be a tmpfs), inherit (the caller's), or a `dir`ectory")
	flag.Parse()
	if *runs < 1 || *warmRuns < 1 || *profileRuns < 0 || flag.NArg() != 0 {
		flag.Usage()
		os.Exit(2)
	}
	if _, err := schedule(*order, 1, 0, 1, false); err != nil {
		log("%v", err)
		os.Exit(2)
	}
	o := options{set: *set, runs: *runs, mode: *mode, resultsDir: *results, only: *only, lflags: strings.Fields(*lflags),
		incremental: *incremental, leaf: *leaf, profileRuns: *profileRuns, warmRuns: *warmRuns, gotmpdir: *gotmpdir, order: *order}
	if err := run(o, log); err != nil {
		log("%v", err)
		os.Exit(1)
	}
}

// options are the command-line settings.
type options struct {
	set, mode, resultsDir, only string
	runs, profileRuns, warmRuns int
	lflags                      []string
	incremental                 bool
	leaf                        string
	gotmpdir                    string
	order                       string
}

// env holds the paths one benchmark uses.
// scopeFlag is the vet tool flag by which the lifelint command names the
// modules under analysis (internal/vetscope.FlagName; the bench is its own
// module and runs lifelint as a binary).
const scopeFlag = "lifelint.scope"

type env struct {
	benchDir, repoRoot string
	work               string // .cache/<set>
	bin                string // .cache/bin
	template           string // template GOCACHE: compiled, no vet results
	novet              string // the no-op vet tool that fills the template
	patterns           []string
	// scope is the -lifelint.scope value the lifelint command would give
	// its vet tool for the patterns (the modules of their packages), set
	// by describe; floor+types passes it in cli mode.
	scope string
	log   func(string, ...any)
}

func run(o options, log func(string, ...any)) error {
	set, runs, resultsDir := o.set, o.runs, o.resultsDir
	benchDir, err := os.Getwd()
	if err != nil {
		return err
	}
	patterns, err := readSet(filepath.Join(benchDir, "sets", set+".txt"))
	if err != nil {
		return fmt.Errorf("%v (run from the bench directory; sets are in sets/)", err)
	}
	e := &env{
		benchDir: benchDir,
		repoRoot: filepath.Dir(benchDir),
		work:     filepath.Join(benchDir, ".cache", set),
		bin:      filepath.Join(benchDir, ".cache", "bin"),
		patterns: patterns,
		log:      log,
	}
	e.template = filepath.Join(e.work, "gocache-template")
	for _, d := range []string{e.work, e.bin, e.template} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	goVersion, err := output(e.benchDir, nil, "go", "env", "GOVERSION")
	if err != nil {
		return err
	}
	goVersion = strings.TrimSpace(goVersion)

	tools, info, err := e.buildTools(goVersion, o.mode, o.lflags)
	if err != nil {
		return err
	}
	var selected []*tool
	for _, t := range tools {
		if strings.Contains(","+o.only+",", ","+t.id+",") {
			selected = append(selected, t)
		}
	}
	if len(selected) == 0 {
		return fmt.Errorf("-tools %q selects no tool (lifelint, govet, staticcheck, floor, typecheck)", o.only)
	}

	var ed *edit
	var leafInfo string
	if o.incremental {
		// Before describe and prepare: the copy of the leaf joins the
		// patterns of every run.
		leaf, err := e.prepareEdit(o.leaf)
		if err != nil {
			return err
		}
		ed = leaf
		leafInfo = fmt.Sprintf("`%s` (copied to `./%s`, which every run of every tool then analyzes too; the edit appends a comment to its %s, and the file is restored after the run)", ed.pkg, incrementalDir, filepath.Base(ed.file))
		log("incremental case: edit %s", leafInfo)
		patterns = e.patterns
	}
	corpus, err := e.describe()
	if err != nil {
		return err
	}
	tmpEnv, tmpInfo, cleanup, err := goTmpDir(o.gotmpdir)
	if err != nil {
		return err
	}
	defer cleanup()
	log("GOTMPDIR: %s", tmpInfo)
	log("%s: %d packages, %d non-test lines; preparing the template GOCACHE %s", set, corpus.packages, corpus.lines, e.template)
	prep, err := e.prepare()
	if err != nil {
		return err
	}
	log("template ready in %s (%s)", prep.Round(time.Second), du(e.template))

	rep := &report{
		set: set, runs: runs, goVersion: goVersion, corpus: corpus, info: info,
		start: time.Now().UTC(), loadStart: loadavg(), patterns: patterns,
		tools: selected, leaf: leafInfo, warmRuns: o.warmRuns, gotmpdir: tmpInfo, order: o.order,
	}
	runCache := filepath.Join(e.work, "run-gocache")       // the profile runs'
	runUserCache := filepath.Join(e.work, "run-usercache") // their user cache directory (lifelint's listing and result caches)
	outDir := filepath.Join(e.work, "out")
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return err
	}
	for i := range runs {
		ms, err := e.runOnce(selected, i, o.warmRuns, o.order, ed, tmpEnv, outDir)
		rep.measurements = append(rep.measurements, ms...)
		if err != nil {
			return err
		}
		if i+1 < runs {
			_, base, err := rep.write(resultsDir, i+1)
			if err != nil {
				return err
			}
			log("wrote %s.md (%d of %d runs)", base, i+1, runs)
		}
	}
	if l := rep.find("lifelint"); l != nil {
		for i := range o.profileRuns {
			// A cold run with the trace on: each vet tool process
			// appends what its analyzers cost (cmd/lifelint/trace.go).
			trace := filepath.Join(e.work, fmt.Sprintf("trace-%d.tsv", i+1))
			for _, d := range []string{runCache, runUserCache, trace} {
				if err := os.RemoveAll(d); err != nil {
					return err
				}
			}
			if err := copyCache(e.template, runCache); err != nil {
				return err
			}
			environ := append(os.Environ(), "GOCACHE="+runCache, "XDG_CACHE_HOME="+runUserCache, "LIFELINT_TRACE="+trace)
			environ = append(environ, tmpEnv...)
			m, err := e.measureTool(l, environ, "profile", i+1, outDir)
			if err != nil {
				return err
			}
			data, err := os.ReadFile(trace)
			if err != nil && !os.IsNotExist(err) {
				return err
			}
			p := parseTrace(data)
			m.profile = &p
			rep.measurements = append(rep.measurements, m)
			log("profile run %d: %d vet tool processes traced (%d skipped), analyzers %.1fs of %.1fs CPU", i+1, p.vetRoot+p.vetFacts+p.vetSkipped, p.vetSkipped, p.total().Seconds(), m.cpu.Seconds())
		}
	}
	for _, d := range []string{runCache, runUserCache} {
		if err := os.RemoveAll(d); err != nil {
			return err
		}
	}
	md, base, err := rep.write(resultsDir, runs)
	if err != nil {
		return err
	}
	fmt.Print(md)
	log("wrote %s.md", base)
	return nil
}

// measureTool measures one run of t with the environment environ, keeps
// its output in outDir and parses its findings.
func (e *env) measureTool(t *tool, environ []string, phase string, run int, outDir string) (*measurement, error) {
	load := loadavg()
	m, err := measure(e.benchDir, environ, t.argv(e.patterns))
	if err != nil {
		return nil, fmt.Errorf("%s: %v", t.name, err)
	}
	m.tool, m.phase, m.run, m.load = t, phase, run, load
	name := filepath.Join(outDir, fmt.Sprintf("%s-%d-%s.txt", t.id, run, phase))
	if err := os.WriteFile(name, m.stdout, 0o644); err != nil {
		return nil, err
	}
	if err := os.WriteFile(strings.TrimSuffix(name, ".txt")+".stderr.txt", m.stderr, 0o644); err != nil {
		return nil, err
	}
	m.findings = t.parse(m.stdout, m.stderr)
	m.findings.panics = countPanics(m.stderr)
	e.log("run %d %-11s %s: wall %6.1fs cpu %6.1fs peak RSS %s exit %d findings %d (load %s)",
		run, t.name, phase, m.wall.Seconds(), m.cpu.Seconds(), mib(m.rss), m.exit, m.findings.total(), load)
	return m, nil
}

// incrementalDir is where the incremental case's copy of a leaf package
// lives, inside the bench module (testdata: ./... skips it).
const incrementalDir = "testdata/incremental"

// edit is the incremental case: the file it edits, as it is and edited.
type edit struct {
	pkg, file    string
	orig, edited []byte
}

// prepareEdit chooses the package the incremental case edits (leaf, or
// the first leaf library of the set), copies its Go files into
// incrementalDir and adds that package to the patterns; the edit is of
// the copy's first Go file. The set's own files live in the read-only
// module cache, which neither an edit nor a go command overlay may
// touch; a copy in the bench module is what a user's own leaf package is.
func (e *env) prepareEdit(leaf string) (*edit, error) {
	args := []string{"list", "-e", "-json=ImportPath,Name,Dir,GoFiles,CgoFiles,EmbedPatterns,SFiles,CFiles,SysoFiles,Imports,TestImports,XTestImports"}
	out, err := output(e.benchDir, nil, "go", append(args, e.patterns...)...)
	if err != nil {
		return nil, err
	}
	var pkgs []listedPackage
	dec := json.NewDecoder(strings.NewReader(out))
	for {
		var p listedPackage
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			return nil, fmt.Errorf("go list: %v", err)
		}
		pkgs = append(pkgs, p)
	}
	var p listedPackage
	if leaf == "" {
		var ok bool
		if p, ok = chooseLeaf(pkgs); !ok {
			return nil, fmt.Errorf("no leaf package with Go files in the set; name one with -leaf or use -incremental=false")
		}
	} else {
		i := slices.IndexFunc(pkgs, func(p listedPackage) bool { return p.ImportPath == leaf })
		if i < 0 || !copyable(pkgs[i]) {
			return nil, fmt.Errorf("-leaf %s: not a package of the set that can be copied (Go files; no cgo, assembly, embed or internal imports)", leaf)
		}
		p = pkgs[i]
	}
	dir := filepath.Join(e.benchDir, incrementalDir)
	if err := os.RemoveAll(dir); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	for _, name := range p.GoFiles {
		src, err := os.ReadFile(filepath.Join(p.Dir, name))
		if err != nil {
			return nil, err
		}
		if err := os.WriteFile(filepath.Join(dir, name), src, 0o644); err != nil {
			return nil, err
		}
	}
	e.patterns = append(slices.Clip(e.patterns), "./"+incrementalDir)
	file := filepath.Join(dir, p.GoFiles[0])
	src, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	return &edit{pkg: p.ImportPath, file: file, orig: src, edited: editedSource(src)}, nil
}

// write writes the report of the runs done so far (done of rep.runs) and
// the lifelint findings; it is called after every run, so that an
// interrupted benchmark leaves the report of its completed runs.
func (rep *report) write(resultsDir string, done int) (md, base string, err error) {
	rep.end = time.Now().UTC()
	rep.loadEnd = loadavg()
	rep.done = done
	md = rep.markdown()
	if err := os.MkdirAll(resultsDir, 0o755); err != nil {
		return "", "", err
	}
	base = filepath.Join(resultsDir, rep.start.Format("2006-01-02")+"-"+rep.set)
	if err := os.WriteFile(base+".md", []byte(md), 0o644); err != nil {
		return "", "", err
	}
	if lf := rep.lifelintFindings(); lf != nil {
		if err := os.WriteFile(base+"-lifelint.txt", lf, 0o644); err != nil {
			return "", "", err
		}
	}
	return md, base, nil
}

// readSet reads a package set: one pattern a line, # comments.
func readSet(name string) ([]string, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	var pats []string
	for line := range strings.Lines(string(data)) {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			pats = append(pats, line)
		}
	}
	if len(pats) == 0 {
		return nil, fmt.Errorf("%s: no patterns", name)
	}
	return pats, nil
}

// buildTools builds lifelint from the repository, installs staticcheck with
// this Go into .cache/bin, builds novet, and returns the tools to measure.
func (e *env) buildTools(goVersion, mode string, lflags []string) ([]*tool, map[string]string, error) {
	info := map[string]string{}
	lifelint := filepath.Join(e.bin, "lifelint")
	e.log("building lifelint from %s", e.repoRoot)
	if _, err := output(e.repoRoot, nil, "go", "build", "-o", lifelint, "./cmd/lifelint"); err != nil {
		return nil, nil, err
	}
	if rev, err := output(e.repoRoot, nil, "git", "rev-parse", "--short", "HEAD"); err == nil {
		info["lifelint"] = "commit " + strings.TrimSpace(rev)
		if st, err := output(e.repoRoot, nil, "git", "status", "--porcelain", "--", "analyzers", "cmd", "internal", "go.mod"); err == nil && strings.TrimSpace(st) != "" {
			info["lifelint"] += " + uncommitted changes"
		}
	}
	staticcheck := filepath.Join(e.bin, "staticcheck")
	e.log("installing staticcheck %s with %s", staticcheckVersion, goVersion)
	if _, err := output(e.benchDir, []string{"GOBIN=" + e.bin}, "go", "install", "honnef.co/go/tools/cmd/staticcheck@"+staticcheckVersion); err != nil {
		return nil, nil, err
	}
	// Installed earlier by another Go? go install rebuilds when the
	// toolchain changed, but check what we will run.
	vm, err := output(e.benchDir, nil, "go", "version", "-m", staticcheck)
	if err != nil {
		return nil, nil, err
	}
	if first, _, _ := strings.Cut(vm, "\n"); !strings.HasSuffix(strings.TrimSpace(first), " "+goVersion) {
		return nil, nil, fmt.Errorf("staticcheck was built with another Go: %s", first)
	}
	info["staticcheck"] = staticcheckVersion + " built with " + goVersion
	novet := filepath.Join(e.bin, "novet")
	if _, err := output(e.benchDir, nil, "go", "build", "-o", novet, "./cmd/novet"); err != nil {
		return nil, nil, err
	}

	if mode == "auto" {
		mode = "vettool"
		// The CLI's usage says it drives go vet; a bare multichecker's
		// does not.
		h, _ := exec.Command(lifelint, "-h").CombinedOutput()
		if bytes.Contains(h, []byte("runs go vet with itself as the vet tool")) {
			mode = "cli"
		}
	}
	var l *tool
	switch mode {
	case "cli":
		l = &tool{id: "lifelint", name: "lifelint", parse: parseLifelintText,
			argv: func(p []string) []string { return slices.Concat([]string{lifelint}, lflags, p) }}
		info["lifelint"] += "; run as `lifelint <patterns>` (its CLI drives go vet -vettool -json)"
	case "vettool":
		l = &tool{id: "lifelint", name: "lifelint", parse: parseVetJSON,
			argv: func(p []string) []string {
				return slices.Concat([]string{"go", "vet", "-vettool=" + lifelint, "-json"}, lflags, p)
			}}
		info["lifelint"] += "; run as `go vet -vettool=lifelint -json <patterns>`"
	default:
		return nil, nil, fmt.Errorf("-lifelint-mode %q: want cli, vettool or auto", mode)
	}
	if len(lflags) > 0 {
		info["lifelint"] += "; extra flags `" + strings.Join(lflags, " ") + "`"
	}
	if fl, err := output(e.benchDir, nil, lifelint, "-flags"); err == nil {
		served, err := parseServed([]byte(fl))
		if err != nil {
			return nil, nil, err
		}
		l.served = served
	}
	info["floor"] = "`go vet -vettool=novet <patterns>`: cmd/novet analyzes nothing and caches nothing, so this is the go command's share of a vet run (go list, the action graph, cache lookups, one vet tool process per package and dependency), not parsing or type checking"
	e.novet = novet
	var typecheck []*tool
	if len(l.served) > 0 {
		// lifelint's own vet tool with every analyzer off: unitchecker
		// still parses and type-checks every package it is not told to
		// skip and writes (empty) facts, so go vet caches its results as
		// it does lifelint's. The flags are part of go vet's cache key, so
		// its results are not lifelint's. In cli mode it gets the scope
		// flag the lifelint command gives its vet tool, so it skips the
		// same dependencies (the scope fast path): then it is exactly what
		// lifelint costs before its passes run.
		off := []string{"-vettool=" + lifelint}
		for _, a := range l.served {
			off = append(off, "-"+a+"=false")
		}
		scoped := mode == "cli"
		typecheck = append(typecheck, &tool{id: "typecheck", name: "floor+types", parse: parseGoVet,
			argv: func(p []string) []string {
				args := slices.Concat([]string{"go", "vet"}, off)
				if scoped && e.scope != "" {
					args = append(args, "-"+scopeFlag+"="+e.scope)
				}
				return slices.Concat(args, p)
			}})
		if scoped {
			info["typecheck"] = "`go vet -vettool=lifelint " + strings.Join(off[1:], " ") + " -" + scopeFlag + "=<the modules of the patterns> <patterns>`: lifelint's vet tool with every analyzer off and the scope the lifelint command gives it, so the go command's share plus parsing, type checking and writing empty facts for the packages lifelint analyzes (the set and its dependencies in the same modules; the scope fast path skips the others, the standard library among them): what lifelint costs before its passes run"
		} else {
			info["typecheck"] = "`go vet -vettool=lifelint " + strings.Join(off[1:], " ") + " <patterns>`: lifelint's vet tool with every analyzer off, so the go command's share plus parsing, type checking (from source, dependencies included, as for facts) and writing empty facts: what lifelint costs before its passes run"
		}
	}
	return append([]*tool{
		l,
		{id: "govet", name: "go vet", parse: parseGoVet,
			argv: func(p []string) []string { return append([]string{"go", "vet"}, p...) }},
		{id: "staticcheck", name: "staticcheck", parse: parseStaticcheck,
			argv: func(p []string) []string { return append([]string{staticcheck}, p...) }},
		{id: "floor", name: "floor", parse: parseGoVet,
			argv: func(p []string) []string { return append([]string{"go", "vet", "-vettool=" + novet}, p...) }},
	}, typecheck...), info, nil
}

// prepare fills the template GOCACHE with everything the tools need
// compiled: the packages and their dependencies (go build), test variants
// and export data (go list -export -test -deps, as staticcheck's loader
// asks), and what go vet compiles for vetting (go vet -vettool=novet). It
// holds no vet result of lifelint or go vet, since their tool IDs differ
// from novet's. It is idempotent, so a warm template costs little.
func (e *env) prepare() (time.Duration, error) {
	start := time.Now()
	environ := []string{"GOCACHE=" + e.template}
	steps := [][]string{
		append([]string{"go", "build"}, e.patterns...),
		append([]string{"go", "list", "-e", "-export", "-test", "-deps", "-f", "{{if .Error}}{{.ImportPath}}: {{.Error}}{{end}}"}, e.patterns...),
		append([]string{"go", "vet", "-vettool=" + e.novet}, e.patterns...),
	}
	for _, s := range steps {
		out, err := output(e.benchDir, environ, s[0], s[1:]...)
		if err != nil {
			return 0, err
		}
		if strings.TrimSpace(out) != "" {
			return 0, fmt.Errorf("%s: packages with errors:\n%s", strings.Join(s[:3], " "), out)
		}
	}
	return time.Since(start), nil
}

type corpus struct {
	packages, lines int
	modules         []string
}

// describe counts the packages and their non-test lines, and lists the
// modules with their versions.
func (e *env) describe() (corpus, error) {
	var c corpus
	out, err := output(e.benchDir, nil, "go", append([]string{"list", "-f", "{{.Dir}}{{range .GoFiles}} {{.}}{{end}}{{range .CgoFiles}} {{.}}{{end}}"}, e.patterns...)...)
	if err != nil {
		return c, err
	}
	for line := range strings.Lines(out) {
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		c.packages++
		for _, name := range f[1:] {
			data, err := os.ReadFile(filepath.Join(f[0], name))
			if err != nil {
				return c, err
			}
			c.lines += bytes.Count(data, []byte("\n"))
		}
	}
	// The modules of the packages (a set may name packages, not only
	// module/... patterns).
	out, err = output(e.benchDir, nil, "go", append([]string{"list", "-f", "{{with .Module}}{{.Path}} {{.Version}}{{end}}"}, e.patterns...)...)
	if err != nil {
		return c, err
	}
	var paths []string
	for line := range strings.Lines(out) {
		if m := strings.TrimSpace(line); m != "" && !slices.Contains(c.modules, m) {
			c.modules = append(c.modules, m)
			path, _, _ := strings.Cut(m, " ")
			paths = append(paths, path)
		}
	}
	slices.Sort(paths)
	e.scope = strings.Join(slices.Compact(paths), ",")
	return c, nil
}

// output runs a command and returns its stdout; on failure the error
// carries stderr.
func output(dir string, extraEnv []string, name string, args ...string) (string, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), extraEnv...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := stderr.String()
		if len(msg) > 4000 {
			msg = msg[:4000] + "..."
		}
		return string(out), fmt.Errorf("%s %s: %v\n%s", name, strings.Join(args, " "), err, msg)
	}
	return string(out), nil
}

func du(dir string) string {
	out, err := exec.Command("du", "-sh", dir).Output()
	if err != nil {
		return "size unknown"
	}
	size, _, _ := strings.Cut(string(out), "\t")
	return size
}

// loadavg returns the 1, 5 and 15 minute load averages of the machine.
func loadavg() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(data))
	if len(f) < 3 {
		return "?"
	}
	return strings.Join(f[:3], " ")
}

// copyCache copies a GOCACHE directory. Output files (names ending in
// "-d") are content-addressed and cmd/go rewrites one only when its hash
// does not match, so they are hard-linked; every other file (the "-a"
// action entries, which cmd/go rewrites in place, trim.txt...) is copied,
// so that nothing a run writes reaches the template.
func copyCache(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		switch {
		case d.IsDir():
			return os.MkdirAll(target, 0o755)
		case strings.HasSuffix(d.Name(), "-d") && d.Type().IsRegular():
			return os.Link(path, target)
		case d.Type().IsRegular():
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			return os.WriteFile(target, data, 0o644)
		default:
			return fmt.Errorf("%s: unexpected file type %v in a GOCACHE", path, d.Type())
		}
	})
}
