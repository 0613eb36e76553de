package leak

import "context"

// An unbuffered future: a caller that drops it leaks the goroutine.
func Async(ctx context.Context) <-chan int {
	ch := make(chan int)
	go func() { // want `goroutine may block forever sending on ch: ch is unbuffered and Async returns it, so a caller that drops the channel or stops reading it leaks the goroutine; give the channel room for every send \(make\(chan T, 1\)\)`
		v, _ := compute(ctx)
		ch <- v
	}()
	return ch
}

// The fixed form, the future pattern: buffered(1), one send. Silent.
func AsyncFixed(ctx context.Context) <-chan int {
	ch := make(chan int, 1)
	go func() {
		v, _ := compute(ctx)
		ch <- v
	}()
	return ch
}

// Two sends on one path with room for one.
func AsyncTwice(ctx context.Context) chan int {
	ch := make(chan int, 1)
	go func() { // want `goroutine may block forever sending on ch: ch has room for 1 only and the goroutine sends up to 2 on one path and AsyncTwice returns it`
		ch <- 1
		ch <- 2
	}()
	return ch
}

// The fixed form: room for both.
func AsyncTwiceFixed(ctx context.Context) chan int {
	ch := make(chan int, 2)
	go func() {
		ch <- 1
		ch <- 2
	}()
	return ch
}

// A stream: the caller drains it by contract. Silent.
func Stream(ctx context.Context, n int) <-chan int {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for i := 0; i < n; i++ {
			ch <- i
		}
	}()
	return ch
}
