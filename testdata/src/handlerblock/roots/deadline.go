package roots

import (
	"context"
	"time"
)

type waiter interface {
	// WaitAny returns when any of ctxs is done or the item is taken.
	WaitAny(ctxs []context.Context, item string) error
}

type matcher struct {
	w waiter
}

// Query offers the item until ctx ends, with an earlier deadline of its own
// for a faster answer; the request context is still one of the contexts
// waited on.
func (m *matcher) Query(ctx context.Context, item string) error {
	return m.offer(ctx, item)
}

func (m *matcher) offer(ctx context.Context, item string) error {
	ctxs := []context.Context{ctx}
	if deadline, ok := ctx.Deadline(); ok {
		early, cancel := context.WithDeadline(context.Background(), deadline.Add(-time.Second)) // ok: waited on beside ctx
		defer cancel()
		ctxs = append(ctxs, early)
	}
	if err := m.w.WaitAny(ctxs, item); err != nil {
		return err
	}
	// Still reported: this deadline replaces the request context.
	alone, cancel := context.WithTimeout(context.Background(), time.Second) // want `context.Background in \(\*matcher\).offer, called from per-operation function \(\*matcher\).Query`
	defer cancel()
	return m.w.WaitAny([]context.Context{alone}, item)
}
