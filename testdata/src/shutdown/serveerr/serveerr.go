// Package serveerr has serve calls whose error is lost, and their fixed
// forms.
package serveerr

import (
	"context"
	"errors"
	"log"
	"net/http"
	"time"

	"google.golang.org/grpc"
)

func discarded(ctx context.Context, srv *http.Server) {
	go srv.ListenAndServe() // want `the error of \(\*http.Server\).ListenAndServe is discarded: a failure to listen \(port in use\) leaves the process running without serving; check it, ignore only http.ErrServerClosed, and stop the process on any other error`
	<-ctx.Done()
	shutdown(srv)
}

func discardedInLiteral(ctx context.Context, srv *http.Server) {
	go func() {
		_ = srv.ListenAndServe() // want `the error of \(\*http.Server\).ListenAndServe is discarded`
	}()
	<-ctx.Done()
	shutdown(srv)
}

func discardedGRPC(ctx context.Context, s *grpc.Server, lis any) {
	go s.Serve(lis) // on a listener its caller bound: it cannot fail to listen, silent
	<-ctx.Done()
	s.GracefulStop()
}

// fatalOnClosed exits on the ErrServerClosed that its own Shutdown causes.
func fatalOnClosed(ctx context.Context, srv *http.Server) {
	go func() {
		if err := srv.ListenAndServe(); err != nil { // want `the error of \(\*http.Server\).ListenAndServe is treated as fatal without checking http.ErrServerClosed: Shutdown makes it return that error at once`
			log.Fatal(err) // want `log.Fatal in library package serveerr`
		}
	}()
	<-ctx.Done()
	shutdown(srv)
}

func fatalDirect(ctx context.Context, srv *http.Server) {
	go func() {
		log.Print(srv.ListenAndServe()) // logged, not fatal: silent
	}()
	go func() {
		log.Fatal(srv.ListenAndServe()) // want `log.Fatal in library package serveerr` `treated as fatal without checking http.ErrServerClosed`
	}()
	<-ctx.Done()
	shutdown(srv)
}

// fatalInMain exits as soon as the goroutine's Shutdown starts: the drain
// never completes.
func fatalInMain(ctx context.Context, srv *http.Server) {
	go func() {
		<-ctx.Done()
		shutdown(srv)
	}()
	err := srv.ListenAndServe() // want `treated as fatal without checking http.ErrServerClosed`
	if err != nil {
		log.Fatalf("serve: %v", err) // want `log.Fatalf in library package serveerr ends the process of every program that imports it, skipping their cleanup: return an error and let main decide`
	}
}

// checked is the fixed form: the error reaches the owner, ErrServerClosed
// is not a failure.
func checked(ctx context.Context, srv *http.Server) error {
	errc := make(chan error, 1)
	go func() {
		if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			errc <- err
		}
		close(errc)
	}()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown(srv)
	return <-errc
}

// checkedGRPC is the fixed form of discardedGRPC.
func checkedGRPC(ctx context.Context, s *grpc.Server, lis any) error {
	errc := make(chan error, 1)
	go func() { errc <- s.Serve(lis) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		s.GracefulStop()
		return <-errc
	}
}

func shutdown(srv *http.Server) {
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = srv.Shutdown(sctx)
}
