// Package confined holds blocking operations that no other goroutine can
// ever complete.
package confined

import (
	"context"
	"sync"
)

func work() int { return 1 }

// A channel declared with var and never made: the send blocks forever.
func NilSend() { // want NilSend:"spawns unsupervised goroutine: go func literal"
	var results chan int
	go func() {
		results <- work() // want `send on nil channel results blocks this goroutine forever: results is declared with var but never made or assigned; create it with make\(chan int\)`
	}()
}

// The fixed form: make the channel, and give it room.
func NilSendFixed() int {
	results := make(chan int, 1)
	go func() {
		results <- work()
	}()
	return <-results
}

// A nil channel in a select disables its case: the idiom stays silent.
func NilCase(ctx context.Context, in <-chan int) { // want NilCase:"param 1: receives"
	var out chan int
	var pending []int
	for {
		select {
		case v := <-in:
			pending = append(pending, v)
		case out <- 0:
		case <-ctx.Done():
			return
		}
	}
}

// A channel assigned later is not nil.
func Assigned(make1 bool) int {
	var ch chan int
	if make1 {
		ch = make(chan int, 1)
	}
	ch <- 1
	return <-ch
}

// select {} outside main parks the goroutine for good.
func Park() { // want Park:"spawns unsupervised goroutine: go func literal"
	go func() {
		work()
		select {} // want `select \{\} blocks this goroutine forever and nothing can stop it`
	}()
}

// The fixed form: wait for the context.
func ParkFixed(ctx context.Context) {
	work()
	<-ctx.Done()
}

// A WaitGroup with Add and Wait but no Done.
func NoDone() { // want NoDone:"spawns unsupervised goroutine: go func literal"
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			work()
		}()
	}
	wg.Wait() // want `wg.Wait blocks this goroutine forever: wg gets Add \(line \d+\) but nothing calls wg.Done; defer wg.Done\(\) in every goroutine it counts`
}

// The fixed form.
func NoDoneFixed() {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			work()
		}()
	}
	wg.Wait()
}

// wg.Go does its own Add and Done: silent.
func WithGo() {
	var wg sync.WaitGroup
	wg.Add(1)
	wg.Go(func() { work() })
	wg.Done()
	wg.Wait()
}

// Queue waits on a Cond that nothing signals.
type Queue struct {
	mu    sync.Mutex
	cond  *sync.Cond
	items []int
}

func NewQueue() *Queue {
	q := &Queue{}
	q.cond = sync.NewCond(&q.mu)
	return q
}

func (q *Queue) Pop() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 {
		q.cond.Wait() // want `q.cond.Wait blocks this goroutine forever: nothing calls q.cond.Signal or q.cond.Broadcast; call q.cond.Broadcast\(\) where the state it waits for changes`
	}
	v := q.items[0]
	q.items = q.items[1:]
	return v
}

func (q *Queue) Push(v int) {
	q.mu.Lock()
	q.items = append(q.items, v)
	q.mu.Unlock()
}

// The fixed form: Push signals.
type QueueFixed struct {
	mu    sync.Mutex
	cond  *sync.Cond
	items []int
}

func NewQueueFixed() *QueueFixed {
	q := &QueueFixed{}
	q.cond = sync.NewCond(&q.mu)
	return q
}

func (q *QueueFixed) Pop() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 {
		q.cond.Wait()
	}
	v := q.items[0]
	q.items = q.items[1:]
	return v
}

func (q *QueueFixed) Push(v int) {
	q.mu.Lock()
	q.items = append(q.items, v)
	q.mu.Unlock()
	q.cond.Signal()
}
