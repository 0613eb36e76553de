package b

import "sync/atomic"

// Workers hands work to a bounded set of worker goroutines; Do adds a
// worker when the others are busy. The workers leave when Stop closes
// stop.
type Workers struct {
	max  int64
	n    atomic.Int64
	work chan func()
	stop chan struct{}
}

func NewWorkers(max int64) *Workers { // want NewWorkers:`spawns unsupervised goroutine: go \(\*b.Workers\).run`
	w := &Workers{max: max, work: make(chan func()), stop: make(chan struct{})}
	w.n.Store(1)
	go w.run()
	return w
}

func (w *Workers) Do(f func()) {
	select {
	case w.work <- f:
		return
	default:
	}
	if n := w.n.Load(); n < w.max && w.n.CompareAndSwap(n, n+1) {
		go w.run()
	}
	select {
	case w.work <- f:
	case <-w.stop:
	}
}

func (w *Workers) run() {
	for {
		select {
		case <-w.stop:
			return
		case f := <-w.work:
			f()
		}
	}
}

func (w *Workers) Stop() { close(w.stop) }

// Spawner's workers have no stop: nothing of the type ends them.
type Spawner struct{ work chan func() }

func (s *Spawner) Do(f func()) { // want Do:`spawns unsupervised goroutine: go \(\*b.Spawner\).run`
	go s.run()
	s.work <- f
}

func (s *Spawner) run() {
	for f := range s.work {
		f()
	}
}
