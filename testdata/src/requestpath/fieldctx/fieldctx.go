// Package fieldctx pins where RequestContext finds the context of a type
// that keeps it in a field (context.TODO() marks the places asked about).
package fieldctx

import (
	"context"
	"net/http"
	"time"
)

type Worker struct {
	ctx   context.Context
	other context.Context // never waited on
}

func (w *Worker) Run() {
	_ = context.TODO() // want `ctx none`
	t := time.NewTicker(time.Minute)
	for {
		select {
		case <-w.ctx.Done():
			return
		case <-t.C:
			_ = context.TODO() // want `ctx w.ctx`
			w.step()
			func(ctx context.Context) {
				_ = context.TODO() // want `ctx ctx`
			}(nil)
			func(w *Worker) {
				_ = context.TODO() // want `ctx none`
			}(nil)
		}
	}
}

func (w *Worker) step() {
	_ = context.TODO() // want `ctx w.ctx`
}

func (w *Worker) idle() {
	_ = context.TODO() // want `ctx none`
}

// ServeHTTP's request context is r.Context(); helpers it calls are on its
// request path, where w.ctx is not the request's.
func (w *Worker) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
	_ = context.TODO() // want `ctx r.Context\(\)`
	w.helper()
}

func (w *Worker) helper() {
	_ = context.TODO() // want `ctx none`
}

// Generic types are matched by their origin.
type Pool[T any] struct {
	ctx   context.Context
	items chan T
}

func (p *Pool[T]) Run() {
	t := time.NewTicker(time.Minute)
	for {
		select {
		case <-p.ctx.Done():
			return
		case <-t.C:
			_ = context.TODO() // want `ctx p.ctx`
		}
	}
}

// Session's context is waited on only in a test: no evidence that the
// session runs under it.
type Session struct {
	ctx  context.Context
	stop chan struct{}
}

func (s *Session) Run() {
	t := time.NewTicker(time.Minute)
	for {
		select {
		case <-s.stop:
			return
		case <-t.C:
			_ = context.TODO() // want `ctx none`
		}
	}
}
