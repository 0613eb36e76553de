package b

import (
	"context"
	"sync/atomic"
)

// Value is a future: Set closes ready once, Get waits for it or for the
// caller's context.
type Value[T any] struct {
	set   atomic.Bool
	ready chan struct{}
	v     T
	err   error
}

func NewValue[T any]() *Value[T] { return &Value[T]{ready: make(chan struct{})} }

func (f *Value[T]) Set(v T, err error) { // want Set:"completes its receiver: closes ready, which Get waits on"
	if !f.set.CompareAndSwap(false, true) {
		panic("future already set")
	}
	f.v, f.err = v, err
	close(f.ready)
}

func (f *Value[T]) Get(ctx context.Context) (T, error) {
	select {
	case <-f.ready:
		return f.v, f.err
	case <-ctx.Done():
		var zero T
		return zero, ctx.Err()
	}
}

// Box only stores its value: nobody can wait for a Put.
type Box struct {
	v    int
	seen chan struct{}
}

func (b *Box) Put(v int) { b.v = v }

func (b *Box) Peek() int { return b.v }
