// Package server runs the app's HTTP server after the library's setup.
package server

import (
	"context"
	"errors"
	"net/http"
	"time"

	"example.com/lib/boot"
)

// Run installs the handlers through the library, then serves until ctx is
// done.
func Run(ctx context.Context) error {
	boot.Install()
	srv := &http.Server{Addr: ":8080", ReadHeaderTimeout: time.Second}
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
