// Command gcl is golangci-lint v2 with the lifelint module plugin built in.
//
// It is the binary that `golangci-lint custom` builds from .custom-gcl.yml,
// but built by the Go toolchain alone, through the module proxy:
// `golangci-lint custom` always clones golangci-lint with git, which CI
// cannot do. Build it with
//
//	cd tools/gcl && go build -o ../../bin/golangci-lint-lifelint .
//
// and run it like golangci-lint:
//
//	golangci-lint-lifelint run -c .golangci-plugin.yml ./...
package main

import (
	"fmt"
	"os"
	"runtime/debug"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"

	_ "github.com/lifelint/lifelint/plugin" // registers the lifelint linter
)

// Set with -ldflags "-X main.version=... -X main.commit=... -X main.date=...",
// as goreleaser and `golangci-lint custom` do. Leave version empty unless it
// changes with every change of the plugin: golangci-lint salts its analysis
// cache with the version, and only when that is "(devel)" does it hash the
// binary instead, so a fixed version would serve stale lifelint results.
var (
	version = ""
	commit  = ""
	date    = ""
)

func main() {
	if err := commands.Execute(buildInfo()); err != nil {
		fmt.Fprintf(os.Stderr, "The command is terminated due to an error: %v\n", err)
		os.Exit(exitcodes.Failure)
	}
}

// buildInfo describes the build: version "(devel)" (see above), and the
// golangci-lint and lifelint versions it embeds in place of the commit.
func buildInfo() commands.BuildInfo {
	info := commands.BuildInfo{Version: version, Commit: commit, Date: date, GoVersion: "unknown"}
	if info.Version == "" {
		info.Version = "(devel)"
	}
	if info.Date == "" {
		info.Date = "(unknown)"
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		if info.Commit == "" {
			info.Commit = "?"
		}
		return info
	}
	info.GoVersion = bi.GoVersion
	info.BuildInfo = bi
	if info.Commit == "" {
		info.Commit = fmt.Sprintf("golangci-lint %s with the lifelint plugin %s",
			moduleVersion(bi, "github.com/golangci/golangci-lint/v2"),
			moduleVersion(bi, "github.com/lifelint/lifelint"))
	}
	return info
}

// moduleVersion is the version of module path in bi: "(devel)" under a
// replace directive that points at a directory.
func moduleVersion(bi *debug.BuildInfo, path string) string {
	for _, dep := range bi.Deps {
		if dep.Path != path {
			continue
		}
		if dep.Replace != nil {
			if dep.Replace.Version == "" {
				return "(devel)"
			}
			return dep.Replace.Version
		}
		return dep.Version
	}
	return "(unknown)"
}
