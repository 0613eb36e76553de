package leak

import (
	"context"
	"time"
)

func open() int { return 1 }

func warn(string) {}

// Regression: the timeout case only warns; the launcher then waits for
// the value anyway, so the send is always received: silent.
func SlowOpen() int {
	ch := make(chan int)
	go func() {
		ch <- open()
	}()
	select {
	case v := <-ch:
		return v
	case <-time.After(10 * time.Second):
		warn("still opening")
	}
	return <-ch
}

// Regression: two sends, one plain receive before the select and one
// after its timeout: silent.
func Steps() {
	ch := make(chan int)
	go func() {
		ch <- 1
		ch <- 2
	}()
	<-ch
	select {
	case <-time.After(time.Millisecond):
	case <-ch:
		warn("too early")
		return
	}
	<-ch
}

// Regression: a non-blocking poll followed by a blocking receive on
// every path that did not take the value: silent.
func Poll() {
	ch := make(chan struct{})
	go func() {
		open()
		ch <- struct{}{}
	}()
	select {
	case <-ch:
		warn("too early")
		return
	default:
	}
	open()
	<-ch
}

// The timeout case returns: the goroutine leaks.
func GiveUp() int {
	ch := make(chan int)
	go func() { // want `goroutine may block forever sending on ch: ch is unbuffered and its launcher stops reading`
		ch <- open()
	}()
	select {
	case v := <-ch:
		return v
	case <-time.After(time.Second):
		warn("giving up")
	}
	return 0
}

// The second receive is only on one path after the timeout.
func SometimesAgain(wait bool) int {
	ch := make(chan int)
	go func() { // want `goroutine may block forever sending on ch: ch is unbuffered and its launcher stops reading`
		ch <- open()
	}()
	select {
	case v := <-ch:
		return v
	case <-time.After(time.Second):
	}
	if wait {
		return <-ch
	}
	return 0
}

// After the poll, the launcher waits again but gives up when the
// context is done.
func PollThenSelect(ctx context.Context) int {
	ch := make(chan int)
	go func() { // want `goroutine may block forever sending on ch: ch is unbuffered and its launcher stops reading`
		ch <- open()
	}()
	select {
	case v := <-ch:
		return v
	default:
	}
	select {
	case v := <-ch:
		return v
	case <-ctx.Done():
		return 0
	}
}
