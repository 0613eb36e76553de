package responder

import "net/http"

// Serve is production code of the same package (this file does not import
// testing): still reported.
func Serve(srv *http.Server) *http.Server { // want Serve:`serves HTTP server`
	go srv.ListenAndServe() // want `the error of \(\*http.Server\).ListenAndServe is discarded`
	return srv
}
