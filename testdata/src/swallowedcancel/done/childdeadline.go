package done

import (
	"context"
	"time"
)

// A handler that derives its own child deadline through a helper (the
// helper returns the context with its cancel func, as WithTimeout does)
// owns that deadline: answering "timed out" or "no change" in the
// protocol's response when it expires is its decision.

type PollResponse struct {
	Changed  bool
	TimedOut bool
}

func withBudget(parent context.Context, d time.Duration) (context.Context, context.CancelFunc) {
	if parent.Err() != nil {
		return parent, func() {}
	}
	return context.WithTimeout(parent, d)
}

func withLabel(parent context.Context) context.Context { return parent } // want withLabel:"adds values to ctx"

// ok: the long poll ends on its own budget with the "no change" answer.
func LongPoll(ctx context.Context, changed <-chan struct{}) (*PollResponse, error) {
	ctx, cancel := withBudget(ctx, time.Second)
	defer cancel()
	select {
	case <-ctx.Done():
		return &PollResponse{}, nil
	case <-changed:
		return &PollResponse{Changed: true}, nil
	}
}

// ok: the child's expiry is mapped to an explicit timeout outcome.
func Dispatch(ctx context.Context, wait bool) (*PollResponse, error) {
	if wait {
		var cancel context.CancelFunc
		ctx, cancel = withBudget(ctx, time.Second)
		defer cancel()
	}
	if err := fetch(ctx); err != nil {
		if ctx.Err() != nil {
			return &PollResponse{TimedOut: true}, nil
		}
		return nil, err
	}
	return &PollResponse{}, nil
}

// A helper that returns no cancel func creates no deadline: ctx is still
// the caller's.
func PollLabelled(ctx context.Context, changed <-chan struct{}) (*PollResponse, error) {
	ctx = withLabel(ctx)
	select {
	case <-ctx.Done():
		return &PollResponse{}, nil // want `PollLabelled returns a nil error when ctx is done`
	case <-changed:
		return &PollResponse{Changed: true}, nil
	}
}
