// Package roots pins deliberate fresh root contexts on request paths
// (issue 15 item 1): the base of a shutdown deadline, and log calls that
// use a context only for values.
package roots

import (
	"context"
	"log/slog"
	"net/http"
	"time"
)

type exporter interface {
	Shutdown(ctx context.Context) error
}

// shutdownHook returns a per-call closure that stops exporters: its
// deadline must outlive the done context that triggered the shutdown.
func shutdownHook(exps []exporter) func(ctx context.Context) error {
	return func(ctx context.Context) error {
		sctx, cancel := context.WithTimeout(context.Background(), time.Second) // ok: a shutdown deadline
		defer cancel()
		for _, e := range exps {
			_ = e.Shutdown(sctx)
		}
		return nil
	}
}

// A fresh root for work is still reported.
func work(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second) // want `context.Background in net/http handler work, where the request context is available`
	defer cancel()
	_ = ctx
}

// workFixed is its fixed form.
func workFixed(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), time.Second) // ok
	defer cancel()
	_ = ctx
}

// Logging with a background context waits for nothing.
func logged(w http.ResponseWriter, r *http.Request) {
	slog.Default().LogAttrs(context.Background(), slog.LevelInfo, "served") // ok: values only
}
