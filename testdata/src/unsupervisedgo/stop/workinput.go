package stop

import "errors"

func use(int) {}

// Regression: the work case processes a value and loops; it is a work
// input, not the stop signal. quit, which is closed on every path, is
// the stop signal. Silent.
func Process(items []int) { // want Process:"spawns unsupervised goroutine: go func literal"
	work := make(chan int)
	quit := make(chan struct{})
	go func() {
		for {
			select {
			case v := <-work:
				use(v)
			case <-quit:
				return
			}
		}
	}()
	for _, it := range items {
		work <- it
	}
	close(quit)
}

// The stop signal itself is left open on an early return.
func ProcessEarly(items []int) error { // want ProcessEarly:"spawns unsupervised goroutine: go func literal"
	work := make(chan int)
	quit := make(chan struct{})
	go func() { // want `goroutine waits on quit to stop, but quit is not closed on the return at line \d+`
		for {
			select {
			case v := <-work:
				use(v)
			case <-quit:
				return
			}
		}
	}()
	for _, it := range items {
		if it < 0 {
			return errors.New("negative item")
		}
		work <- it
	}
	close(quit)
	return nil
}

// The fixed form: defer close(quit).
func ProcessEarlyFixed(items []int) error { // want ProcessEarlyFixed:"spawns unsupervised goroutine: go func literal"
	work := make(chan int)
	quit := make(chan struct{})
	go func() {
		for {
			select {
			case v := <-work:
				use(v)
			case <-quit:
				return
			}
		}
	}()
	defer close(quit)
	for _, it := range items {
		if it < 0 {
			return errors.New("negative item")
		}
		work <- it
	}
	return nil
}
