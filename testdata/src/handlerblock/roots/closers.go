package roots

import (
	"context"
	"time"
)

type conn interface {
	Close(ctx context.Context) error
	Flush(ctx context.Context) error
}

// closeHook's deadline is the base of a Close: it must outlive the done
// context that triggered the close.
func closeHook(c conn) func(ctx context.Context) error {
	return func(ctx context.Context) error {
		cctx, cancel := context.WithTimeout(context.Background(), time.Second) // ok: a close deadline
		defer cancel()
		return c.Close(cctx)
	}
}

// detachedCloseHook detaches from ctx with WithoutCancel to keep its values.
func detachedCloseHook(c conn) func(ctx context.Context) error {
	return func(ctx context.Context) error {
		cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Second) // ok: a close deadline
		defer cancel()
		return c.Close(cctx)
	}
}

// flushHook's fresh root bounds work, not a stop: reported.
func flushHook(c conn) func(ctx context.Context) error {
	return func(ctx context.Context) error {
		fctx, cancel := context.WithTimeout(context.Background(), time.Second) // want `context.Background in closure returned by flushHook \(called per request\), where the request context is available`
		defer cancel()
		return c.Flush(fctx)
	}
}
