package done

import (
	"context"
	"log"
)

// A failure handed to whoever waits for it (a result sent on the
// waiter's channel or stored for it) is not dropped: the function's own
// nil answers a different question.

type queryResult struct{ err error }

type engine struct {
	waiters map[string]chan *queryResult
	lastErr error
}

func (e *engine) deliver(id string, r *queryResult) {
	if ch, ok := e.waiters[id]; ok {
		ch <- r
	}
}

type PollResult struct{ Empty bool }

// ok: the query's waiter gets the error; the poller the empty answer.
func (e *engine) Poll(ctx context.Context, id string) (*PollResult, error) {
	if err := fetch(ctx); err != nil {
		e.deliver(id, &queryResult{err: err})
		return &PollResult{Empty: true}, nil
	}
	return &PollResult{}, nil
}

// ok: sent to the waiter directly.
func (e *engine) PollSend(ctx context.Context, ch chan<- error) (*PollResult, error) {
	if err := fetch(ctx); err != nil {
		ch <- err
		return &PollResult{Empty: true}, nil
	}
	return &PollResult{}, nil
}

// Logged only: nobody gets the error.
func (e *engine) PollLogged(ctx context.Context) (*PollResult, error) {
	if err := fetch(ctx); err != nil {
		log.Print(err)
		return &PollResult{Empty: true}, nil // want `PollLogged returns a nil error when done.fetch fails`
	}
	return &PollResult{}, nil
}

// Kept in a local that nobody reads: dropped.
func (e *engine) PollLocal(ctx context.Context) (*PollResult, error) {
	if err := fetch(ctx); err != nil {
		last := err
		_ = last
		return nil, nil // want `PollLocal returns a nil error when done.fetch fails`
	}
	return &PollResult{}, nil
}
