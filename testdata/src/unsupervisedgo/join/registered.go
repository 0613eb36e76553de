package join

import "net/http"

var hooks []func()

func onFinish(f func()) { hooks = append(hooks, f) }

// The goroutine only registers the hook that closes done; the handler
// waits for whoever runs the hook, not for the goroutine, which is left
// unjoined.
func Hook(w http.ResponseWriter, r *http.Request) {
	done := make(chan struct{})
	go func() { // want `fire-and-forget goroutine in net/http handler Hook`
		onFinish(func() { close(done) })
		work()
	}()
	<-done
}

// The fixed form: the goroutine closes done itself.
func HookFixed(w http.ResponseWriter, r *http.Request) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		work()
	}()
	<-done
}
