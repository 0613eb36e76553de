// Package db creates pools that only configuration (pools) makes lifelint
// know.
package db

type Pool struct{ conns int }

func Open() *Pool { return &Pool{} }
