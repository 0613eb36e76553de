package leak

import "context"

type hooks struct{ onRetry func(int) }

func (h *hooks) register(f func(int)) { h.onRetry = f }

// Regression: a send inside a closure the goroutine merely registers (a
// hook, a handler) runs in whoever calls the hook, not in the goroutine:
// the goroutine itself sends once, and buffered(1) is enough. Silent.
func RegisteredHook(ctx context.Context, h *hooks) (int, error) {
	ch := make(chan int, 1)
	go func() {
		h.register(func(n int) {
			ch <- n
		})
		v, _ := compute(ctx)
		ch <- v
	}()
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// A closure the goroutine calls at once is part of it: two sends.
func CalledClosure(ctx context.Context) (int, error) {
	ch := make(chan int, 1)
	go func() { // want `goroutine may block forever sending on ch: ch has room for 1 value only, the goroutine sends up to 2 on one path`
		send := func(n int) { ch <- n }
		send(1)
		send(2)
	}()
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// The fixed form.
func CalledClosureFixed(ctx context.Context) (int, error) {
	ch := make(chan int, 2)
	go func() {
		send := func(n int) { ch <- n }
		send(1)
		send(2)
	}()
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}
