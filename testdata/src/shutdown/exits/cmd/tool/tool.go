// Package tool is command wiring under cmd/: exiting is its job. Silent.
package tool

import (
	"fmt"
	"os"
)

// Usage prints usage and exits.
func Usage() { // want Usage:`exits the process: os.Exit`
	fmt.Fprintln(os.Stderr, "usage: tool [flags]")
	os.Exit(2)
}
