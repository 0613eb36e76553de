package handlers

import (
	"context"
	"sync"
)

// Odd shapes: parenthesised literals, func values, generic functions.
func Odd(ctx context.Context, f func()) {
	go (func() {})() // want `fire-and-forget goroutine in per-operation function Odd`
	go f()           // want `fire-and-forget goroutine in per-operation function Odd`
	var wg sync.WaitGroup
	wg.Go((func() {}))
	wg.Wait()
}

func Gen[T any](ctx context.Context, v T) {
	go func() { _ = v }() // want `fire-and-forget goroutine in per-operation function Gen`
}

func UseGen(ctx context.Context) { Gen(ctx, 1) }
