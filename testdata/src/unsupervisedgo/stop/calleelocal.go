package stop

// Regression: for go f(), a channel local to f whose partner is a
// goroutine inside f is f's own business: f's child closes it. Silent.
func waitForChild() {
	done := make(chan struct{})
	go func() {
		defer close(done)
		work()
	}()
	<-done
}

func StartChildWaiter() { // want StartChildWaiter:"spawns unsupervised goroutine: go stop.waitForChild"
	go waitForChild()
}

// A named function that waits on a channel nothing closes.
func waitForever() {
	done := make(chan struct{})
	go func() {
		work()
	}()
	<-done
}

func StartWaitForever() { // want StartWaitForever:"spawns unsupervised goroutine: go stop.waitForever"
	go waitForever() // want `goroutine waits on done to stop, but nothing closes done: it can never stop and leaks`
}

// The fixed form: the child closes done.
func waitForeverFixed() {
	done := make(chan struct{})
	go func() {
		defer close(done)
		work()
	}()
	<-done
}

func StartWaitForeverFixed() { // want StartWaitForeverFixed:"spawns unsupervised goroutine: go stop.waitForeverFixed"
	go waitForeverFixed()
}
