package loops

import (
	"context"
	"log"
	"time"

	"swallowedcancel/loops/attempt"
)

// Attempts under contexts nobody cancels fail for their own reasons: a
// retry of them is no retry of cancellation.

func newAttemptCtx() context.Context { // want newAttemptCtx:"returns a fresh ctx"
	ctx, _ := context.WithTimeout(context.Background(), time.Minute) //nolint
	return ctx
}

// ok: each try gets a fresh per-attempt context.
func retryFreshAttempts() error {
	var err error
	for i := 0; i < 5; i++ {
		err = fetch(newAttemptCtx())
		if err != nil {
			log.Print(err)
			time.Sleep(100 * time.Millisecond)
			continue
		}
		return nil
	}
	return err
}

// ok: a startup wait on a context that is never cancelled.
func waitReady() {
	for {
		err := fetch(context.TODO())
		if err == nil {
			break
		}
		log.Print(err)
		time.Sleep(time.Second)
	}
}

// ok: a timeout built from a root in each try.
func retryRootTimeout() error {
	var err error
	for i := 0; i < 5; i++ {
		actx, cancel := context.WithTimeout(context.Background(), time.Second)
		err = fetch(actx)
		cancel()
		if err != nil {
			time.Sleep(time.Second)
			continue
		}
		return nil
	}
	return err
}

// A per-attempt child of the function's context is cancelled with it.
func retryChildAttempts(ctx context.Context) error {
	var err error
	for i := 0; i < 5; i++ {
		actx, cancel := context.WithTimeout(ctx, time.Second)
		err = fetch(actx)
		cancel()
		if err != nil { // want `retries cancellation as if it were a transient failure`
			time.Sleep(time.Second)
			continue
		}
		return nil
	}
	return err
}

type poller struct{ base context.Context }

func (p *poller) context() context.Context { return p.base }

// A method's context may be the owner's, which it cancels.
func (p *poller) waitReady() {
	for {
		err := fetch(p.context())
		if err == nil { // want `the loop leaves only on success of loops.fetch`
			break
		}
		time.Sleep(time.Second)
	}
}

// A timeout set once before the loop expires for every later attempt:
// the loop then spins on the same error.
func waitWithBudget() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	for {
		time.Sleep(time.Millisecond)
		err := fetch(ctx)
		if err == nil { // want `the loop leaves only on success of loops.fetch`
			break
		}
	}
}

// ok: a root set once before the loop never expires.
func waitOnRoot() {
	ctx := context.Background()
	for {
		time.Sleep(time.Millisecond)
		if err := fetch(ctx); err == nil {
			break
		}
	}
}

// The process context, cancelled on shutdown, reached through a function
// given no context.
var appCtx, appStop = context.WithCancel(context.Background())

func processCtx() context.Context { return appCtx }

func retryProcess() {
	for {
		err := fetch(processCtx())
		if err == nil { // want `the loop leaves only on success of loops.fetch`
			break
		}
		time.Sleep(time.Second)
	}
}

// ok: a fresh attempt context from another package, known by its fact.
func retryImportedAttempts() error {
	var err error
	for i := 0; i < 5; i++ {
		if err = fetch(attempt.New()); err != nil {
			time.Sleep(time.Millisecond)
			continue
		}
		return nil
	}
	return err
}
