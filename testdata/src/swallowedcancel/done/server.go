package done

import (
	"context"
	"net"
	"net/http"
)

// A Run(ctx) that serves until its context is done and then shuts its own
// server down: the context is its stop signal, nil its clean stop.

type Web struct{ h http.Handler }

// ok: the server is the function's own, stopped on ctx done.
func (w *Web) Run(ctx context.Context, l net.Listener) error {
	srv := &http.Server{Handler: w.h}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(l) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		srv.Shutdown(context.Background())
		return nil
	}
}

// A server it was given is someone else's: its caller still learns
// nothing of the cancellation.
func (w *Web) RunShared(ctx context.Context, srv *http.Server, l net.Listener) error {
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(l) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		srv.Shutdown(context.Background())
		return nil // want `RunShared returns a nil error when ctx is done`
	}
}

// Closing something that is not a server stops no serve call.
func (w *Web) RunListener(ctx context.Context) error {
	l, err := net.Listen("tcp", ":0")
	if err != nil {
		return err
	}
	select {
	case <-ctx.Done():
		l.Close()
		return nil // want `RunListener returns a nil error when ctx is done`
	}
}
