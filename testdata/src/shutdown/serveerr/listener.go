package serveerr

import (
	"context"
	"net"
	"net/http"
)

// onListener binds first and checks that error: Serve on the bound
// listener cannot fail to listen, and its error only reports the stop.
func onListener(ctx context.Context, srv *http.Server, addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	go srv.Serve(ln) //nolint:errcheck // silent: the listen error was checked above
	<-ctx.Done()
	shutdown(srv)
	return nil
}

// listenInGoroutine binds inside the serve call: a port in use is lost.
func listenInGoroutine(ctx context.Context, srv *http.Server) {
	go srv.ListenAndServeTLS("cert.pem", "key.pem") // want `the error of \(\*http.Server\).ListenAndServeTLS is discarded: a failure to listen \(port in use\)`
	<-ctx.Done()
	shutdown(srv)
}
