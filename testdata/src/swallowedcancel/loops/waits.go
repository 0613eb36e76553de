package loops

import (
	"context"
	"log"
	"time"
)

// issue 16: the ctx.Err() in the done case's own return is not a separate
// check; the continue still skips the only context-aware wait.
func continueSkipsWaitErr(ctx context.Context) error { // want continueSkipsWaitErr:"returns ctx error"
	for {
		if err := fetch(ctx); err != nil {
			log.Print(err)
			continue // want `continue skips the select on ctx.Done\(\)`
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Second):
		}
	}
}

// The fixed form: the error path checks the context before going round.
func continueSkipsWaitErrFixed(ctx context.Context) error { // want continueSkipsWaitErrFixed:"returns ctx error"
	for {
		if err := fetch(ctx); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			log.Print(err)
			continue
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Second):
		}
	}
}

// A ctx.Err() logged in the done case does not make the break leave the
// loop.
func breakLogsErr(ctx context.Context, jobs <-chan int) {
	for {
		select {
		case <-ctx.Done():
			log.Print(ctx.Err())
			break // want `break in case <-ctx.Done\(\) leaves only the select`
		case j := <-jobs:
			log.Print(j)
		}
	}
}

func breakLogsErrFixed(ctx context.Context, jobs <-chan int) {
	for {
		select {
		case <-ctx.Done():
			log.Print(ctx.Err())
			return
		case j := <-jobs:
			log.Print(j)
		}
	}
}
