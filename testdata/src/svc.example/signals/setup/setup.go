// Package setup is in the module under analysis: its facts are computed,
// and Prepare handles no signals.
package setup

// Prepare does startup work; it subscribes to no signal.
func Prepare() {}
