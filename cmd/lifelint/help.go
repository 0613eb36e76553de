package main

import (
	"fmt"
	"io"
	"strings"
)

// help prints the docs of every pass (a summary table) or of the named ones.
func help(stdout, stderr io.Writer, names []string) int {
	all := append(passes(), directivePass)
	if len(names) == 0 {
		fmt.Fprintln(stdout, "lifelint finds lifecycle and concurrency mistakes in Go services.")
		fmt.Fprintln(stdout, "\nUsage: lifelint [flags] packages...\n       lifelint help [pass]\n       lifelint lsp [flags]\n\nPasses:")
		for _, p := range all {
			fmt.Fprintf(stdout, "  %-16s %s\n", p.Name, p.Title)
		}
		fmt.Fprintln(stdout, "\nRun 'lifelint help <pass>' for a pass's full documentation,")
		fmt.Fprintln(stdout, "and 'lifelint -help' for the flags.")
		return exitClean
	}
	status := exitClean
	for _, name := range names {
		found := false
		for _, p := range all {
			if p.Name == name {
				found = true
				fmt.Fprintf(stdout, "%s: %s\n\nDocs: %s\n", p.Name, p.Doc, p.URL)
			}
		}
		if !found {
			var known []string
			for _, p := range all {
				known = append(known, p.Name)
			}
			fmt.Fprintf(stderr, "lifelint: unknown pass %q (known passes: %s)\n", name, strings.Join(known, ", "))
			status = exitError
		}
	}
	return status
}
