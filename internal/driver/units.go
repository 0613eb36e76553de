package driver

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os/exec"
	"slices"
	"strings"

	"github.com/lifelint/lifelint/internal/vetjson"
)

// listUnits returns the vet units go vet analyzes for the patterns and
// prints a result for, the way cmd/go makes them: the package (its test
// variant when it has tests) if it has Go files, and its external test
// package, named "path_test". Packages go list reports errors for are
// left out: go vet fails on them.
func listUnits(ctx context.Context, o *Options) ([]string, error) {
	args := []string{"list", "-e", "-f", "{{if not (or .Error .DepsErrors)}}{{if or .GoFiles .CgoFiles .TestGoFiles}}{{.ImportPath}}\n{{end}}{{if .XTestGoFiles}}{{.ImportPath}}_test\n{{end}}{{end}}"}
	if o.Tags != "" {
		args = append(args, "-tags="+o.Tags)
	}
	cmd := exec.CommandContext(ctx, "go", append(args, o.Patterns...)...)
	cmd.Dir = o.Dir
	out, err := cmd.Output()
	if err != nil {
		return nil, err
	}
	return strings.Fields(string(out)), nil
}

// missingUnits returns the units that printed nothing: no finding (the
// directive collector reports a marker in every package) and no error.
func missingUnits(units []string, raw []vetjson.Finding, errs []string) []string {
	seen := map[string]bool{}
	unit := func(id string) string { u, _, _ := strings.Cut(id, " "); return u }
	for _, r := range raw {
		seen[unit(r.Package)] = true
	}
	for _, e := range errs {
		seen[unit(strings.SplitN(e, ": ", 2)[0])] = true
	}
	var out []string
	for _, u := range units {
		if !seen[u] {
			out = append(out, u)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// packagesOf returns the packages (patterns) that analyze the units.
func packagesOf(units []string) []string {
	var out []string
	for _, u := range units {
		out = append(out, strings.TrimSuffix(u, "_test"))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func hashOf(list []string) string {
	sum := sha256.Sum256([]byte(strings.Join(list, "\n")))
	return hex.EncodeToString(sum[:8])
}
