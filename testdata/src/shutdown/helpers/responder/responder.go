// Package responder holds a test responder that tests of other packages
// start: the file imports testing, so it is test-helper code. Silent.
package responder

import (
	"net/http"
	"os"
	"testing"
)

// Start starts a throw-away server for a test.
func Start(t *testing.T, addr string) *http.Server { // want Start:`serves HTTP server`
	t.Helper()
	srv := &http.Server{Addr: addr}
	go srv.ListenAndServe() // a test responder: silent
	return srv
}

// RunMain runs a program's main in-process for an integration test.
func RunMain(t *testing.T, main func()) {
	srv := &http.Server{}
	defer srv.Close()
	go func() {
		main()
		os.Exit(0) // a test harness: silent
	}()
}
