// Command serve serves through the app's server package, whose serving
// path calls a library function that may install the signal handlers.
package main

import (
	"context"

	"example.com/app/internal/server"
)

func main() {
	_ = server.Run(context.Background())
}
