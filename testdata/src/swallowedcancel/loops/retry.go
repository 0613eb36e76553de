package loops

import (
	"context"
	"errors"
	"log"
	"time"
)

var errPermanent = errors.New("permanent")

// issue 16 item 2: retry loops that retry cancellation.

func retryUntilOK(ctx context.Context) error {
	for {
		err := fetch(ctx)
		if err == nil { // want `the loop leaves only on success of loops.fetch → ctx.Err\(\) and never checks its context, so it retries cancellation forever`
			return nil
		}
		log.Print(err)
		time.Sleep(time.Second)
	}
}

func retryUntilOKFixed(ctx context.Context) error { // want retryUntilOKFixed:"returns ctx error"
	for {
		err := fetch(ctx)
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		time.Sleep(time.Second)
	}
}

func retryPermanent(ctx context.Context) error {
	for {
		err := fetch(ctx)
		if err == nil { // want `the loop leaves only on success of loops.fetch`
			return nil
		}
		if errors.Is(err, errPermanent) {
			return err
		}
		time.Sleep(time.Second)
	}
}

func retryPermanentFixed(ctx context.Context) error {
	for {
		err := fetch(ctx)
		if err == nil {
			return nil
		}
		if errors.Is(err, errPermanent) || errors.Is(err, context.Canceled) {
			return err
		}
		time.Sleep(time.Second)
	}
}

// sleepCtx waits for d or until ctx is done, and says which.
func sleepCtx(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}

// A ctx-aware wait whose result is discarded is no check.
func retryDiscardedWait(ctx context.Context) error {
	for {
		err := fetch(ctx)
		if err == nil { // want `the loop leaves only on success of loops.fetch`
			return nil
		}
		sleepCtx(ctx, time.Second)
	}
}

// ok: the wait helper's result leaves the loop.
func retryCheckedWait(ctx context.Context) error {
	for {
		err := fetch(ctx)
		if err == nil {
			return nil
		}
		if !sleepCtx(ctx, time.Second) {
			return err
		}
	}
}

// waitErr waits for d or until ctx is done, and returns ctx.Err() then.
func waitErr(ctx context.Context, d time.Duration) error { // want waitErr:"returns ctx error"
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(d):
		return nil
	}
}

// A wait helper that returns the context's error, discarded, is no check.
func retryDiscardedErrWait(ctx context.Context) error {
	for {
		err := fetch(ctx)
		if err == nil { // want `the loop leaves only on success of loops.fetch`
			return nil
		}
		_ = waitErr(ctx, time.Second)
	}
}

// ok: its error leaves the loop, in the if's init or assigned before it.
func retryCheckedErrWait(ctx context.Context) error {
	for {
		err := fetch(ctx)
		if err == nil {
			return nil
		}
		if err := waitErr(ctx, time.Second); err != nil {
			return err
		}
	}
}

func retryCheckedErrWaitBefore(ctx context.Context) error {
	for {
		err := fetch(ctx)
		if err == nil {
			return nil
		}
		werr := waitErr(ctx, time.Second)
		if werr != nil {
			return werr
		}
	}
}

// ok: a loop that returns at its end is no retry loop.
func retryOnce(ctx context.Context) error {
	for {
		err := fetch(ctx)
		if err == nil {
			return nil
		}
		return err
	}
}

// store is opaque: nothing summarises what Get returns.
type store interface {
	Get(ctx context.Context) error
}

// An opaque ctx-taking operation is retried like a summarised one.
func retryOpaque(ctx context.Context, s store) error {
	for {
		err := s.Get(ctx)
		if err == nil { // want `the loop leaves only on success of`
			return nil
		}
		time.Sleep(time.Second)
	}
}

// ok: the context is checked before the backoff.
func retryOpaqueFixed(ctx context.Context, s store) error { // want retryOpaqueFixed:"returns ctx error"
	for {
		err := s.Get(ctx)
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		time.Sleep(time.Second)
	}
}
