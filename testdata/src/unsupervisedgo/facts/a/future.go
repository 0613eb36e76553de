package a

import (
	"context"
	"sync"

	"unsupervisedgo/facts/b"
)

func lookup(ctx context.Context, key string) (int, error) { return len(key), ctx.Err() }

// fetcher dedupes lookups: one goroutine per key completes a future that
// every caller awaits with its own context.
type fetcher struct {
	mu      sync.Mutex
	futures map[string]*b.Value[int]
	boxes   map[string]*b.Box
}

// The goroutine completes the future on its only path, and the future is
// stored for the callers to await: it is owned by whoever awaits it.
func (f *fetcher) get(ctx context.Context, key string) *b.Value[int] {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, ok := f.futures[key]; !ok {
		fut := b.NewValue[int]()
		f.futures[key] = fut
		go func() {
			v, err := lookup(ctx, key)
			fut.Set(v, err)
		}()
	}
	return f.futures[key]
}

func (f *fetcher) Fetch(ctx context.Context, key string) (int, error) {
	return f.get(ctx, key).Get(ctx)
}

// Returned directly, completed by a deferred Set.
func (f *fetcher) getDeferred(ctx context.Context, key string) *b.Value[int] {
	fut := b.NewValue[int]()
	go func() {
		var v int
		var err error
		defer func() { fut.Set(v, err) }()
		v, err = lookup(ctx, key)
	}()
	return fut
}

// An early return before Set: the callers' Get never returns on that
// path, and the goroutine is still nobody's.
func (f *fetcher) getEarly(ctx context.Context, key string) *b.Value[int] {
	fut := b.NewValue[int]()
	go func() { // want `fire-and-forget goroutine in per-operation function \(\*fetcher\).getEarly`
		v, err := lookup(ctx, key)
		if err != nil {
			return
		}
		fut.Set(v, nil)
	}()
	return fut
}

// A value nobody can wait on: Put only stores.
func (f *fetcher) getBox(ctx context.Context, key string) *b.Box {
	box := new(b.Box)
	go func() { // want `fire-and-forget goroutine in per-operation function \(\*fetcher\).getBox`
		v, _ := lookup(ctx, key)
		box.Put(v)
	}()
	return box
}

// The future never leaves the launcher and the launcher does not await
// it: nobody waits.
func (f *fetcher) dropped(ctx context.Context, key string) {
	fut := b.NewValue[int]()
	go func() { // want `fire-and-forget goroutine in per-operation function \(\*fetcher\).dropped`
		v, err := lookup(ctx, key)
		fut.Set(v, err)
	}()
}
