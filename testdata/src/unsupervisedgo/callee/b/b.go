// Package b holds helpers whose operations on their channel and
// WaitGroup parameters travel to callers as facts.
package b

import (
	"context"
	"sync"
)

// Answer sends once on its parameter.
func Answer(ch chan<- int) { // want Answer:"param 0: sends"
	ch <- 42
}

// Produce sends in a loop.
func Produce(ch chan<- int, n int) { // want Produce:`param 0: sends \(in a loop\)`
	for i := 0; i < n; i++ {
		ch <- i
	}
}

// Pair sends twice on one path, once on the other.
func Pair(ch chan<- int, one bool) { // want Pair:`param 0: sends \(2 on one path\)`
	if one {
		ch <- 1
		return
	}
	ch <- 1
	ch <- 2
}

// Finish closes its parameter.
func Finish(done chan struct{}) { // want Finish:"param 0: closes"
	close(done)
}

// Observe only receives from its parameter.
func Observe(done <-chan struct{}) { // want Observe:"param 0: receives"
	<-done
}

// Worker marks the WaitGroup done.
func Worker(wg *sync.WaitGroup) { // want Worker:"param 0: calls Done"
	defer wg.Done()
}

// Forward reaches the send through a local helper.
func Forward(ch chan<- int) { // want Forward:"param 0: sends"
	relay(ch)
}

func relay(ch chan<- int) { ch <- 1 }

// CloseLater closes its parameter in a goroutine it starts.
func CloseLater(done chan struct{}) { // want CloseLater:"param 0: closes in a goroutine"
	go func() { close(done) }()
}

var sink chan<- int

// Keep stores its parameter: callers cannot follow it, so no fact.
func Keep(ch chan<- int) { sink = ch }

// Watch starts a goroutine that stops only when the returned func is
// called.
func Watch(ctx context.Context) (<-chan int, func()) { // want Watch:"result 1 stops the goroutine it starts"
	ctx, cancel := context.WithCancel(ctx)
	ch := make(chan int, 1)
	go func() {
		<-ctx.Done()
		close(ch)
	}()
	return ch, cancel
}
