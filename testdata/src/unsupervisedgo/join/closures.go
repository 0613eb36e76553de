package join

import (
	"net/http"
	"sync"
)

// Regression: the goroutine runs a closure bound to a local variable,
// which defers wg.Done; the handler waits. Silent.
func Fanout(w http.ResponseWriter, r *http.Request) {
	parts := [][]int{{1}, {2}}
	var wg sync.WaitGroup
	wg.Add(len(parts))
	handle := func(p []int) {
		defer wg.Done()
		work()
	}
	for _, p := range parts {
		go handle(p)
	}
	wg.Wait()
}

// Regression: Done is handed to the goroutine as a cleanup callback that
// the closure it runs defers. Silent.
func Batch(w http.ResponseWriter, r *http.Request) {
	var wg sync.WaitGroup
	eval := func(i int, cleanup func()) {
		if cleanup != nil {
			defer cleanup()
		}
		work()
	}
	for i := range 3 {
		wg.Add(1)
		go eval(i, func() { wg.Done() })
	}
	eval(3, nil)
	wg.Wait()
}

// The same closure with nothing waiting for it: reported.
func FanoutForget(w http.ResponseWriter, r *http.Request) {
	handle := func(p int) {
		work()
	}
	go handle(1) // want `fire-and-forget goroutine in net/http handler FanoutForget`
}

// A callback that is not the tracker's Done: reported.
func BatchForget(w http.ResponseWriter, r *http.Request) {
	eval := func(cleanup func()) {
		defer cleanup()
		work()
	}
	go eval(func() { work() }) // want `fire-and-forget goroutine in net/http handler BatchForget`
}
