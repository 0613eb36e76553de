package owners

import (
	"context"
	"time"

	"swallowedcancel/owners/group"
)

func refresh(ctx context.Context) error { return ctx.Err() } // want refresh:"returns ctx error"

type service struct {
	g group.Group
	h *group.Handle
}

// ok: loops run only by a supervisor that created their context and
// cancels it on Stop; nil is their clean stop.
func (s *service) Start(ctx context.Context) {
	s.g.Go(s.eventLoop)
	s.h = group.NewHandle(ctx).Go(s.refreshLoop)
	s.g.Go(func(ctx context.Context) error {
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(time.Second):
			return nil
		}
	})
}

func (s *service) Stop() { s.g.Stop(); s.h.Cancel() }

func (s *service) eventLoop(ctx context.Context) error {
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(time.Second):
		}
	}
}

func (s *service) refreshLoop(ctx context.Context) error {
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(time.Second):
			for err := refresh(ctx); err != nil; err = refresh(ctx) {
				select {
				case <-ctx.Done():
					return nil
				case <-time.After(time.Second):
				}
			}
		}
	}
}

// ok: a local wrapper of a supervisor is one too.
func (s *service) spawn(f func(context.Context) error) { s.g.Go(f) } // want spawn:`runs func params \[0\] with its own ctx`

func (s *service) startPoller() { s.spawn(s.pollLoop) }

func (s *service) pollLoop(ctx context.Context) error {
	select {
	case <-ctx.Done():
		return nil
	case <-time.After(time.Second):
		return nil
	}
}

// A loop that is also called directly: that caller gets nil for its
// cancellation.
func (s *service) startTwice(ctx context.Context) error {
	s.g.Go(s.sharedLoop)
	return s.sharedLoop(ctx)
}

func (s *service) sharedLoop(ctx context.Context) error {
	<-ctx.Done()
	select {
	case <-ctx.Done():
		return nil // want `sharedLoop returns a nil error when ctx is done`
	default:
	}
	return nil
}

// A runner that hands on its caller's context is no supervisor.
func (s *service) runHandedOn(ctx context.Context) error {
	return group.Run(ctx, s.handedOnLoop)
}

func (s *service) handedOnLoop(ctx context.Context) error {
	select {
	case <-ctx.Done():
		return nil // want `handedOnLoop returns a nil error when ctx is done`
	case <-time.After(time.Second):
		return nil
	}
}

// An exported loop may be called from anywhere.
func (s *service) startExported() { s.g.Go(s.Loop) }

func (s *service) Loop(ctx context.Context) error {
	select {
	case <-ctx.Done():
		return nil // want `Loop returns a nil error when ctx is done`
	case <-time.After(time.Second):
		return nil
	}
}

// ok: a method of a generic type is referred to instantiated.
type redirector[T any] struct {
	g    group.Group
	last T
}

func (r *redirector[T]) Start() { r.g.Go(r.eventLoop) }

func (r *redirector[T]) eventLoop(ctx context.Context) error {
	select {
	case <-ctx.Done():
		return nil
	case <-time.After(time.Second):
		return nil
	}
}

var _ = (&redirector[int]{}).Start
