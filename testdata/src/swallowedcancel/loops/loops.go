package loops

import (
	"context"
	"errors"
	"log"
	"time"
)

func fetch(ctx context.Context) error { return ctx.Err() } // want fetch:"returns ctx error"

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
