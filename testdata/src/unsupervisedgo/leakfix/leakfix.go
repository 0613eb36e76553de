package leakfix

import "context"

func compute(ctx context.Context) int { return 1 }

func Get(ctx context.Context) (int, error) {
	ch := make(chan int)
	go func() { // want `goroutine may block forever sending on ch`
		ch <- compute(ctx)
	}()
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// A returned unbuffered future: the fix buffers it for its one send.
func Async(ctx context.Context) <-chan int {
	ch := make(chan int)
	go func() { // want `goroutine may block forever sending on ch: ch is unbuffered and Async returns it`
		ch <- compute(ctx)
	}()
	return ch
}
