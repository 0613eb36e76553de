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

// An exported function that takes a context and has no caller in the
// package is per-operation: other packages may call it per request. (One
// whose every in-package caller is startup code is startup code, exported
// or not: requestpool/behaviour's Warm.)
func Fetch(ctx context.Context) error { return nil } // want `per-operation function Fetch`
