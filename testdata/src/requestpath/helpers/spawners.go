package helpers

import (
	"net/http"
	"sync"

	"golang.org/x/sync/errgroup"
)

// Spawning hands literals to spawners (errgroup's Go and TryGo,
// WaitGroup.Go): they run in goroutines of their own, so the functions they
// call get no request-path membership. A literal that runs in place passes
// membership on.
func Spawning(w http.ResponseWriter, r *http.Request) { // want `net/http handler Spawning`
	var g errgroup.Group
	g.Go(func() error { e(); return nil })
	g.TryGo(func() error { f(); return nil })
	var wg sync.WaitGroup
	wg.Go(func() { h() })
	wg.Wait()
	_ = g.Wait()
	inPlace(func() { k() })
}

func e() {} // ok: reached only from a literal handed to errgroup's Go
func f() {} // ok: likewise, TryGo
func h() {} // ok: likewise, WaitGroup.Go

func inPlace(fn func()) { fn() } // want `inPlace, called from net/http handler Spawning`
func k()                {}       // want `k, called from net/http handler Spawning`
