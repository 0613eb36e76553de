// Command novet is a vet tool that analyzes nothing. The benchmark runs
// `go vet -vettool=novet` once over a package set to fill a template
// GOCACHE with everything go vet needs to compile (export data of every
// dependency, test variants included) but with no vet results of the
// tools it measures, so that copies of that template give a cold analysis
// cache on a warm build cache.
package main

import (
	"fmt"
	"os"
)

func main() {
	for _, a := range os.Args[1:] {
		switch a {
		case "-V=full":
			// cmd/go uses the whole line of a release-style version as the
			// tool ID, part of the vet action's cache key.
			fmt.Println("novet version v1.0.0")
			return
		case "-flags":
			fmt.Println("[]")
			return
		}
	}
	// Called with a vet.cfg: report nothing and write no vetx output, so
	// cmd/go caches no result of this tool either.
}
