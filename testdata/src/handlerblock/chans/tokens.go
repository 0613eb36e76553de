package chans

import (
	"net/http"
	"os"
)

// limiter is a counting semaphore: its channel is filled with n tokens
// where it is made. A receive takes a token and waits only for another
// holder to put one back (a lock, like sync.Mutex); a send puts back the
// token a receive took and cannot block.
type limiter struct {
	tokens chan struct{}
}

func newLimiter(n int) *limiter {
	l := &limiter{tokens: make(chan struct{}, n)}
	for range n {
		l.tokens <- struct{}{}
	}
	return l
}

func (l *limiter) acquire() { <-l.tokens }
func (l *limiter) release() { l.tokens <- struct{}{} }

// ticket is the same semaphore with the field set after the make and a
// counted loop; its tokens are the value itself.
type ticket struct {
	ch chan *ticket
}

func newTicket(n int) *ticket {
	t := &ticket{}
	t.ch = make(chan *ticket, n)
	for i := 0; i < n; i++ {
		t.ch <- t
	}
	return t
}

// queue is a buffered hand-off to a worker, made but not filled: a send
// waits for the worker, which may be gone.
type queue struct {
	items chan string
}

func newQueue(n int) *queue {
	q := &queue{items: make(chan string, n)}
	q.items <- "first" // filled once, outside a loop: still a queue
	return q
}

func (q *queue) put(s string) { q.items <- s }

// backlog is a queue filled in a loop with the work it starts with: each
// send carries a different item, so it is no semaphore.
type backlog struct {
	jobs chan string
}

func newBacklog(initial []string) *backlog {
	b := &backlog{jobs: make(chan string, 2*len(initial))}
	for _, j := range initial {
		b.jobs <- j
	}
	return b
}

type Files struct {
	lim *limiter
	tk  *ticket
	q   *queue
	bl  *backlog
}

// Silent: the semaphores bound concurrency around the open, like a mutex.
func (f *Files) Open(w http.ResponseWriter, r *http.Request) {
	f.lim.acquire()
	fd, err := os.Open("data")
	f.lim.release()
	if err == nil {
		fd.Close()
	}
	tok := <-f.tk.ch
	tok.ch <- tok
	f.q.put("opened")   // want `calls \(\*chans.queue\).put → send to q.items in net/http handler \(\*Files\).Open`
	f.bl.jobs <- "more" // want `send to f.bl.jobs in net/http handler \(\*Files\).Open`
}
