// Package requestpool defines an Analyzer that connection pools and clients created per request, message or tick.
//
// # Analyzer requestpool
//
// requestpool: report connection pools and clients created per request, message or tick
//
// (Full documentation is written with the pass: why it matters, a bad and
// a good example, and how to suppress a finding.)
package requestpool
