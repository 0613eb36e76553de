package stop

import "sync"

// A buffered channel used as a semaphore: the launcher acquires before
// each go statement, the goroutine releases. The release is matched by an
// earlier send, not by a close: silent.
func Bounded(items []int) {
	sem := make(chan struct{}, 4)
	var wg sync.WaitGroup
	for _, it := range items {
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			use(it)
		}()
	}
	wg.Wait()
}

// The same with the goroutine acquiring itself: silent.
func BoundedInside(items []int) {
	sem := make(chan struct{}, 4)
	var wg sync.WaitGroup
	for _, it := range items {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			use(it)
		}()
	}
	wg.Wait()
}
