// Package lib serves for its callers; one of its functions also handles
// signals, as a framework's Run does.
package lib

import (
	"context"
	"errors"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// Serve serves until ctx is done.
func Serve(ctx context.Context, h http.Handler) error { // want Serve:`serves HTTP server: \(\*http.Server\).ListenAndServe`
	srv := &http.Server{Addr: ":8080", Handler: h, ReadHeaderTimeout: time.Second}
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}()
	if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// Run serves until SIGTERM, like a framework's Run.
func Run(h http.Handler) error { // want Run:`serves HTTP server: lib.Serve → \(\*http.Server\).ListenAndServe` Run:`handles signals: signal.NotifyContext`
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return Serve(ctx, h)
}
