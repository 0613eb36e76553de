package chans

import (
	"context"
	"net/http"
)

// Drain is startup-named, but a request path calls it, so it is a request
// path too: the handler's call is reported, with the chain.
func (s *Server) Drain() {
	s.jobs <- Job{}
}

// fetchAsync starts the fetch and returns a future: a buffered result
// channel its goroutine always fills.
func fetchAsync(ctx context.Context, id int) <-chan string {
	res := make(chan string, 1)
	go func() { res <- "item" }()
	return res
}

// Silent: the future pattern; the result channel is buffered and always
// filled, so the receive waits only for the work the handler started.
func (s *Server) Item(w http.ResponseWriter, r *http.Request) {
	f := fetchAsync(r.Context(), 1)
	_ = <-f
	// Silent: a buffered channel the handler fills within its capacity.
	acks := make(chan int, 2)
	acks <- 1
	acks <- 2
	<-acks
}
