// Package leak holds goroutines that send on a channel their launcher may
// stop reading.
package leak

import (
	"context"
	"errors"
)

func compute(ctx context.Context) (int, error) { return 1, nil }

// Regression: sends on exclusive branches need room for one value, not
// for one per statement. Buffered(1) is enough: silent.
func ExclusiveSends(ctx context.Context) (int, error) {
	ch := make(chan int, 1)
	go func() {
		v, err := compute(ctx)
		if err != nil {
			ch <- -1
			return
		}
		ch <- v
	}()
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// Regression: the same with an if/else and a switch: silent.
func ExclusiveSendsSwitch(ctx context.Context, mode int) (int, error) {
	ch := make(chan int, 1)
	go func() {
		switch mode {
		case 0:
			ch <- 0
		case 1:
			ch <- 1
		default:
			if mode > 10 {
				ch <- 10
			} else {
				ch <- mode
			}
		}
	}()
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// Two sends on one path need room for two.
func TwoSends(ctx context.Context) (int, error) {
	ch := make(chan int, 1)
	go func() { // want `goroutine may block forever sending on ch: ch has room for 1 value only, the goroutine sends up to 2 on one path, and its launcher stops reading when the context is done`
		v, _ := compute(ctx)
		ch <- v
		ch <- v + 1
	}()
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// The fixed form: room for both sends.
func TwoSendsFixed(ctx context.Context) (int, error) {
	ch := make(chan int, 2)
	go func() {
		v, _ := compute(ctx)
		ch <- v
		ch <- v + 1
	}()
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// A send in a loop needs unbounded room.
func LoopSends(ctx context.Context, n int) (int, error) {
	ch := make(chan int, 1)
	go func() { // want `goroutine may block forever sending on ch: ch has room for 1 value only, the goroutine sends in a loop, and its launcher stops reading when the context is done`
		for i := 0; i < n; i++ {
			ch <- i
		}
	}()
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		return 0, errors.New("gave up")
	}
}

// The fixed form: every send also watches the context.
func LoopSendsFixed(ctx context.Context, n int) (int, error) {
	ch := make(chan int, 1)
	go func() {
		for i := 0; i < n; i++ {
			select {
			case ch <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		return 0, errors.New("gave up")
	}
}
