// Package testutil is test-support code by its path. Silent.
package testutil

import "net/http"

// Server starts a server for tests.
func Server(addr string) *http.Server {
	srv := &http.Server{Addr: addr}
	go srv.ListenAndServe() // test support: silent
	return srv
}
