package main

import (
	"context"
	"os/exec"
	"slices"
	"strings"

	"github.com/lifelint/lifelint/internal/driver"
	"github.com/lifelint/lifelint/internal/vetscope"
)

// scopeFlag returns the -lifelint.scope vet tool flag for the patterns:
// the modules of the packages they match ("std" for standard packages),
// so that the vet tool analyzes their dependencies in those modules for
// facts and skips the others (package vetscope). It returns "" (no flag:
// only the standard library is skipped) when go list fails or a package
// has no module (GOPATH mode), where the modules under analysis are not
// known. It also returns the go list it ran, for the vet units the driver
// checks and for the listing cache (nil when it did not list or go list
// failed).
//
// extra is the -facts-from flag: more modules, or vetscope.All for every
// dependency (no go list then).
func scopeFlag(ctx context.Context, dir, tags string, patterns []string, extra string) (flag string, l *driver.Listing) {
	more := vetscope.ParseScope(extra)
	if more.All {
		return "-" + vetscope.FlagName + "=" + vetscope.All, nil
	}
	l, err := driver.List(ctx, dir, tags, patterns)
	if err != nil {
		return "", nil
	}
	if !l.ModulesKnown {
		return "", l
	}
	mods := l.Modules
	if extra != "" {
		mods = append(slices.Clip(mods), extra)
	}
	return "-" + vetscope.FlagName + "=" + vetscope.ParseScope(strings.Join(mods, ",")).String(), l
}

// mainModulesFlag returns the -lifelint.scope vet tool flag for the
// language server: the main modules of dir (the workspace's modules), where
// the files an editor opens live. It returns "" when go list -m fails (no
// module, GOPATH mode).
func mainModulesFlag(ctx context.Context, dir string) string {
	cmd := exec.CommandContext(ctx, "go", "list", "-m", "-f", "{{.Path}}")
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return ""
	}
	lines := strings.Fields(string(out))
	if len(lines) == 0 || slices.Contains(lines, "command-line-arguments") {
		return ""
	}
	return "-" + vetscope.FlagName + "=" + vetscope.ParseScope(strings.Join(lines, ",")).String()
}
