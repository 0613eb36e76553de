// Command handled is the fixed form of nosignal and viafact: the root
// context comes from signal.NotifyContext. Silent.
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"shutdown/signals/lib"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	_ = lib.Serve(ctx, http.NotFoundHandler())
}
