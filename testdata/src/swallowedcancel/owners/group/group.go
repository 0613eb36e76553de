// Package group holds supervisors: they create the context they run their
// funcs with and cancel it on Stop.
package group

import (
	"context"
	"sync"
)

// Group runs funcs under one context it creates, cancels on Stop and
// waits for.
type Group struct {
	once   sync.Once
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

func (g *Group) init() { g.ctx, g.cancel = context.WithCancel(context.Background()) }

func (g *Group) Go(f func(context.Context) error) { // want Go:`runs func params \[0\] with its own ctx`
	g.once.Do(g.init)
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		_ = f(g.ctx)
	}()
}

func (g *Group) Stop() {
	g.once.Do(g.init)
	g.cancel()
	g.wg.Wait()
}

// Handle runs one func under a child of the context it is made with.
type Handle struct {
	ctx    context.Context
	cancel context.CancelFunc
	done   chan struct{}
	err    error
}

func NewHandle(parent context.Context) *Handle {
	ctx, cancel := context.WithCancel(parent)
	return &Handle{ctx: ctx, cancel: cancel, done: make(chan struct{})}
}

func (h *Handle) Go(f func(context.Context) error) *Handle { // want Go:`runs func params \[0\] with its own ctx`
	go func() {
		defer close(h.done)
		h.err = f(h.ctx)
	}()
	return h
}

func (h *Handle) Cancel() { h.cancel(); <-h.done }

// Run is no supervisor: it hands on the context its caller gave it, so
// the caller of Run is the one told about the cancellation.
func Run(ctx context.Context, f func(context.Context) error) error {
	return f(ctx)
}
