package helpers

import (
	"context"
	"net/http"
)

// Handler calls helpers; a goroutine literal is detached from the request.
func Handler(w http.ResponseWriter, r *http.Request) { // want `net/http handler Handler`
	a()
	go func() {
		b()
	}()
	defer c()
}

func a() { d() } // want `a, called from net/http handler Handler`
func b() {}
func c() {} // want `c, called from net/http handler Handler`
func d() {} // want `d, called from net/http handler Handler`

// Exported per-operation functions stay per-operation even if main-like
// code calls them, since other packages may call them per request.
func Fetch(ctx context.Context) error { return nil } // want `per-operation function Fetch`
