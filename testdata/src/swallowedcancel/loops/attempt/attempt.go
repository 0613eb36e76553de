// Package attempt builds per-attempt contexts for its importers.
package attempt

import (
	"context"
	"time"
)

func withTimeout(d time.Duration) (context.Context, context.CancelFunc) { // want withTimeout:"returns a fresh ctx"
	return context.WithTimeout(context.Background(), d)
}

// New returns a context for one attempt.
func New() context.Context { // want New:"returns a fresh ctx"
	ctx, _ := withTimeout(time.Minute) //nolint
	return ctx
}
