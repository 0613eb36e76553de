package join

import (
	"net/http"
	"sync"
)

// Regression: the helper announces each goroutine on the server's
// WaitGroup before starting it; the functions its callers hand it call
// Done, and Shutdown waits. Silent.
type Hub struct {
	mu      sync.Mutex
	running bool
	grWG    sync.WaitGroup
}

func (h *Hub) startRoutine(f func()) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.running {
		return false
	}
	h.grWG.Add(1)
	go func() {
		f()
	}()
	return true
}

func (h *Hub) Shutdown() { h.grWG.Wait() }

func (h *Hub) Serve(w http.ResponseWriter, r *http.Request) {
	h.startRoutine(func() {
		defer h.grWG.Done()
		work()
	})
}

// The same helper without the Add: nothing tracks the goroutine.
type Relay struct{}

func (x *Relay) startRoutine(f func()) {
	go func() { // want `fire-and-forget goroutine in \(\*Relay\).startRoutine, called from net/http handler`
		f()
	}()
}

func (x *Relay) Serve(w http.ResponseWriter, r *http.Request) {
	x.startRoutine(func() { work() })
}

// An Add whose Wait nothing reaches.
type Bus struct{ wg sync.WaitGroup }

func (b *Bus) startRoutine(f func()) {
	b.wg.Add(1)
	go func() { // want `goroutine tracked by b.wg, but no reachable b.wg.Wait`
		f()
	}()
}

func (b *Bus) Serve(w http.ResponseWriter, r *http.Request) {
	b.startRoutine(func() { defer b.wg.Done(); work() })
}
