// Command framework serves through lib.Run, which handles the signals
// itself (the fact "handles signals" crosses the package): silent.
package main

import (
	"net/http"

	"shutdown/signals/lib"
)

func main() {
	_ = lib.Run(http.NotFoundHandler())
}
