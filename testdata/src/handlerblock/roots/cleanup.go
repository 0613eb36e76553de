package roots

import (
	"context"
	"errors"
)

type backend interface {
	Forget(ctx context.Context, id string) error
}

// forgetIfGone tells the backend that a caller went away. It runs only once
// ctx is cancelled: under ctx the call would fail at once, so it detaches.
func forgetIfGone(ctx context.Context, b backend, id string) bool {
	if !errors.Is(ctx.Err(), context.Canceled) {
		return false
	}
	_ = b.Forget(context.TODO(), id) // ok: the request has ended
	return true
}

// The same cleanup inside the test.
func forgetLater(ctx context.Context, b backend) {
	if ctx.Err() != nil {
		_ = b.Forget(context.Background(), "a") // ok
	}
}

// In a select case on ctx.Done, and in the else of the opposite test.
func settle(ctx context.Context, b backend, done <-chan struct{}) {
	select {
	case <-done:
	case <-ctx.Done():
		_ = b.Forget(context.Background(), "b") // ok
	}
	if ctx.Err() == nil {
		_ = b.Forget(context.Background(), "c") // want `context.Background in per-operation function settle \(it takes a context.Context\), where the request context is available`
	} else {
		_ = b.Forget(context.Background(), "d") // ok
	}
}

// Still reported: the check does not say the request has ended.
func forgetAlways(ctx context.Context, b backend, id string) {
	if errors.Is(ctx.Err(), context.Canceled) {
		return
	}
	_ = b.Forget(context.TODO(), id) // want `context.TODO in per-operation function forgetAlways`
}
