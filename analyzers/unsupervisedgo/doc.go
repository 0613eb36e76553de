// Package unsupervisedgo defines an Analyzer that goroutines that have no owner.
//
// # Analyzer unsupervisedgo
//
// unsupervisedgo: report goroutines that have no owner
//
// (Full documentation is written with the pass: why it matters, a bad and
// a good example, and how to suppress a finding.)
package unsupervisedgo
