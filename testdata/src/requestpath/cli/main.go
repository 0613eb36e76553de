// Command cli is CLI and startup code: nothing here is a request path
// except the handlers it registers.
package main

import (
	"context"
	"net/http"
)

func main() {
	ctx := context.Background()
	_ = run(ctx)
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { // want `net/http handler func literal`
		work(r.Context())
	})
}

func run(ctx context.Context) error { return nil }

// work is called from a handler, so it is a request path.
func work(ctx context.Context) {} // want `work, called from net/http handler func literal`

func flagsHelper(ctx context.Context) {}
