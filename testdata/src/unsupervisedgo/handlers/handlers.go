// Package handlers holds goroutines started on request paths.
package handlers

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

func audit(ctx context.Context, what string) error          { return nil }
func fetch(ctx context.Context, url string) (string, error) { return "", nil }

// Fire-and-forget in a handler.
func Track(w http.ResponseWriter, r *http.Request) {
	go audit(context.Background(), "track") // want `fire-and-forget goroutine in net/http handler Track: nobody waits for it at shutdown`
}

// A context is not an owner.
func TrackCtx(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	go func() { // want `fire-and-forget goroutine in net/http handler TrackCtx: .*\(the context it is handed does not make it owned\)`
		_ = audit(ctx, "track")
	}()
}

// Reached through a local helper: reported at the go statement with the
// chain of the request path.
func Notify(w http.ResponseWriter, r *http.Request) {
	sendLater("hi")
}

func sendLater(msg string) {
	go audit(context.Background(), msg) // want `fire-and-forget goroutine in sendLater, called from net/http handler Notify`
}

// Joined with a WaitGroup: silent.
func FanOutWG(w http.ResponseWriter, r *http.Request) {
	var wg sync.WaitGroup
	for _, u := range []string{"a", "b"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, _ = fetch(r.Context(), u)
		}()
	}
	wg.Wait()
}

// Joined with wg.Go: silent.
func FanOutWGGo(w http.ResponseWriter, r *http.Request) {
	var wg sync.WaitGroup
	wg.Go(func() { _, _ = fetch(r.Context(), "a") })
	wg.Go(func() { _, _ = fetch(r.Context(), "b") })
	wg.Wait()
}

// Joined with errgroup: silent.
func FanOutErrgroup(w http.ResponseWriter, r *http.Request) {
	g, ctx := errgroup.WithContext(r.Context())
	for _, u := range []string{"a", "b"} {
		g.Go(func() error {
			_, err := fetch(ctx, u)
			return err
		})
	}
	if err := g.Wait(); err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
	}
}

// A worker handed the WaitGroup: silent.
func FanOutWorker(w http.ResponseWriter, r *http.Request) {
	var wg sync.WaitGroup
	wg.Add(2)
	go worker(r.Context(), &wg)
	go worker(r.Context(), &wg)
	wg.Wait()
}

func worker(ctx context.Context, wg *sync.WaitGroup) {
	defer wg.Done()
	_, _ = fetch(ctx, "w")
}

// errgroup Go without Wait.
func NoWaitErrgroup(w http.ResponseWriter, r *http.Request) {
	var g errgroup.Group
	g.Go(func() error { return audit(r.Context(), "x") }) // want `\(\*errgroup.Group\).Go on g without a reachable g.Wait`
}

// WaitGroup with Add/Done but no Wait.
func NoWaitWG(w http.ResponseWriter, r *http.Request) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // want `goroutine tracked by wg, but no reachable wg.Wait`
		defer wg.Done()
		_ = audit(r.Context(), "x")
	}()
}

// The future pattern: a buffer for the one send, read by the launcher.
func Future(w http.ResponseWriter, r *http.Request) {
	ch := make(chan string, 1)
	go func() {
		s, _ := fetch(r.Context(), "a")
		ch <- s
	}()
	select {
	case s := <-ch:
		_, _ = w.Write([]byte(s))
	case <-r.Context().Done():
	}
}

// An unbuffered future whose launcher gives up on the context.
func Leak(w http.ResponseWriter, r *http.Request) {
	ch := make(chan string)
	go func() { // want `goroutine may block forever sending on ch: ch is unbuffered and its launcher stops reading when the context is done`
		s, _ := fetch(r.Context(), "a")
		ch <- s
	}()
	select {
	case s := <-ch:
		_, _ = w.Write([]byte(s))
	case <-r.Context().Done():
	}
}

// A timeout.
func LeakTimeout(ctx context.Context) (string, error) {
	ch := make(chan string)
	go func() { // want `sending on ch: ch is unbuffered and its launcher stops reading on a timeout`
		s, _ := fetch(ctx, "a")
		ch <- s
	}()
	select {
	case s := <-ch:
		return s, nil
	case <-time.After(time.Second):
		return "", errors.New("timeout")
	}
}

// First error of a fan-out: the other senders block forever.
func FirstError(ctx context.Context, urls []string) error {
	errc := make(chan error)
	for _, u := range urls {
		go func() { // want `sending on errc: errc is unbuffered and its launcher stops reading when it returns early \(line \d+\)`
			_, err := fetch(ctx, u)
			errc <- err
		}()
	}
	for range urls {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

// The same fan-out with room for every send: silent.
func FirstErrorSized(ctx context.Context, urls []string) error {
	errc := make(chan error, len(urls))
	for _, u := range urls {
		go func() {
			_, err := fetch(ctx, u)
			errc <- err
		}()
	}
	for range urls {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

// A send in a select on ctx.Done(): silent.
func GuardedSend(ctx context.Context) (string, error) {
	ch := make(chan string)
	go func() {
		s, _ := fetch(ctx, "a")
		select {
		case ch <- s:
		case <-ctx.Done():
		}
	}()
	select {
	case s := <-ch:
		return s, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// An untracked goroutine inside a tracked one.
func Nested(w http.ResponseWriter, r *http.Request) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		go audit(context.Background(), "nested") // want `untracked goroutine inside a goroutine tracked by wg`
	}()
	wg.Wait()
}

// Inside an errgroup goroutine.
func NestedErrgroup(ctx context.Context) error {
	g, ctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		go audit(ctx, "nested") // want `untracked goroutine inside a goroutine tracked by g`
		return nil
	})
	return g.Wait()
}

// A done channel that an early return leaves open.
func Heartbeat(ctx context.Context, items []string) error {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // want `goroutine waits on done to stop, but done is not closed on the return at line \d+`
		defer wg.Done()
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	for _, it := range items {
		if _, err := fetch(ctx, it); err != nil {
			return err
		}
	}
	close(done)
	wg.Wait()
	return nil
}

// The same with a deferred stop and join: silent.
func HeartbeatDeferred(ctx context.Context, items []string) error {
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	defer func() {
		close(done)
		<-stopped
	}()
	for _, it := range items {
		if _, err := fetch(ctx, it); err != nil {
			return err
		}
	}
	return nil
}
