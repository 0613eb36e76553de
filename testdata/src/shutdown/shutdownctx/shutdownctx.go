// Package shutdownctx calls Shutdown with contexts that are already done,
// and the fixed forms.
package shutdownctx

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/labstack/echo/v4"
	"golang.org/x/sync/errgroup"
)

func afterDone(srv *http.Server) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() { _ = srv.ListenAndServe() }() // want `the error of \(\*http.Server\).ListenAndServe is discarded`
	<-ctx.Done()
	return srv.Shutdown(ctx) // want `\(\*http.Server\).Shutdown is called with ctx, which is already done after <-ctx.Done\(\): it returns at once and drops in-flight requests; pass a fresh context.WithTimeout\(context.Background\(\), ...\)`
}

func inSelect(ctx context.Context, e *echo.Echo, errc chan error) error {
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		return e.Shutdown(ctx) // want `\(\*echo.Echo\).Shutdown is called with ctx, which is already done`
	}
}

func errgroupForm(ctx context.Context, srv *http.Server) error {
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		<-gctx.Done()
		return srv.Shutdown(gctx) // want `\(\*http.Server\).Shutdown is called with gctx, which is already done`
	})
	return g.Wait()
}

// fixed is the fixed form: a fresh timeout context bounds the drain.
func fixed(ctx context.Context, srv *http.Server) error {
	<-ctx.Done()
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	return srv.Shutdown(sctx)
}

// fixedErrgroup is the fixed errgroup form.
func fixedErrgroup(ctx context.Context, srv *http.Server) error {
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		<-gctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		return srv.Shutdown(sctx)
	})
	return g.Wait()
}

// notYetDone shuts down under the caller's live context: silent.
func notYetDone(ctx context.Context, srv *http.Server, quit chan struct{}) error {
	<-quit
	return srv.Shutdown(ctx)
}
