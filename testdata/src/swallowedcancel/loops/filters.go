package loops

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"
)

// issue 16 item 3: an endless loop whose only exit is a non-nil error
// that went through a filter of context errors cannot stop: once the
// context is done the filter turns the context's error into nil and the
// loop goes round again.

// skipCanceled is a filter: nil for a context error, the error otherwise.
func skipCanceled(err error) error {
	if errors.Is(err, context.Canceled) {
		return nil
	}
	return err
}

func filterLoop(ctx context.Context) error {
	for {
		if err := skipCanceled(fetch(ctx)); err != nil { // want `the loop leaves only when loops.skipCanceled returns a non-nil error, and loops.skipCanceled turns a context error into nil, so the loop never stops once its context is done; test errors.Is\(err, context.Canceled\) before filtering, or check ctx.Err\(\)`
			return err
		}
	}
}

// ok: the context error is tested before filtering.
func filterLoopFixed(ctx context.Context) error {
	for {
		err := fetch(ctx)
		if errors.Is(err, context.Canceled) {
			return err
		}
		if err := skipCanceled(err); err != nil {
			return err
		}
	}
}

// The filter applied to an error assigned before, with other work and a
// break that leaves only an inner loop.
func filterLoopAfter(ctx context.Context, items []int) error {
	for {
		for _, it := range items {
			if it == 0 {
				break
			}
		}
		err := fetch(ctx)
		err = skipCanceled(err)
		if err != nil { // want `the loop leaves only when loops.skipCanceled returns a non-nil error`
			log.Print(err)
			return err
		}
		time.Sleep(time.Second)
	}
}

// ok: the loop checks its context.
func filterLoopAfterFixed(ctx context.Context, items []int) error {
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		err := fetch(ctx)
		err = skipCanceled(err)
		if err != nil {
			return err
		}
		time.Sleep(time.Second)
	}
}

// A goroutine's loop that hands its filtered error on.
func filterLoopGo(ctx context.Context, errc chan<- error) {
	go func() {
		for {
			if err := skipCanceled(fetch(ctx)); err != nil { // want `the loop leaves only when loops.skipCanceled returns a non-nil error`
				errc <- err
				return
			}
		}
	}()
}

// ok: the loop has another exit.
func filterLoopOtherExit(ctx context.Context, jobs func() int) error {
	for {
		if jobs() == 0 {
			return nil
		}
		if err := skipCanceled(fetch(ctx)); err != nil {
			return err
		}
	}
}

// ok: a labelled break out of the loop from a switch.
func filterLoopBreak(ctx context.Context, jobs func() int) error {
loop:
	for {
		switch jobs() {
		case 0:
			break loop
		}
		if err := skipCanceled(fetch(ctx)); err != nil {
			return err
		}
	}
	return nil
}

// ok: the loop stops on a select of its context.
func filterLoopSelect(ctx context.Context, tick <-chan time.Time) error { // want filterLoopSelect:"returns ctx error"
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-tick:
		}
		if err := skipCanceled(fetch(ctx)); err != nil {
			return err
		}
	}
}

// ok: the error leaves unfiltered.
func unfilteredLoop(ctx context.Context) error {
	for {
		if err := fetch(ctx); err != nil {
			return err
		}
	}
}

// ok: a wrap of the filtered error is never nil, so the loop leaves.
func filterWrapped(ctx context.Context) error {
	for {
		if err := fmt.Errorf("fetch: %w", skipCanceled(fetch(ctx))); err != nil {
			return err
		}
	}
}

// ok: the filtered call takes no context.
func filterNoCtx(parse func() error) error {
	for {
		if err := skipCanceled(parse()); err != nil {
			return err
		}
	}
}

// ok: nobody cancels the context, so the filter never sees its error.
func filterBackground() error {
	ctx := context.Background()
	for {
		if err := skipCanceled(fetch(ctx)); err != nil {
			return err
		}
	}
}

// ok: the owner of the context (it cancels it itself).
func filterOwner(parent context.Context) error {
	ctx, cancel := context.WithTimeout(parent, time.Minute)
	defer cancel()
	for {
		if err := skipCanceled(fetch(ctx)); err != nil {
			return err
		}
	}
}

// ok: the loop has a condition.
func filterCond(ctx context.Context, more func() bool) error {
	for more() {
		if err := skipCanceled(fetch(ctx)); err != nil {
			return err
		}
	}
	return nil
}
