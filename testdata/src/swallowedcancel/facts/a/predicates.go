package a

import (
	"context"
	"errors"
	"log"
	"time"

	"swallowedcancel/facts/b"
)

// issue 16 item 3: predicates and filters of package b, through facts.

func predicateNil(ctx context.Context) error {
	if err := fetch(ctx); b.IsCtxErr(err) {
		return nil // want `predicateNil returns a nil error when its context is done`
	}
	return nil
}

func predicateNilFixed(ctx context.Context) error {
	if err := fetch(ctx); b.IsCtxErr(err) {
		return err
	}
	return nil
}

// ok: the predicate is a check of the context that leaves the loop.
func predicateStopsLoop(ctx context.Context) {
	for {
		err := fetch(ctx)
		if b.Stopping(err) {
			return
		}
		if err != nil {
			log.Print(err)
			continue
		}
	}
}

// ok: the error path propagates cancellation, tested by a predicate.
func predicateInErrPath(ctx context.Context) error {
	if err := fetch(ctx); err != nil {
		if b.IsCanceled(err) {
			return err
		}
		return nil
	}
	return nil
}

// ok: a predicate on the context itself.
func predicateTicker(ctx context.Context) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for range t.C {
		if b.Done(ctx) {
			return
		}
	}
}

// ok: another sentinel's predicate is no test of the context.
func otherPredicate(ctx context.Context) error {
	if err := fetch(ctx); b.Temporary(err) {
		return nil
	}
	return nil
}

func filtered(ctx context.Context) error {
	return b.IgnoreCanceled(fetch(ctx)) // want `filtered returns the result of b.IgnoreCanceled, which turns a context error into nil`
}

func filteredFixed(ctx context.Context) error { // want filteredFixed:"returns ctx error"
	return fetch(ctx)
}

// A predicate counts as errors.Is in the loop and done-branch rules too.
func predicateContinues(ctx context.Context) {
	for {
		err := fetch(ctx)
		if b.IsCtxErr(err) { // want `the loop continues on a context error`
			continue
		}
		if err != nil {
			return
		}
	}
}

// ok: the loop leaves on a context error.
func predicateContinuesFixed(ctx context.Context) {
	for {
		err := fetch(ctx)
		if b.IsCtxErr(err) || err != nil {
			return
		}
	}
}

func predicateSendsFresh(ctx context.Context, errc chan<- error) {
	if err := fetch(ctx); b.IsCanceled(err) {
		errc <- errors.New("stopped") // want `predicateSendsFresh sends errc a fresh error`
	}
}

// ok: the context's error is sent on.
func predicateSendsFreshFixed(ctx context.Context, errc chan<- error) {
	if err := fetch(ctx); b.IsCanceled(err) {
		errc <- err
	}
}

func retryPredicate(ctx context.Context) error {
	for {
		err := fetch(ctx)
		if err == nil { // want `the loop leaves only on success of a.fetch`
			return nil
		}
		time.Sleep(time.Second)
	}
}

// ok: a predicate on the error leaves the retry loop.
func retryPredicateFixed(ctx context.Context) error {
	for {
		err := fetch(ctx)
		if err == nil {
			return nil
		}
		if b.Stopping(err) {
			return err
		}
		time.Sleep(time.Second)
	}
}

// The only exit of the loop is a non-nil error filtered by package b's
// filter, known by its fact.
func filteredLoop(ctx context.Context) error {
	for {
		err := b.IgnoreCanceled(fetch(ctx))
		if err != nil { // want `the loop leaves only when b.IgnoreCanceled returns a non-nil error, and b.IgnoreCanceled turns a context error into nil, so the loop never stops once its context is done`
			return err
		}
	}
}

// ok: the loop checks its context before filtering.
func filteredLoopFixed(ctx context.Context) error {
	for {
		err := fetch(ctx)
		if b.IsCtxErr(err) {
			return err
		}
		if err := b.IgnoreCanceled(err); err != nil {
			return err
		}
	}
}
