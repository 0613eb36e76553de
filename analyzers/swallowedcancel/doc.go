// Package swallowedcancel defines an Analyzer that cancellation that is swallowed instead of propagated.
//
// # Analyzer swallowedcancel
//
// swallowedcancel: report cancellation that is swallowed instead of propagated
//
// (Full documentation is written with the pass: why it matters, a bad and
// a good example, and how to suppress a finding.)
package swallowedcancel
