package stop

import "net/http"

func cleanup() {}

// Modelled on caddy's reverseproxy streaming: the goroutine waits on a
// stop channel the handler closes in a defer, so it ends when the handler
// returns. Silent.
func Proxy(w http.ResponseWriter, r *http.Request) {
	closeCh := make(chan struct{})
	go func() {
		select {
		case <-closeCh:
		case <-r.Context().Done():
		}
		cleanup()
	}()
	defer close(closeCh)
	work()
}

// Without the deferred close, nothing bounds the goroutine by the
// handler: fire-and-forget.
func ProxyUnbounded(w http.ResponseWriter, r *http.Request) {
	closeCh := make(chan struct{})
	go func() { // want `fire-and-forget goroutine in net/http handler ProxyUnbounded`
		select {
		case <-closeCh:
		case <-r.Context().Done():
		}
		cleanup()
	}()
	work()
}
