package join

import (
	"context"

	"golang.org/x/sync/semaphore"
)

// Regression: each goroutine holds one unit of a weighted semaphore; the
// launcher acquires the full weight afterwards, which waits for all of
// them. Silent.
func AcquireAll(ctx context.Context, ids []int) {
	limit := int64(4)
	sem := semaphore.NewWeighted(limit)
	for range ids {
		if err := sem.Acquire(ctx, 1); err != nil {
			break
		}
		go func() {
			defer sem.Release(1)
			work()
		}()
	}
	_ = sem.Acquire(ctx, limit)
}

// The same with constants and a helper literal run in place: silent.
func AcquireAllConst(ctx context.Context, ids []int) {
	sem := semaphore.NewWeighted(8)
	for range ids {
		_ = sem.Acquire(ctx, 1)
		go func() {
			release := func() { sem.Release(1) }
			defer release()
			work()
		}()
	}
	_ = sem.Acquire(ctx, 8)
}

// Only part of the weight is acquired at the end: not a drain.
func AcquireSome(ctx context.Context, ids []int) {
	sem := semaphore.NewWeighted(4)
	for range ids {
		_ = sem.Acquire(ctx, 1)
		go func() { // want `fire-and-forget goroutine in per-operation function AcquireSome`
			defer sem.Release(1)
			work()
		}()
	}
	_ = sem.Acquire(ctx, 1)
}

// A limit with no drain: the last goroutines outlive the launcher.
func LimitOnly(ctx context.Context, ids []int) {
	sem := semaphore.NewWeighted(4)
	for range ids {
		_ = sem.Acquire(ctx, 1)
		go func() { // want `fire-and-forget goroutine in per-operation function LimitOnly`
			defer sem.Release(1)
			work()
		}()
	}
}
