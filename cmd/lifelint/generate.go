package main

// The docs pages docs/<pass>.md and README.md's passes table are generated
// from each pass's doc.go and registry metadata.
//go:generate go run ../../internal/cmd/gendocs -root ../..
