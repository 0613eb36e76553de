package driver

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"github.com/lifelint/lifelint/internal/vetjson"
	"github.com/lifelint/lifelint/internal/vetscope"
)

// Listing is what one go list -find of the patterns says: the vet units
// go vet analyzes and prints a result for, the way cmd/go makes them (the
// package, its test variant when it has tests, if it has Go files; its
// external test package, "path_test"), and the modules of the packages.
// Packages go list reports errors for are left out of Units: go vet fails
// on them.
type Listing struct {
	Units []string
	// Modules are the module paths of the packages, sorted and unique,
	// with vetscope.Std for standard library packages. ModulesKnown is false when
	// a package has no module (GOPATH mode): the modules under analysis
	// are then unknown.
	Modules      []string
	ModulesKnown bool
	// MainDirs are the directories of the main modules that packages
	// came from, sorted and unique. Outside says that a package lies
	// outside them, the standard library and the module cache (a module
	// replaced by a directory, a vendored package when vendoring hides
	// where it came from, GOPATH mode), and NoMatch that go list warned
	// that a pattern matched no packages. The lifelint command's listing
	// cache uses them to know which files the listing depends on.
	MainDirs []string
	Outside  bool
	NoMatch  bool
}

// List runs go list -find over the patterns: -find does not load the
// dependencies, which the units and modules do not need (a package whose
// dependencies are broken makes go vet fail, and Run repairs nothing then).
func List(ctx context.Context, dir, tags string, patterns []string) (*Listing, error) {
	// Per package: module ("std", "-" for none), the unit, the external
	// test unit, where the package comes from (main and the module's
	// directory; dep, a versioned module in the module cache; std; or
	// other) and its directory.
	args := []string{"list", "-find", "-e", "-f", "{{if .Module}}{{.Module.Path}}{{else if .Standard}}" + vetscope.Std + "{{else}}-{{end}}" +
		"\t{{if not .Error}}{{if or .GoFiles .CgoFiles .TestGoFiles}}{{.ImportPath}}{{end}}\t{{if .XTestGoFiles}}{{.ImportPath}}_test{{end}}{{end}}" +
		"\t{{if .Module}}{{if .Module.Main}}main:{{.Module.Dir}}{{else if not .Module.Dir}}other{{else}}{{with .Module.Replace}}{{if .Version}}dep{{else}}other{{end}}{{else}}dep{{end}}{{end}}{{else if .Standard}}std{{else}}other{{end}}" +
		"\t{{.Dir}}\n"}
	if tags != "" {
		args = append(args, "-tags="+tags)
	}
	cmd := exec.CommandContext(ctx, "go", append(append(args, "--"), patterns...)...)
	cmd.Dir = dir
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, err
	}
	l := &Listing{ModulesKnown: true, NoMatch: strings.Contains(stderr.String(), "matched no packages")}
	var others []string // directories of packages of class other
	for line := range strings.Lines(string(out)) {
		f := strings.Split(strings.TrimRight(line, "\n"), "\t")
		if len(f) < 5 || f[0] == "" {
			continue
		}
		if f[0] == "-" {
			l.ModulesKnown = false
		} else {
			l.Modules = append(l.Modules, f[0])
		}
		for _, u := range f[1:3] {
			if u != "" {
				l.Units = append(l.Units, u)
			}
		}
		switch class := f[3]; {
		case strings.HasPrefix(class, "main:"):
			l.MainDirs = append(l.MainDirs, strings.TrimPrefix(class, "main:"))
		case class == "other":
			others = append(others, f[4])
		}
	}
	slices.Sort(l.Modules)
	l.Modules = slices.Compact(l.Modules)
	if len(l.Modules) == 0 {
		l.ModulesKnown = false
	}
	slices.Sort(l.MainDirs)
	l.MainDirs = slices.Compact(l.MainDirs)
	for _, d := range others {
		if !slices.ContainsFunc(l.MainDirs, func(m string) bool { return Within(d, m) }) {
			l.Outside = true
		}
	}
	return l, nil
}

// Within reports whether dir is root or below it.
func Within(dir, root string) bool {
	if root == "" {
		return false
	}
	rel, err := filepath.Rel(root, dir)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
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
