// Package stop holds goroutines that wait for a stop signal.
package stop

import "time"

func work() {}

// Regression: the parent goroutine waits on a channel its own child
// closes. The child's close is the parent's partner, not the parent's own
// operation: silent.
func ChildCloses() { // want ChildCloses:"spawns unsupervised goroutine: go func literal"
	done := make(chan struct{})
	go func() {
		go func() {
			defer close(done)
			work()
		}()
		<-done
	}()
}

// Nobody closes quit: the goroutine can never stop.
func NeverClosed() { // want NeverClosed:"spawns unsupervised goroutine: go func literal"
	quit := make(chan struct{})
	go func() { // want `goroutine waits on quit to stop, but nothing closes quit: it can never stop and leaks`
		for {
			select {
			case <-quit:
				return
			case <-time.After(time.Second):
				work()
			}
		}
	}()
}

// The fixed form: the launcher closes quit when it is done.
func NeverClosedFixed(stop <-chan struct{}) { // want NeverClosedFixed:"spawns unsupervised goroutine: go func literal" NeverClosedFixed:"param 0: receives"
	quit := make(chan struct{})
	go func() {
		for {
			select {
			case <-quit:
				return
			case <-time.After(time.Second):
				work()
			}
		}
	}()
	<-stop
	close(quit)
}
