// Package chans holds channel operations on request paths.
package chans

import (
	"context"
	"net/http"
	"time"
)

type Job struct{ ID int }

type Server struct {
	jobs    chan Job
	results chan string
	sem     chan struct{}
}

var events = make(chan string)

func (s *Server) Enqueue(w http.ResponseWriter, r *http.Request) {
	s.jobs <- Job{ID: 1} // want `send to s.jobs in net/http handler \(\*Server\).Enqueue: it blocks until a receiver is ready or the buffer has room, without watching the context, so a cancelled request keeps waiting and shutdown waits for it; use a select with a case <-ctx.Done\(\)`
	res := <-s.results   // want `receive from s.results in net/http handler \(\*Server\).Enqueue: it blocks until a value arrives`
	_ = res
	events <- "enqueued" // want `send to events in`

	// Good: the request context is watched.
	select {
	case s.jobs <- Job{ID: 2}:
	case <-r.Context().Done():
		return
	}
	// Good: non-blocking.
	select {
	case events <- "x":
	default:
	}
}

func (s *Server) Limited(w http.ResponseWriter, r *http.Request) {
	s.sem <- struct{}{} // want `send to s.sem in`
	defer func() { <-s.sem }()
	s.work(r.Context())
}

func (s *Server) work(ctx context.Context) {
	<-ctx.Done() // silent: this is the context
}

// Silent: channels the handler makes itself, with their other end here.
func (s *Server) FanOut(w http.ResponseWriter, r *http.Request) {
	ids := []int{1, 2, 3}
	out := make(chan int, len(ids))
	for _, id := range ids {
		out <- id
	}
	done := make(chan error, 1)
	go func() {
		done <- nil
		s.jobs <- Job{} // silent: in a goroutine
	}()
	_ = <-done
	timer := time.NewTimer(time.Second)
	defer timer.Stop()
	select {
	case <-timer.C:
	case <-r.Context().Done():
	}
}

// A parameter channel: its buffer and reader are the caller's, who may have
// given up, and Produce received a context to give up with (params.go).
func Produce(ctx context.Context, out chan<- int) {
	out <- 1 // want `send to out in per-operation function Produce \(it takes a context.Context\): it blocks until the caller's receiver is ready or the buffer has room, without watching the context`
}

// Silent: the fixed form.
func ProduceFixed(ctx context.Context, out chan<- int) error {
	select {
	case out <- 1:
	case <-ctx.Done():
		return ctx.Err()
	}
	return nil
}

// Silent: startup code.
func (s *Server) Run() {
	for j := range s.jobs {
		s.results <- "done"
		_ = j
	}
}

func (s *Server) Status(w http.ResponseWriter, r *http.Request) {
	s.notify() // want `calls \(\*chans.Server\).notify → send to events in net/http handler \(\*Server\).Status`
	s.Drain()  // want `calls \(\*chans.Server\).Drain → send to s.jobs in net/http handler \(\*Server\).Status`
}

func (s *Server) notify() {
	events <- "status" // reported at the handler's call, with the chain
}

type Pool struct {
	work chan Job
	quit chan struct{}
}

func (p *Pool) Submit(w http.ResponseWriter, r *http.Request) {
	select { // want `select on p.work, p.quit in net/http handler \(\*Pool\).Submit: it blocks until one of its channels is ready, without watching the context, so a cancelled request keeps waiting and shutdown waits for it; use a case <-ctx.Done\(\)`
	case p.work <- Job{}:
	case <-p.quit:
	}
	// Silent: the request context is one of the cases.
	select {
	case p.work <- Job{}:
	case <-p.quit:
	case <-r.Context().Done():
	}
	// Silent: a local channel is involved; its other end is right here.
	local := make(chan int, 1)
	local <- 1
	select {
	case <-local:
	case <-p.quit:
	}
}
