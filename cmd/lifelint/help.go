package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/lifelint/lifelint/analyzers"
)

// help prints the docs of every pass (a summary table) or of the named ones.
func help(stdout, stderr io.Writer, names []string) int {
	if len(names) == 0 {
		fmt.Fprintln(stdout, "lifelint finds lifecycle and concurrency mistakes in Go services.")
		fmt.Fprintln(stdout, "\nUsage: lifelint [flags] packages...\n       lifelint help [pass]\n\nPasses:")
		for _, a := range analyzers.All {
			title, _, _ := strings.Cut(a.Doc, "\n")
			fmt.Fprintf(stdout, "  %-16s %s\n", a.Name, title)
		}
		fmt.Fprintln(stdout, "\nRun 'lifelint help <pass>' for a pass's full documentation.")
		return exitClean
	}
	status := exitClean
	for _, name := range names {
		found := false
		for _, a := range analyzers.All {
			if a.Name == name {
				found = true
				fmt.Fprintf(stdout, "%s: %s\n\nDocs: %s\n", a.Name, a.Doc, a.URL)
			}
		}
		if !found {
			fmt.Fprintf(stderr, "lifelint: unknown pass %q (known passes: %s)\n", name, strings.Join(analyzers.Names(), ", "))
			status = exitError
		}
	}
	return status
}
