// Package unstoppable has servers with no way to stop them, and their
// fixed forms.
package unstoppable

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
)

func bad(h http.Handler) error {
	return http.ListenAndServe(":8080", h) // want `http.ListenAndServe serves with no way to stop it: on SIGTERM the process dies and drops in-flight requests; use an http.Server whose Shutdown runs when the signal context is done`
}

func badTLS(h http.Handler) error {
	return http.ListenAndServeTLS(":8443", "cert", "key", h) // want `http.ListenAndServeTLS serves with no way to stop it`
}

func badGin(e *gin.Engine) error {
	return e.Run(":8080") // want `\(\*gin.Engine\).Run serves with no way to stop it: .*use an http.Server\{Handler: engine\}`
}

// good is the fixed form of bad: an http.Server stopped when ctx is done.
func good(ctx context.Context, h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h, ReadHeaderTimeout: time.Second}
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// goodGin is the fixed form of badGin.
func goodGin(ctx context.Context, e *gin.Engine) error {
	srv := &http.Server{Addr: ":8080", Handler: e, ReadHeaderTimeout: time.Second}
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
