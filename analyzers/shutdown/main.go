//go:build ignore

// The shutdown command runs the shutdown analyzer alone, for debugging.
package main

import (
	"github.com/lifelint/lifelint/analyzers/shutdown"
	"golang.org/x/tools/go/analysis/singlechecker"
)

func main() { singlechecker.Main(shutdown.Analyzer) }
