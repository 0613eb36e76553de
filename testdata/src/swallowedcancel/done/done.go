package done

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"
)

func fetch(ctx context.Context) error { return ctx.Err() } // want fetch:"returns ctx error"

func work() error { return nil }

func receivedDone(ctx context.Context) error {
	select {
	case <-ctx.Done():
		return nil // want `receivedDone returns a nil error when ctx is done`
	default:
	}
	return work()
}

func receivedZero(ctx context.Context) (int, error) {
	select {
	case <-ctx.Done():
		return 0, nil // want `receivedZero returns a nil error when ctx is done`
	case <-time.After(time.Second):
		return 1, nil
	}
}

func afterIs(ctx context.Context) error {
	if err := fetch(ctx); err != nil {
		if errors.Is(err, context.Canceled) {
			return nil // want `afterIs returns a nil error when its context is done`
		}
		return err
	}
	return nil
}

// ok: errors.Is followed by returning or wrapping the error.
func isThenReturn(ctx context.Context) error {
	err := fetch(ctx)
	if errors.Is(err, context.Canceled) {
		return fmt.Errorf("fetch stopped: %w", err)
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return nil
}

// ok: other sentinels.
func serve(srv *http.Server) error {
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// ok: a handler maps cancellation to a response at the protocol boundary.
func respond(ctx context.Context, w http.ResponseWriter) error {
	select {
	case <-ctx.Done():
		http.Error(w, "client went away", 499)
		return nil
	case <-time.After(time.Second):
		w.WriteHeader(http.StatusOK)
		return nil
	}
}

func fresh(ctx context.Context) error {
	select {
	case <-ctx.Done():
		return errors.New("context done") // want `fresh replaces the context error with a fresh error`
	case <-time.After(time.Second):
	}
	if ctx.Err() != nil {
		return fmt.Errorf("stopped: %v", ctx.Err()) // want `fmt.Errorf formats ctx.Err\(\) without %w`
	}
	return nil
}
