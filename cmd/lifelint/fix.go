package main

import (
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/lifelint/lifelint/internal/driver"
	"github.com/lifelint/lifelint/internal/fix"
)

// applyFixes is -fix and -diff: it applies (or, with diff, prints) the
// first suggested fix of each finding the driver kept, so configuration
// and //lifelint:ignore directives hold for fixes too. It returns the
// findings that remain (those without an applied fix) and whether a file
// could not be fixed. Files whose fixed form would not parse are left
// alone.
func applyFixes(findings []driver.Finding, wd string, diff, quiet bool, stdout, stderr io.Writer) (remaining []driver.Finding, failed bool, err error) {
	plan, err := fix.Plan(findings, os.ReadFile)
	if err != nil {
		return nil, false, err
	}
	bad := map[string]bool{}
	for _, f := range plan.Files {
		if f.Err != nil {
			fmt.Fprintf(stderr, "lifelint: %s: %v\n", relTo(wd, f.Name), f.Err)
			bad[f.Name] = true
			failed = true
		}
	}
	files := 0
	for _, f := range plan.Files {
		if f.Err != nil {
			continue
		}
		files++
		if diff {
			if _, err := io.WriteString(stdout, fix.Unified(relTo(wd, f.Name), f.Old, f.New)); err != nil {
				return nil, false, err
			}
			continue
		}
		mode := os.FileMode(0o644)
		if fi, err := os.Stat(f.Name); err == nil {
			mode = fi.Mode().Perm()
		}
		if err := os.WriteFile(f.Name, f.New, mode); err != nil {
			fmt.Fprintf(stderr, "lifelint: %v\n", err)
			bad[f.Name] = true
			failed = true
		}
	}
	fixed := 0
	for i, f := range findings {
		applied := plan.Fixed[i] && !slices.ContainsFunc(f.Fixes[0].Edits, func(e driver.Edit) bool { return bad[e.File] })
		if applied {
			fixed++
		} else {
			remaining = append(remaining, f)
		}
	}
	verb := "applied"
	if diff {
		verb = "would apply"
	}
	msg := fmt.Sprintf("lifelint: %s %s to %s", verb, plural(fixed, "fix", "fixes"), plural(files, "file", "files"))
	if n := plan.Conflicts; n > 0 {
		msg += fmt.Sprintf("; %d left out because they overlap another fix (run again)", n)
	}
	if n := plan.Generated; n > 0 {
		msg += fmt.Sprintf("; %d left out in generated files", n)
	}
	if n := plan.Alternatives; n > 0 {
		msg += fmt.Sprintf("; %d alternative fixes not applied (one per finding; see them in the editor)", n)
	}
	if !quiet {
		fmt.Fprintln(stderr, msg)
	}
	return remaining, failed, nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
