// Package a calls b's helpers; b's parameter facts say what they do.
package a

import (
	"context"
	"sync"
	"time"

	"unsupervisedgo/callee/b"
)

// b.Answer sends once on an unbuffered channel the launcher may stop
// reading.
func Get(ctx context.Context) (int, error) {
	ch := make(chan int)
	go b.Answer(ch) // want `goroutine may block forever sending on ch: ch is unbuffered and its launcher stops reading when the context is done`
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// The fixed form: room for the one send.
func GetFixed(ctx context.Context) (int, error) {
	ch := make(chan int, 1)
	go b.Answer(ch)
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// b.Pair may send twice; through a literal that calls it.
func GetPair(ctx context.Context) (int, error) {
	ch := make(chan int, 1)
	go func() { // want `goroutine may block forever sending on ch: ch has room for 1 value only, the goroutine sends up to 2 on one path, and its launcher stops reading when the context is done`
		b.Pair(ch, false)
	}()
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// The fixed form: room for both.
func GetPairFixed(ctx context.Context) (int, error) {
	ch := make(chan int, 2)
	go func() {
		b.Pair(ch, false)
	}()
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// b.Produce sends in a loop.
func First(ctx context.Context) (int, error) {
	ch := make(chan int, 1)
	go b.Produce(ch, 3) // want `goroutine may block forever sending on ch: ch has room for 1 value only, the goroutine sends in a loop, and its launcher stops reading when the context is done`
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// The fixed form: the launcher reads every value.
func FirstFixed() int {
	ch := make(chan int, 1)
	go b.Produce(ch, 3)
	sum := 0
	for i := 0; i < 3; i++ {
		sum += <-ch
	}
	return sum
}

// b.Observe only receives: nothing closes done.
func Watch() { // want Watch:"spawns unsupervised goroutine"
	done := make(chan struct{})
	go func() { // want `goroutine waits on done to stop, but nothing closes done: it can never stop and leaks`
		for {
			select {
			case <-done:
				return
			case <-time.After(time.Second):
			}
		}
	}()
	b.Observe(done)
}

// The fixed form: b.Finish closes done when Watch returns.
func WatchFixed() { // want WatchFixed:"spawns unsupervised goroutine"
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-done:
				return
			case <-time.After(time.Second):
			}
		}
	}()
	defer b.Finish(done)
}

// A channel b stores cannot be followed: silent.
func Kept(ctx context.Context) (int, error) {
	ch := make(chan int)
	b.Keep(ch)
	go b.Answer(ch)
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// b.Worker marks the WaitGroup done, and the launcher waits: silent.
func Fan() {
	var wg sync.WaitGroup
	wg.Add(2)
	go b.Worker(&wg)
	go b.Worker(&wg)
	wg.Wait()
}
