// Command nosignal starts a server and never handles SIGTERM.
package main

import (
	"context"
	"errors"
	"net/http"
	"time"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	srv := &http.Server{Addr: ":8080", ReadHeaderTimeout: time.Second}
	go func() {
		<-ctx.Done()
		sctx, c := context.WithTimeout(context.Background(), time.Second)
		defer c()
		_ = srv.Shutdown(sctx)
	}()
	if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) { // want `main starts an HTTP server \(\(\*http.Server\).ListenAndServe\) but never handles SIGTERM or SIGINT: a deploy kills it mid-request; create the root context with signal.NotifyContext\(ctx, os.Interrupt, syscall.SIGTERM\) and stop the server when it is done`
		panic(err)
	}
}
