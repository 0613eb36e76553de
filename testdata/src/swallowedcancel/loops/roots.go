package loops

import (
	"context"
	"log"
	"os"
	"os/signal"
	"time"
)

// issue 16 item 6: a loop whose only exits are checks of a context the
// same function made with Background and never made cancellable.

func rootWorker(jobs <-chan int) {
	ctx := context.Background()
	for { // want `this loop runs under ctx := context.Background\(\), which nothing cancels`
		select {
		case <-ctx.Done():
			return
		case j := <-jobs:
			_ = fetch(ctx)
			log.Print(j)
		}
	}
}

func rootWorkerFixed(jobs <-chan int) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	for {
		select {
		case <-ctx.Done():
			return
		case j := <-jobs:
			_ = fetch(ctx)
			log.Print(j)
		}
	}
}

func rootTicker() {
	ctx := context.TODO()
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for range t.C { // want `this loop runs under ctx := context.TODO\(\), which nothing cancels`
		if ctx.Err() != nil {
			return
		}
		_ = fetch(ctx)
	}
}

// The fixed form takes the context from its caller.
func rootTickerFixed(ctx context.Context) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for range t.C {
		if ctx.Err() != nil {
			return
		}
		_ = fetch(ctx)
	}
}

// ok: the loop also watches a stop channel.
func rootWithStop(stop <-chan struct{}) {
	ctx := context.Background()
	for {
		select {
		case <-ctx.Done():
			return
		case <-stop:
			return
		case <-time.After(time.Second):
			_ = fetch(ctx)
		}
	}
}

// ok: the loop stops when its input is closed.
func rootClosedInput(jobs <-chan int) {
	ctx := context.Background()
	for {
		select {
		case <-ctx.Done():
			return
		case j, ok := <-jobs:
			if !ok {
				return
			}
			_ = fetch(ctx)
			log.Print(j)
		}
	}
}

// ok: the loop watches no context (other rules cover it), and a detached
// context is deliberate.
func rootUnwatched(parent context.Context) {
	ctx := context.WithoutCancel(parent)
	for {
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Second):
			_ = fetch(ctx)
		}
	}
}

// ok: a loop that checks no context is no dead check (a daemon loop by
// design; the shutdown pass owns that question).
func rootNoCheck() {
	ctx := context.Background()
	for {
		_ = fetch(ctx)
		time.Sleep(time.Second)
	}
}

// A work loop whose only exit checks the root context cannot stop either.
func rootWork() {
	ctx := context.Background()
	for { // want `this loop runs under ctx := context.Background\(\), which nothing cancels`
		if ctx.Err() != nil {
			return
		}
		_ = fetch(ctx)
	}
}

// ok: the context comes from the caller, who can cancel it.
func rootWorkFixed(ctx context.Context) {
	for {
		if ctx.Err() != nil {
			return
		}
		_ = fetch(ctx)
	}
}

func rootPoll() {
	ctx := context.Background()
	for { // want `this loop runs under ctx := context.Background\(\), which nothing cancels`
		select {
		case <-ctx.Done():
			return
		default:
			_ = fetch(ctx)
		}
	}
}

// ok: the function can cancel the context it made.
func rootPollCancel() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	for {
		select {
		case <-ctx.Done():
			return
		default:
			_ = fetch(ctx)
		}
	}
}

func rootWorkAfter() {
	ctx := context.Background()
	for { // want `this loop runs under ctx := context.Background\(\), which nothing cancels`
		_ = fetch(ctx)
		if ctx.Err() != nil {
			return
		}
	}
}

// ok: the context it made expires.
func rootWorkTimeout() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	for {
		_ = fetch(ctx)
		if ctx.Err() != nil {
			return
		}
	}
}

// ok: rootWorker that also stops on a signal.
func rootWithSignal(jobs <-chan int) {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt)
	ctx := context.Background()
	for {
		select {
		case <-ctx.Done():
			return
		case <-sig:
			return
		case j := <-jobs:
			_ = fetch(ctx)
			log.Print(j)
		}
	}
}
