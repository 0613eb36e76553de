package a

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"
	"strings"
	"time"

	"swallowedcancel/b"
)

func fetch(ctx context.Context) error { return ctx.Err() } // want fetch:"returns ctx error"

func work() error { return nil }

// --- comparisons ---

func compareEq(ctx context.Context) error {
	err := fetch(ctx)
	if err == context.Canceled { // want `err == context.Canceled compares with context.Canceled by identity`
		return err
	}
	if err != context.DeadlineExceeded { // want `use !errors.Is\(err, context.DeadlineExceeded\)`
		return err
	}
	return nil
}

// ok: ctx.Err() returns the sentinel itself, so == is exact.
func compareCtxErr(ctx context.Context) bool {
	if ctx.Err() == context.Canceled {
		return true
	}
	err := ctx.Err()
	return err == context.DeadlineExceeded
}

func compareSwitch(ctx context.Context) string {
	switch err := fetch(ctx); err {
	case nil:
		return "ok"
	case context.Canceled: // want `switch err \{ case context.Canceled: \} compares by identity`
		return "canceled"
	}
	return "failed"
}

// --- string matching ---

func stringMatch(ctx context.Context) bool {
	err := fetch(ctx)
	if err.Error() == "context canceled" { // want `comparing err.Error\(\) with the text of a context error`
		return true
	}
	return strings.Contains(err.Error(), "context deadline exceeded") // want `matching err.Error\(\) against the text`
}

// --- received context, success when done ---

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

// --- fresh errors ---

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

// ok: %w keeps the identity.
func wrapped(ctx context.Context) error { // want wrapped:"returns ctx error"
	<-ctx.Done()
	return fmt.Errorf("stopped: %w", ctx.Err())
}

// --- retry ---

func retry(ctx context.Context) error {
	var err error
	for i := 0; i < 5; i++ {
		err = fetch(ctx)
		if err != nil { // want `retries cancellation as if it were a transient failure`
			log.Print(err)
			time.Sleep(time.Second)
			continue
		}
		return nil
	}
	return err
}

// ok: a per-attempt child deadline is retried while the parent is alive.
func retryAttempt(ctx context.Context) error {
	var err error
	for i := 0; i < 5; i++ {
		actx, cancel := context.WithTimeout(ctx, time.Second)
		err = fetch(actx)
		cancel()
		if errors.Is(err, context.DeadlineExceeded) && ctx.Err() == nil {
			continue
		}
		return err
	}
	return err
}

// --- loops ---

func continueSkipsWait(ctx context.Context) {
	for {
		if err := fetch(ctx); err != nil {
			log.Print(err)
			continue // want `continue skips the select on ctx.Done\(\)`
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Second):
		}
	}
}

func continueInDone(ctx context.Context, jobs <-chan int) {
	for {
		select {
		case <-ctx.Done():
			log.Print("done")
			continue // want `continue in case <-ctx.Done\(\) runs the loop again`
		case j := <-jobs:
			log.Print(j)
		}
	}
}

func breakOnlySelect(ctx context.Context, jobs <-chan int) {
	for {
		select {
		case <-ctx.Done():
			break // want `break in case <-ctx.Done\(\) leaves only the select`
		case j := <-jobs:
			log.Print(j)
		}
	}
}

// ok: a labelled break leaves the loop.
func breakLabelled(ctx context.Context, jobs <-chan int) {
loop:
	for {
		select {
		case <-ctx.Done():
			break loop
		case j := <-jobs:
			log.Print(j)
		}
	}
}

func tickerLoop(ctx context.Context) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for range t.C { // want `for range t.C never checks the context`
		if err := fetch(ctx); err != nil {
			log.Print(err)
		}
	}
}

// ok: the ticker loop checks the context.
func tickerChecked(ctx context.Context) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for range t.C {
		if ctx.Err() != nil {
			return
		}
		_ = fetch(ctx)
	}
}

func logAndContinue(ctx context.Context) {
	for {
		err := fetch(ctx)
		if err != nil { // want `the loop logs the error and continues from a.fetch → ctx.Err\(\) and never checks its context`
			log.Printf("fetch: %v", err)
			continue
		}
	}
}

func continueOnCancel(ctx context.Context) {
	for {
		err := fetch(ctx)
		if errors.Is(err, context.Canceled) { // want `the loop continues on a context error`
			continue
		}
		if err != nil {
			return
		}
	}
}

// through a helper of another package: the poller returns ctx.Err().
func helperLoop(p *b.Poller) {
	for {
		job, err := p.Again()
		if err != nil { // want `from \(\*b.Poller\).Again → \(\*b.Poller\).Next → ctx.Err\(\)`
			log.Print(err)
			continue
		}
		log.Print(job)
	}
}

// ok: skipping the log line for cancellation when the loop head checks ctx.
func skipLog(ctx context.Context) {
	for ctx.Err() == nil {
		if err := fetch(ctx); err != nil {
			if !errors.Is(err, context.Canceled) {
				log.Print(err)
			}
			continue
		}
	}
}

// ok: a loop whose error from a call without a context is logged.
func plainLoop() {
	for {
		if err := b.Plain(); err != nil {
			log.Print(err)
			continue
		}
		return
	}
}
