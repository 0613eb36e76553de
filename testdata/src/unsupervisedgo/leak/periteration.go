package leak

import "context"

// Regression: a go in a loop whose channel is made in the same iteration
// has one sender per channel, not many: buffered(1) is enough. Silent.
func PerIteration(ctx context.Context, jobs []int) ([]int, error) {
	var out []int
	for range jobs {
		ch := make(chan int, 1)
		go func() {
			v, _ := compute(ctx)
			ch <- v
		}()
		select {
		case v := <-ch:
			out = append(out, v)
		case <-ctx.Done():
			return out, ctx.Err()
		}
	}
	return out, nil
}

// A channel made before the loop is shared by every iteration's sender.
func SharedAcrossIterations(ctx context.Context, jobs []int) (int, error) {
	ch := make(chan int, 1)
	for range jobs {
		go func() { // want `goroutine may block forever sending on ch: ch has room for 1 value only, one goroutine per loop iteration sends on it, and its launcher stops reading when the context is done`
			v, _ := compute(ctx)
			ch <- v
		}()
	}
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// The fixed form: room for every iteration's send.
func SharedAcrossIterationsFixed(ctx context.Context, jobs []int) (int, error) {
	ch := make(chan int, len(jobs))
	for range jobs {
		go func() {
			v, _ := compute(ctx)
			ch <- v
		}()
	}
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}
