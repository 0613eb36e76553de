// Command genall regenerates analyzers/all.go; run it with
// `go generate ./analyzers`.
package main

import (
	"log"
	"os"

	"github.com/lifelint/lifelint/analyzers/internal/genall"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("genall: ")
	passes, err := genall.Passes(".")
	if err != nil {
		log.Fatal(err)
	}
	src, err := genall.Source(passes)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile("all.go", src, 0o644); err != nil {
		log.Fatal(err)
	}
}
