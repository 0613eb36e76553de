package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	"golang.org/x/tools/go/analysis"
)

// traceEnv names the environment variable that turns on the vet tool's
// trace. It is off by default and changes no output: when it names a
// file, every vet tool process that analyzes a package (a .cfg
// invocation from go vet or go fix) appends to that file
//
//	vet	<pid>	<package ID>	<root|facts>
//
// when it starts, and for every analyzer that runs (the passes and what
// they require: inspect, buildssa, ...)
//
//	run	<pid>	<package ID>	<root|facts>	<analyzer>	<CPU µs>	<wall µs>
//
// A dependency that the fast path skips (package vetscope: go vet asks
// only for its facts and it lies outside the modules under analysis) is
// analyzed by nothing and leaves the single line
//
//	vet	<pid>	<package ID>	skip
//
// "facts" marks a dependency that go vet analyzes only for its facts
// (VetxOnly). A package whose result go vet replays from its cache
// starts no vet tool process, so it leaves no line: the bench harness
// uses the lines for each pass's share of the CPU time, and CI uses them
// to prove that a shared cache replays results.
//
// To attribute CPU time to analyzers, the traced process runs one
// analyzer at a time (unitchecker otherwise runs independent analyzers in
// parallel) and charges each the process CPU time (user+system) spent
// during its Run, garbage collection included. Parsing, type checking
// and fact decoding and encoding happen outside Run and are not charged.
const traceEnv = "LIFELINT_TRACE"

// tracer appends trace lines to one file.
type tracer struct {
	f       *os.File
	prefix  string     // "<pid>\t<package ID>\t<root|facts>"
	runOnce sync.Mutex // serializes the Runs of the analyzers
}

// traceVetTool turns on the trace when LIFELINT_TRACE is set and args
// end with go vet's .cfg file: it writes the vet line and wraps the Run
// of each analyzer in as and of their requirements, in place. It returns
// a nil tracer, changing nothing, otherwise or when the trace file or the
// .cfg cannot be read (the analysis must not fail for its trace).
func traceVetTool(as []*analysis.Analyzer, args []string) *tracer {
	name := os.Getenv(traceEnv)
	if name == "" || len(args) == 0 || !strings.HasSuffix(args[len(args)-1], ".cfg") {
		return nil
	}
	data, err := os.ReadFile(args[len(args)-1])
	if err != nil {
		return nil
	}
	var cfg struct {
		ID       string
		VetxOnly bool
	}
	if json.Unmarshal(data, &cfg) != nil {
		return nil
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		fmt.Fprintf(os.Stderr, "lifelint: %s: %v\n", traceEnv, err)
		return nil
	}
	kind := "root"
	if cfg.VetxOnly {
		kind = "facts"
	}
	t := &tracer{f: f, prefix: fmt.Sprintf("%d\t%s\t%s", os.Getpid(), cfg.ID, kind)}
	t.line("vet\t" + t.prefix)
	seen := map[*analysis.Analyzer]bool{}
	var wrap func(a *analysis.Analyzer)
	wrap = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, r := range a.Requires {
			wrap(r)
		}
		run := a.Run
		a.Run = func(pass *analysis.Pass) (any, error) {
			t.runOnce.Lock()
			defer t.runOnce.Unlock()
			cpu0, wall0 := processCPU(), time.Now()
			res, err := run(pass)
			cpu, wall := processCPU()-cpu0, time.Since(wall0)
			t.line(fmt.Sprintf("run\t%s\t%s\t%d\t%d", t.prefix, a.Name, cpu.Microseconds(), wall.Microseconds()))
			return res, err
		}
	}
	for _, a := range as {
		wrap(a)
	}
	return t
}

// line appends one line with a single write, so that the lines of
// concurrent vet processes do not interleave (O_APPEND).
func (t *tracer) line(s string) {
	t.f.Write([]byte(s + "\n"))
}

// traceSkip writes the vet line of a package that the fast path skips,
// when LIFELINT_TRACE is set.
func traceSkip(id string) {
	name := os.Getenv(traceEnv)
	if name == "" {
		return
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return
	}
	defer f.Close()
	(&tracer{f: f}).line(fmt.Sprintf("vet\t%d\t%s\tskip", os.Getpid(), id))
}
