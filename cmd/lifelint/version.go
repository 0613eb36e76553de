package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
)

// buildVersion describes the running binary from its build information:
// the module version ("(devel)" for a build from a clone), the VCS
// revision and time when the build recorded them, and the Go version.
type buildVersion struct {
	Module   string // e.g. v0.3.0, or (devel)
	Revision string // VCS revision, "" when not recorded
	Time     string // VCS commit time
	Modified bool   // the working tree had uncommitted changes
	Go       string // e.g. go1.26.8
}

func readBuildVersion() buildVersion {
	v := buildVersion{Module: "(devel)", Go: runtime.Version()}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return v
	}
	if bi.Main.Version != "" {
		v.Module = bi.Main.Version
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			v.Revision = s.Value
		case "vcs.time":
			v.Time = s.Value
		case "vcs.modified":
			v.Modified = s.Value == "true"
		}
	}
	return v
}

// String is the version the SARIF log carries: the module version, with
// the short revision for a build from a clone.
func (v buildVersion) String() string {
	if v.Module == "(devel)" && v.Revision != "" {
		rev := v.Revision[:min(12, len(v.Revision))]
		if v.Modified {
			rev += "-dirty"
		}
		return "devel+" + rev
	}
	return v.Module
}

// printVersion is `lifelint version` (also -V, -version, --version).
func printVersion(w io.Writer) int {
	v := readBuildVersion()
	fmt.Fprintf(w, "lifelint %s\n", v.Module)
	if v.Revision != "" {
		mod := ""
		if v.Modified {
			mod = " (modified)"
		}
		fmt.Fprintf(w, "revision %s%s %s\n", v.Revision, mod, v.Time)
	}
	fmt.Fprintf(w, "built with %s %s/%s\n", v.Go, runtime.GOOS, runtime.GOARCH)
	return exitClean
}

// isVersionRequest reports whether args ask for the version: `lifelint
// version` or one -V flag. (-V=full is go vet asking the vet tool.)
func isVersionRequest(args []string) bool {
	if len(args) != 1 {
		return false
	}
	switch args[0] {
	case "version", "-V", "--V", "-version", "--version":
		return true
	}
	return false
}
