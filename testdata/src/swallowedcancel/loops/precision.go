package loops

import (
	"context"
	"errors"
	"log"
	"time"
)

type queue struct{}

func (queue) Pop() (int, bool) { return 0, false }

// stopErr gives the context's error through a call, so the loop below has
// no ctx.Err() of its own: only the exemption for a break that hands state
// on keeps breakHandsOff silent.
func stopErr(ctx context.Context) error { return ctx.Err() } // want stopErr:"returns ctx error"

// ok: a break that hands state to code after the select, which checks it.
func breakHandsOff(ctx context.Context, jobs <-chan int) error {
	for {
		var err error
		select {
		case <-ctx.Done():
			err = stopErr(ctx)
			break
		case j := <-jobs:
			log.Print(j)
		}
		if err != nil {
			return err
		}
	}
}

// ok: the select with ctx.Done comes first; the continue after it does
// not skip it.
func waitFirst(ctx context.Context, q queue) error { // want waitFirst:"returns ctx error"
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Second):
		}
		if _, ok := q.Pop(); !ok {
			continue
		}
	}
}

// ok: a continue on an empty queue, not on an error of a context-aware
// call, does not spin once ctx is done.
func emptyQueue(ctx context.Context, q queue) error { // want emptyQueue:"returns ctx error"
	for {
		if _, ok := q.Pop(); !ok {
			continue
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Second):
		}
	}
}

// ok: a message loop ranging over a channel stops when it is closed.
func consume(ctx context.Context, in <-chan int) {
	for m := range in {
		if err := fetch(ctx); err != nil {
			log.Print(m, err)
			continue
		}
	}
}

// ok: the loop returns on cancellation and logs everything else.
func logOthers(ctx context.Context) error {
	for {
		err := fetch(ctx)
		if errors.Is(err, context.Canceled) {
			return err
		}
		if err != nil {
			log.Print(err)
			continue
		}
	}
}

// ok: a function without an error result cannot propagate; returning on
// ctx.Done is how it stops.
func worker(ctx context.Context, jobs <-chan int) {
	for {
		select {
		case <-ctx.Done():
			return
		case j := <-jobs:
			log.Print(j)
		}
	}
}

// issue: a select inside a function literal in a loop crashed the pass.
func selectInLit(ctx context.Context, jobs []int) {
	for _, j := range jobs {
		go func() {
			select {
			case <-ctx.Done():
			case <-time.After(time.Duration(j)):
			}
		}()
	}
	for {
		func() {
			select {
			case <-ctx.Done():
			default:
			}
		}()
		return
	}
}

// ok: the continue belongs to a loop inside the done case, not to the
// select's loop.
func doneDrains(ctx context.Context, jobs <-chan int, pending []int) error { // want doneDrains:"returns ctx error"
	for {
		select {
		case <-ctx.Done():
			for _, p := range pending {
				if p == 0 {
					continue
				}
				log.Print(p)
			}
			return ctx.Err()
		case j := <-jobs:
			log.Print(j)
		}
	}
}
