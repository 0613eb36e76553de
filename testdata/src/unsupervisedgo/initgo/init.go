package initgo

import "time"

var cache = map[string]string{}

func init() {
	go func() { // want `goroutine started in init: it runs before main`
		for range time.Tick(time.Minute) {
			clear(cache)
		}
	}()
}

// A goroutine in a constructor is not on a request path: silent.
func NewJanitor() chan struct{} { // want NewJanitor:"spawns unsupervised goroutine: go func literal"
	stop := make(chan struct{})
	go func() {
		<-stop
	}()
	return stop
}
