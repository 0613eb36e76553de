// Package handlerblock defines an Analyzer that request paths that block without honouring the request context.
//
// # Analyzer handlerblock
//
// handlerblock: report request paths that block without honouring the request context
//
// (Full documentation is written with the pass: why it matters, a bad and
// a good example, and how to suppress a finding.)
package handlerblock
