package stop

import (
	"context"
	"net/http"
	"time"
)

type Loop struct {
	reload chan struct{} // nothing ever closes or sends on it
}

func NewLoop() *Loop { return &Loop{reload: make(chan struct{})} }

// Regression: the select has another case that exits (ctx.Done()), so
// the goroutine can stop although reload is never closed. Silent.
func (l *Loop) Run(ctx context.Context) { // want Run:"spawns unsupervised goroutine: go func literal"
	go func() {
		for {
			select {
			case <-l.reload:
				return
			case <-ctx.Done():
				return
			case <-time.After(time.Second):
				work()
			}
		}
	}()
}

// Regression: a registered handler's receive runs in the handler, not in
// the goroutine that registers it; the handler also watches its request
// context. Silent.
type Server struct {
	mux   *http.ServeMux
	ready chan struct{}
}

func NewServer() *Server { return &Server{mux: http.NewServeMux(), ready: make(chan struct{})} }

func (s *Server) Start(srv *http.Server) { // want Start:"spawns unsupervised goroutine: go func literal"
	go func() {
		s.mux.HandleFunc("/ready", func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-s.ready:
			case <-r.Context().Done():
			}
		})
		_ = srv.ListenAndServe()
	}()
}
