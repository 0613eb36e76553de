// Package app starts the servers of the commands of svc.example, the
// module under analysis (TestSignalsUnderScope sets the scope).
package app

import (
	"context"
	"errors"
	"net/http"
	"time"

	"svc.example/signals/setup"
	"vendorlib.example/osutil"
)

// Main serves after a setup step of a package outside the scope, which
// may install the signal handlers: its serving path is unknown.
func Main() { // want Main:`serves HTTP server: app.start → app.serve → \(\*http.Server\).ListenAndServe \(calls unanalysed osutil.HandleInterrupts\)`
	start()
}

func start() {
	osutil.HandleInterrupts()
	serve(context.Background())
}

// MainWaiting takes its stop channel from a package outside the scope.
func MainWaiting() { // want MainWaiting:`serves HTTP server: app.serve → \(\*http.Server\).ListenAndServe \(calls unanalysed osutil.SignalContext\)`
	stop := osutil.SignalContext()
	ctx, cancel := context.WithCancel(context.Background())
	go func() { <-stop; cancel() }()
	serve(ctx)
}

// MainAnalysed calls only analysed code before serving: nothing handles
// signals, and that is known.
func MainAnalysed() { // want MainAnalysed:`serves HTTP server: app.serve → \(\*http.Server\).ListenAndServe`
	setup.Prepare()
	serve(context.Background())
}

// MainLogging calls the unanalysed package only through methods and
// constructors (a logger), which install no signal handler.
func MainLogging() { // want MainLogging:`serves HTTP server: app.serve → \(\*http.Server\).ListenAndServe`
	log := osutil.NewLogger()
	log.Info("starting")
	serve(context.Background())
}

func serve(ctx context.Context) {
	srv := &http.Server{Addr: ":8080", ReadHeaderTimeout: time.Second}
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}()
	if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
		panic(err)
	}
}
