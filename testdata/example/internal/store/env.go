package store

import (
	"log"
	"os"
)

// MustEnv returns the value of key and exits the process when it is unset.
// A library that exits takes the decision away from main, which may have
// cleanup to run (the finding at callers after a defer is reported there,
// through the fact "exits the process").
func MustEnv(key string) string {
	v, ok := os.LookupEnv(key)
	if !ok {
		log.Fatalf("%s is not set", key) // BUG(shutdown): log.Fatalf in library package store exits every program that imports it
	}
	return v
}

// Env is the correct form of MustEnv: the caller decides what a missing
// value means.
func Env(key string) (string, bool) {
	// OK(shutdown): no exit in a library.
	return os.LookupEnv(key)
}
