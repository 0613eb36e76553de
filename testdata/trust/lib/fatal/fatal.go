// Package fatal stands for a library with exit helpers.
package fatal

import "log"

// Must exits when err is set: on a branch.
func Must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

// Fail exits on every call.
func Fail(msg string) {
	log.Fatal(msg)
}
