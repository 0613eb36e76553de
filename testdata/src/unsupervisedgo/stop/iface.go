package stop

// Regression: the worker's stop method is called only through an
// interface the type implements; the registry stops every member
// through it. Silent.
type member interface {
	stop()
}

type worker struct {
	stopc chan struct{}
	in    chan int
}

func newWorker() *worker {
	w := &worker{stopc: make(chan struct{}), in: make(chan int)}
	go func() {
		for {
			select {
			case v := <-w.in:
				_ = v
			case <-w.stopc:
				return
			}
		}
	}()
	return w
}

func (w *worker) stop() { close(w.stopc) }

type Registry struct{ members []member }

func (r *Registry) Add() { r.members = append(r.members, newWorker()) } // want Add:"spawns unsupervised goroutine: stop.newWorker → go func literal"

func (r *Registry) Stop() {
	for _, m := range r.members {
		m.stop()
	}
}

// A type whose stop satisfies no interface the package calls: its stop
// is unreachable, and the goroutine is reported.
type idler struct {
	stopc chan struct{}
	in    chan int
}

func NewIdler() *idler { // want NewIdler:"spawns unsupervised goroutine: go func literal"
	w := &idler{stopc: make(chan struct{}), in: make(chan int)}
	go func() { // want `goroutine waits on w.stopc to stop, but nothing closes w.stopc \(only halt, which nothing calls, does\)`
		for {
			select {
			case v := <-w.in:
				_ = v
			case <-w.stopc:
				return
			}
		}
	}()
	return w
}

func (w *idler) halt() { close(w.stopc) }
