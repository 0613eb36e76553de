package fix

import (
	"context"
	"errors"
	"log"
)

// issue 19: a local variable named errors hides the package at the
// comparison. The fix would not compile there, so it is not offered; the
// diagnostic stays.
func shadowed(ctx context.Context) {
	err := call(ctx)
	errors := []error{err}
	if err == context.Canceled { // want `use errors.Is`
		log.Print(errors)
	}
}

// The same file, where the package is in scope: fixed.
func visible(ctx context.Context) {
	if err := call(ctx); err == context.Canceled { // want `use errors.Is`
		log.Print(errors.Unwrap(err))
	}
}
