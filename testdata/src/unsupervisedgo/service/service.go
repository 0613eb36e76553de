// Package service holds long-lived components whose goroutines are
// started in one method and joined in another.
package service

import (
	"context"
	"net/http"
	"sync"
	"time"
)

// Server splits Add, Done and Wait over Start, serve and Close: silent.
type Server struct {
	wg   sync.WaitGroup
	quit chan struct{}
}

func NewServer() *Server { return &Server{quit: make(chan struct{})} }

func (s *Server) Start() {
	s.wg.Add(1)
	go s.serve()
}

func (s *Server) serve() {
	defer s.wg.Done()
	for {
		select {
		case <-s.quit:
			return
		case <-time.After(time.Second):
		}
	}
}

func (s *Server) Close() {
	close(s.quit)
	s.wg.Wait()
}

// Pump's only Wait is in a method nothing calls.
type Pump struct {
	wg   sync.WaitGroup
	quit chan struct{}
}

func (p *Pump) Start() { // want Start:`spawns unsupervised goroutine: go \(\*service.Pump\).run`
	p.wg.Add(1)
	go p.run() // want `goroutine tracked by p.wg, but no reachable p.wg.Wait \(its only Wait is in \(\*service.Pump\).wait, which nothing calls\)`
}

func (p *Pump) run() {
	defer p.wg.Done()
	<-p.quit
}

func (p *Pump) Stop() { close(p.quit) }

func (p *Pump) wait() { p.wg.Wait() }

// Ticker uses a stop/stopped channel pair: silent.
type Ticker struct {
	stop    chan struct{}
	stopped chan struct{}
}

func (t *Ticker) Start() {
	t.stop = make(chan struct{})
	t.stopped = make(chan struct{})
	go func() {
		defer close(t.stopped)
		for {
			select {
			case <-t.stop:
				return
			case <-time.After(time.Second):
			}
		}
	}()
}

func (t *Ticker) Stop() {
	close(t.stop)
	<-t.stopped
}

// Group is a supervisor helper, recognised by its structure: silent, and
// so are the closures handed to it.
type Group struct{ wg sync.WaitGroup }

func (g *Group) spawn(f func()) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		f()
	}()
}

func (g *Group) Wait() { g.wg.Wait() }

type API struct{ bg *Group }

func (a *API) Refresh(w http.ResponseWriter, r *http.Request) {
	a.bg.spawn(func() { refresh() })
}

func refresh() {}

// An untracked goroutine inside a closure the supervisor runs.
func (a *API) RefreshAll(w http.ResponseWriter, r *http.Request) {
	a.bg.spawn(func() {
		go refresh() // want `untracked goroutine inside a goroutine tracked by supervisor a.bg.spawn`
	})
}

// Watcher's stop channel is never closed.
type Watcher struct{ stop chan struct{} }

func NewWatcher() *Watcher { // want NewWatcher:`spawns unsupervised goroutine: go \(\*service.Watcher\).loop`
	w := &Watcher{stop: make(chan struct{})}
	go w.loop() // want `goroutine waits on w.stop to stop, but nothing closes w.stop: it can never stop`
	return w
}

func (w *Watcher) loop() {
	for {
		select {
		case <-w.stop:
			return
		case <-time.After(time.Second):
		}
	}
}

// Poller keeps its cancel func in a field that nothing calls.
type Poller struct{ cancel context.CancelFunc }

func (p *Poller) Start() { // want Start:`spawns unsupervised goroutine: go \(\*service.Poller\).poll`
	ctx, cancel := context.WithCancel(context.Background())
	p.cancel = cancel
	go p.poll(ctx) // want `goroutine stops when p.cancel is called, but nothing calls p.cancel`
}

func (p *Poller) poll(ctx context.Context) {
	<-ctx.Done()
}

// Reloader calls its cancel func in Close: silent.
type Reloader struct {
	cancel context.CancelFunc
	done   chan struct{}
}

func (r *Reloader) Start() {
	var ctx context.Context
	ctx, r.cancel = context.WithCancel(context.Background())
	r.done = make(chan struct{})
	go func() {
		defer close(r.done)
		<-ctx.Done()
	}()
}

func (r *Reloader) Close() {
	r.cancel()
	<-r.done
}
