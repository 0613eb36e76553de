package handlers

import (
	"context"
	"net/http"
	"sync"
	"time"

	amqp "github.com/rabbitmq/amqp091-go"
	"golang.org/x/sync/errgroup"
)

// A goroutine per message is as unowned as one per request.
func Consume(deliveries <-chan amqp.Delivery) { // want Consume:"param 0: receives"
	for d := range deliveries {
		go handle(d) // want `fire-and-forget goroutine in per-message loop over amqp091 messages`
	}
}

func handle(d amqp.Delivery) {}

// A goroutine per tick.
func Ticks(ctx context.Context, t *time.Ticker) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			go func() {}() // want `fire-and-forget goroutine in per-tick loop`
		}
	}
}

// Joined by a done channel the goroutine closes: silent.
func DoneJoin(w http.ResponseWriter, r *http.Request) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = audit(r.Context(), "x")
	}()
	<-done
}

// Results read in a counted loop with no early exit: silent.
func Collect(ctx context.Context, urls []string) []string {
	results := make(chan string)
	for _, u := range urls {
		go func() {
			s, _ := fetch(ctx, u)
			results <- s
		}()
	}
	var out []string
	for range urls {
		out = append(out, <-results)
	}
	return out
}

// Batcher keeps an errgroup in a field; Flush waits through a helper it
// calls: silent.
type Batcher struct {
	g  errgroup.Group
	wg sync.WaitGroup
}

func (b *Batcher) Add(ctx context.Context, item string) {
	b.g.Go(func() error { return audit(ctx, item) })
	b.wg.Add(1)
	go func() {
		defer b.wg.Done()
		_ = audit(ctx, item)
	}()
}

func (b *Batcher) Flush() error {
	b.waitAll()
	return b.g.Wait()
}

func (b *Batcher) waitAll() { b.wg.Wait() }

// The done channel is closed on every path before returning: silent
// (the goroutine is joined by the WaitGroup).
func HeartbeatEveryPath(ctx context.Context, items []string) error {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		<-done
	}()
	for _, it := range items {
		if _, err := fetch(ctx, it); err != nil {
			close(done)
			wg.Wait()
			return err
		}
	}
	close(done)
	wg.Wait()
	return nil
}

// Indexer's errgroup is waited for only in a method nothing calls.
type Indexer struct{ g errgroup.Group }

func (x *Indexer) Index(ctx context.Context, doc string) {
	x.g.Go(func() error { return audit(ctx, doc) }) // want `\(\*errgroup.Group\).Go on x.g without a reachable x.g.Wait \(its only Wait is in \(\*handlers.Indexer\).drain, which nothing calls\)`
}

func (x *Indexer) drain() error { return x.g.Wait() }
