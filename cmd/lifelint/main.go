// Command lifelint runs the lifelint passes.
//
//	lifelint [flags] packages...      analyze packages (through go vet, cached), print findings
//	lifelint help [pass]              print the docs of every pass, or of one
//	lifelint version                  print the version (also -V)
//	lifelint lsp                      serve diagnostics and quick fixes to editors (LSP over stdio)
//	go vet -vettool=$(which lifelint) packages...
//	go fix -fixtool=$(which lifelint) packages...
//
// As a vet tool, lifelint analyzes a dependency that go vet asks only for
// its facts (VetxOnly) only when it lies in a module under analysis: the
// lifelint command names them with the vet tool flag -lifelint.scope (the
// modules of its patterns); without the flag, only the standard library
// is skipped. See package internal/vetscope.
//
// Exit codes: 0 no findings, 1 findings, 2 usage, configuration, load or
// type errors.
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime/debug"
	"strings"

	"github.com/lifelint/lifelint/analyzers"
	"github.com/lifelint/lifelint/internal/ignore"
	"github.com/lifelint/lifelint/internal/vetscope"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"
)

// Exit codes of the standalone driver.
const (
	exitClean    = 0
	exitFindings = 1
	exitError    = 2
)

func main() {
	os.Exit(lifelint(os.Args[1:]))
}

// served returns the analyzers the binary serves as a vet or fix tool: the
// lifelintconfig pseudo-analyzer (for its flags), every pass, and the
// collector of //lifelint:ignore directives (silent unless the driver
// asks for its reports).
func served() []*analysis.Analyzer {
	out := append([]*analysis.Analyzer{analyzers.Config, ignore.Analyzer}, analyzers.All...)
	return append(out, extraAnalyzers...)
}

func lifelint(args []string) int {
	if isUnitcheckerInvocation(args) {
		// go vet -vettool / go fix -fixtool protocol: unitchecker parses
		// the flags (-V=full, -flags, -fix, per-analyzer flags) and the
		// .cfg file, and exits itself.
		as := served()
		flag.String(vetscope.FlagName, "", vetscope.FlagUsage)
		if s := vetscope.ScopeFromArgs(args); s.Known && !s.All {
			// The passes read the scope from the call-graph layer.
			v := s.String()
			if v == "" {
				v = "-" // a scope that names no module
			}
			_ = analyzers.CallGraph.Flags.Set("scope", v)
		}
		if code, done := vetFastPath(args); done {
			return code
		}
		traceVetTool(as, os.Args[1:]) // off unless LIFELINT_TRACE is set
		unitchecker.Main(as...)
		return exitError // unreachable
	}
	if isVersionRequest(args) {
		return printVersion(os.Stdout)
	}
	if len(args) > 0 && args[0] == "help" {
		return help(os.Stdout, os.Stderr, args[1:])
	}
	if len(args) > 0 && args[0] == "lsp" {
		return lspMain(args[1:], os.Stdin, os.Stdout, os.Stderr)
	}
	return cli(args, os.Stdout, os.Stderr)
}

// isUnitcheckerInvocation reports whether the go command runs us as a vet
// or fix tool: it asks for -V=full or -flags, or passes the path of a
// *.cfg file last. A package directory named x.cfg is a package pattern,
// not a vet config (issue 19), so the file must be a regular file.
func isUnitcheckerInvocation(args []string) bool {
	for _, a := range args {
		if a == "-V=full" || a == "-flags" || a == "--flags" {
			return true
		}
	}
	if len(args) == 0 {
		return false
	}
	last := args[len(args)-1]
	if !strings.HasSuffix(last, ".cfg") || strings.HasPrefix(last, "-") {
		return false
	}
	fi, err := os.Stat(last)
	return err == nil && fi.Mode().IsRegular()
}

// vetFastPath is the vet tool's fast path for dependencies (see package
// vetscope): when go vet asks only for the facts of a package outside the
// modules under analysis, it writes a skip marker and reports done;
// otherwise it points the .cfg argument (os.Args) at a copy whose skipped
// imports have their types from export data, for unitchecker to run.
func vetFastPath(args []string) (code int, done bool) {
	if len(args) == 0 || !strings.HasSuffix(args[len(args)-1], ".cfg") {
		return 0, false // -V=full, -flags
	}
	cfgFile := args[len(args)-1]
	cfg, err := vetscope.ReadConfig(cfgFile)
	if err != nil {
		return 0, false // unitchecker reports it
	}
	if cfg.Skip(vetscope.ScopeFromArgs(args)) {
		traceSkip(cfg.ID)
		if err := cfg.WriteSkipped(); err != nil {
			fmt.Fprintf(os.Stderr, "lifelint: %s: %v\n", cfg.ID, err)
			return exitFindings, true // go vet's "failed" for a vet tool
		}
		return exitClean, true
	}
	prepared, err := vetscope.Prepare(cfgFile, cfg)
	if err != nil {
		fmt.Fprintf(os.Stderr, "lifelint: %s: %v\n", cfg.ID, err)
		return exitFindings, true
	}
	os.Args[len(os.Args)-1] = prepared
	setMemoryLimit(cfg.GoFiles)
	return 0, false
}

// Memory. go vet runs one vet tool process per package, two or more at a
// time, so the peak memory of a run is that of its largest packages. With
// the runtime's default (GOGC=100) a process's heap grows to twice what
// is live before a collection; a soft memory limit makes the collector
// run earlier only when a process nears it. On the bench's largest
// package (nats-server's server with its tests, 13 MB of source; lifelint
// -enable=<all five> on it alone, 2 cores) the limit below gave the vet
// tool a peak RSS of 1045-1177 MB against 1507-1922 MB without one, for
// 10-20 s more CPU than 52-58 s (GOGC=50 instead: 1223 MB, +19% CPU; an
// 800 MiB limit, below what is live: 990 MB, +97% CPU). Packages whose
// heap stays below the limit are not affected.
const (
	memoryLimitFloor    = 1 << 30 // bytes
	memoryPerSourceByte = 80      // the limit for very large packages: 80 bytes of heap per byte of source
)

// setMemoryLimit sets the soft memory limit for the analysis of a package
// with the given source files, unless GOMEMLIMIT is set (the user's
// choice wins). The runtime never fails on a soft limit; above it the
// collector spends at most about half the CPU.
func setMemoryLimit(files []string) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetMemoryLimit(memoryLimit(files))
}

// memoryLimit is the soft limit for a package with these source files.
func memoryLimit(files []string) int64 {
	var size int64
	for _, f := range files {
		if fi, err := os.Stat(f); err == nil {
			size += fi.Size()
		}
	}
	return max(memoryLimitFloor, memoryPerSourceByte*size)
}
