package stop

import "sync"

func resize(int) {}

// The start signal is closed on the first iteration of a loop that runs
// a constant number of times: it is closed on every path.
func StartOnFirst() {
	var wg sync.WaitGroup
	wg.Add(1)
	defer wg.Wait()
	started := make(chan struct{})
	go func() {
		defer wg.Done()
		<-started
	}()
	for i := range 100 {
		resize(i + 1)
		if i == 0 {
			close(started)
		}
	}
}

// The same with a three-clause loop starting at 1.
func StartOnFirstFor() {
	var wg sync.WaitGroup
	wg.Add(1)
	defer wg.Wait()
	started := make(chan struct{})
	go func() {
		defer wg.Done()
		<-started
	}()
	for i := 1; i <= 10; i++ {
		if i == 1 {
			close(started)
		}
		resize(i)
	}
}

// Closed on a later iteration of a loop that may run fewer times: the
// pass cannot tell that the close runs (the loop may even run zero
// times).
func StartOnLater(n int) {
	var wg sync.WaitGroup
	wg.Add(1)
	defer wg.Wait()
	started := make(chan struct{})
	go func() { // want `goroutine waits on started to stop, but started is not closed`
		defer wg.Done()
		<-started
	}()
	for i := range n {
		if i == 5 {
			close(started)
		}
	}
}

// A loop that may break before the close: not certain.
func StartAfterBreak(stop bool) {
	var wg sync.WaitGroup
	wg.Add(1)
	defer wg.Wait()
	started := make(chan struct{})
	go func() { // want `goroutine waits on started to stop, but started is not closed`
		defer wg.Done()
		<-started
	}()
	for i := range 3 {
		if stop {
			break
		}
		if i == 0 {
			close(started)
		}
	}
}
