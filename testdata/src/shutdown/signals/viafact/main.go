// Command viafact serves through a function of another package and never
// handles SIGTERM: the fact "serves" of lib.Serve crosses the package.
package main

import (
	"context"
	"net/http"

	"shutdown/signals/lib"
)

func main() {
	_ = lib.Serve(context.Background(), http.NotFoundHandler()) // want `main starts an HTTP server \(lib.Serve → \(\*http.Server\).ListenAndServe\) but never handles SIGTERM or SIGINT`
}
