package done

import (
	"context"
	"errors"
	"fmt"
	"net/http"
)

// issue 16 item 5: a fresh error sent or stored once ctx is done loses the
// cause, also in functions that return nothing.

type job struct{ err error }

var lastErr error

func sendFresh(ctx context.Context, errc chan<- error) {
	select {
	case <-ctx.Done():
		errc <- errors.New("stopped") // want `sendFresh sends errc a fresh error when ctx is done`
	default:
	}
}

func sendFreshFixed(ctx context.Context, errc chan<- error) {
	select {
	case <-ctx.Done():
		errc <- ctx.Err()
	default:
	}
}

func storeFresh(ctx context.Context, j *job) {
	if ctx.Err() != nil {
		j.err = fmt.Errorf("job %v stopped", j) // want `storeFresh stores in j.err a fresh error when its context is done`
		lastErr = errors.New("stopped")         // want `storeFresh stores in lastErr a fresh error when its context is done`
		return
	}
}

func storeFreshFixed(ctx context.Context, j *job) {
	if ctx.Err() != nil {
		j.err = fmt.Errorf("job %v stopped: %w", j, ctx.Err())
		lastErr = ctx.Err()
		return
	}
}

func namedFresh(ctx context.Context) (err error) {
	select {
	case <-ctx.Done():
		err = errors.New("stopped") // want `namedFresh stores in err a fresh error when ctx is done`
	default:
	}
	return
}

// ok: the named result holds the context's error.
func namedFreshFixed(ctx context.Context) (err error) {
	select {
	case <-ctx.Done():
		err = ctx.Err()
	default:
	}
	return
}

// ok: a local that never leaves the branch, and a message built for a log.
func localFresh(ctx context.Context, w http.ResponseWriter) {
	select {
	case <-ctx.Done():
		msg := errors.New("stopped")
		_ = msg
	default:
	}
}

// ok: the owner of the context says why it stopped.
func ownerFresh(parent context.Context, errc chan<- error) {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	<-ctx.Done()
	select {
	case <-ctx.Done():
		errc <- errors.New("shut down")
	default:
	}
}
