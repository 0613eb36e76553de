package done

import (
	"context"
	"errors"
	"fmt"
)

// A validation that takes no context fails for its own reasons, even
// when one of its arguments is computed from the context: mapping that
// failure to a domain answer drops no cancellation.

type Scope struct{}

func scopeOf(ctx context.Context) *Scope { return &Scope{} }

func checkSize(size, limit int, s *Scope) error {
	if size > limit {
		return errors.New("too large")
	}
	return nil
}

type HeartbeatResponse struct{ Cancel bool }

// ok: the size check's error becomes a "cancel requested" answer.
func Heartbeat(ctx context.Context, size int) (*HeartbeatResponse, error) { // want Heartbeat:"returns ctx error"
	if err := checkSize(size, 10, scopeOf(ctx)); err != nil {
		return &HeartbeatResponse{Cancel: true}, nil
	}
	return &HeartbeatResponse{}, fetch(ctx)
}

type result struct{ err error }

func (r *result) Err() error { return r.err }

func run(ctx context.Context) *result { return &result{err: ctx.Err()} }

// The error of a ctx call read through its result's Err method, or
// wrapped, is still the call's.
func HeartbeatChained(ctx context.Context) (*HeartbeatResponse, error) {
	if err := run(ctx).Err(); err != nil {
		return nil, nil // want `HeartbeatChained returns a nil error when done.run fails`
	}
	if err := fmt.Errorf("heartbeat: %w", fetch(ctx)); err != nil {
		return nil, nil // want `HeartbeatChained returns a nil error when done.fetch fails`
	}
	return &HeartbeatResponse{}, nil
}
