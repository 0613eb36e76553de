package done

import (
	"context"
	"errors"
	"log"
	"net/http"
	"time"
)

// issue 16 item 4: nil returned for the error of a call given the
// function's own context drops cancellation with every other error.

func bestEffort(ctx context.Context) error {
	if err := fetch(ctx); err != nil {
		log.Print(err)
		return nil // want `bestEffort returns a nil error when done.fetch fails: that drops cancellation with every other error`
	}
	return work()
}

func bestEffortFixed(ctx context.Context) error {
	if err := fetch(ctx); err != nil {
		if errors.Is(err, context.Canceled) || ctx.Err() != nil {
			return err
		}
		log.Print(err)
		return nil
	}
	return work()
}

func exists(ctx context.Context, key string) (bool, error) {
	err := fetch(ctx)
	if err != nil {
		return false, nil // want `exists returns a nil error when done.fetch fails`
	}
	return key != "", nil
}

func existsFixed(ctx context.Context, key string) (bool, error) {
	err := fetch(ctx)
	if err != nil {
		return false, err
	}
	return key != "", nil
}

// ok: the call is not given the function's context, so its error is not
// the function's cancellation.
func otherCtx(ctx context.Context) error { // want otherCtx:"returns ctx error"
	if err := fetch(context.Background()); err != nil {
		return nil
	}
	if err := work(); err != nil {
		return nil
	}
	return fetch(ctx)
}

// ok: the owner of a timeout returns nil on its own deadline.
func ownsTimeout(ctx context.Context) error {
	tctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	if err := fetch(tctx); err != nil {
		return nil
	}
	if err := fetch(ctx); err != nil {
		return nil
	}
	return nil
}

// ok: a boundary maps the failure to a response.
func handle(ctx context.Context, w http.ResponseWriter) error {
	if err := fetch(ctx); err != nil {
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
		return nil
	}
	return nil
}

// ok: no error result to propagate it with.
func fireAndLog(ctx context.Context) {
	if err := fetch(ctx); err != nil {
		log.Print(err)
		return
	}
}

// ok: a nil return for one class of error only is a filter, not a blanket.
func notFound(ctx context.Context) error {
	if err := fetch(ctx); err != nil {
		if err.Error() == "not found" {
			return nil
		}
		return err
	}
	return nil
}
