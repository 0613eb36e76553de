// Package lib is a library that exits the process.
package lib

import (
	"log"
	"os"
)

// MustEnv exits when key is unset.
func MustEnv(key string) string { // want MustEnv:`exits the process: log.Fatalf$`
	v, ok := os.LookupEnv(key)
	if !ok {
		log.Fatalf("%s is not set", key) // want `log.Fatalf in library package lib ends the process of every program that imports it, skipping their cleanup: return an error and let main decide`
	}
	return v
}

// Check exits through MustEnv.
func Check() { // want Check:`exits the process: lib.MustEnv → log.Fatalf$`
	_ = MustEnv("HOME")
}

// Fail exits on every call: its fact, unlike MustEnv's, holds in other
// modules too (callgraph.TrustedChain).
func Fail(msg string) { // want Fail:`exits the process: log.Fatal \(on every path\)$`
	log.Fatal(msg) // want `log.Fatal in library package lib ends the process`
}

// Env is the fixed form of MustEnv: the caller decides.
func Env(key string) (string, bool) {
	return os.LookupEnv(key)
}

// Later exits only in a callback it does not run: no fact.
func Later() func() {
	return func() { os.Exit(1) } // want `os.Exit in library package lib ends the process`
}
