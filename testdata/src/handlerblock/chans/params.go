package chans

import (
	"context"
	"time"

	"golang.org/x/sync/errgroup"
)

// Channel parameters of per-operation functions (issue 15 items 5b, 5c): the
// function received a context, so it can give up when the caller does; its
// channel's other end is the caller's, and nothing says it is still there.

func Emit(ctx context.Context, out chan<- int) {
	out <- 1 // want `send to out in per-operation function Emit \(it takes a context.Context\): it blocks until the caller's receiver is ready or the buffer has room, without watching the context, so a cancelled request keeps waiting and shutdown waits for it; use a select with a case <-ctx.Done\(\)`
	out <- 2 // want `send to out in per-operation function Emit`
}

func Await(ctx context.Context, in <-chan string) (string, error) {
	v := <-in // want `receive from in in per-operation function Await \(it takes a context.Context\): it blocks until the caller's sender delivers a value, without watching the context`
	return v, nil
}

func (s *Server) push(ctx context.Context) {
	s.jobs <- Job{} // want `send to s.jobs in per-operation function \(\*Server\).push`
}

// The fixed forms: the context is watched, or the operation cannot wait.
func EmitFixed(ctx context.Context, out chan<- int) error {
	select {
	case out <- 1:
	case <-ctx.Done():
		return ctx.Err()
	}
	select {
	case out <- 2:
	default:
	}
	return nil
}

func AwaitFixed(ctx context.Context, in <-chan string) (string, error) {
	select {
	case v := <-in:
		return v, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

func (s *Server) pushFixed(ctx context.Context) error {
	select {
	case s.jobs <- Job{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Silent: channels the function makes itself (their other end is right
// here), and a timer raced against the context. (A bare <-ctx.Done() makes
// a function lifetime code, not per-operation: requestpath/behaviour.go.)
func Pace(ctx context.Context) {
	done := make(chan struct{})
	go func() {
		defer close(done)
	}()
	<-done
	res := make(chan int, 1)
	res <- 1
	<-res
	select {
	case <-ctx.Done():
	case <-time.After(time.Second):
	}
}

// A tick parameter is a wait like time.Sleep.
func Tick(ctx context.Context, tick <-chan time.Time) {
	<-tick // want `receive from tick in per-operation function Tick`
}

// Silent: a function with no context to watch (it is on no request path).
func Forward(out chan<- int) {
	out <- 1
}

// Silent: a worker started as a goroutine in this package (its blocking is
// unsupervisedgo's concern, judged with its launcher).
func (s *Server) feed(ctx context.Context, out chan<- Job) {
	out <- Job{}
}

// Silent: a stage handed to errgroup's Go, through a literal.
func stage(ctx context.Context, in <-chan int, out chan<- int) {
	v := <-in
	out <- v
}

// Silent: a function taken as a value; its callers are unseen.
func relay(ctx context.Context, out chan<- int) {
	out <- 1
}

func (s *Server) Pipeline(ctx context.Context) {
	jobs := make(chan Job)
	go s.feed(ctx, jobs)
	in, out := make(chan int), make(chan int)
	g, ctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		stage(ctx, in, out)
		return nil
	})
	run(ctx, relay)
}

func run(ctx context.Context, f func(context.Context, chan<- int)) {}

// Silent: a stage started as a goroutine through an interface.
type sink interface {
	deliver(ctx context.Context, out chan<- Job)
}

type mailer struct{}

func (mailer) deliver(ctx context.Context, out chan<- Job) {
	out <- Job{}
}

func Dispatch(ctx context.Context, s sink) {
	out := make(chan Job)
	go s.deliver(ctx, out)
	_ = mailer{}
}

// Silent: the caller gives a buffered channel (a future: one send, one
// reader), so the send finds room.
func compute(ctx context.Context, res chan<- int) {
	res <- 42
}

func Compute(ctx context.Context) int {
	res := make(chan int, 1)
	compute(ctx, res)
	return <-res
}

// Silent: the caller starts the other end before it calls the function.
func produce(ctx context.Context, out chan<- int) {
	out <- 1
}

func consume(in <-chan int) {
	for range in {
	}
}

func Stream(ctx context.Context) {
	out := make(chan int)
	go consume(out)
	produce(ctx, out)
	close(out)
}

// Reported: the caller hands on a channel whose other end it does not show.
func produceTo(ctx context.Context, out chan<- int) {
	out <- 1 // want `send to out in per-operation function produceTo`
}

func StreamTo(ctx context.Context, out chan<- int) {
	produceTo(ctx, out)
}

// Silent: the function hands the channel to a goroutine it starts, which
// is the other end.
func Collect(ctx context.Context, errc chan error) error {
	go func() { errc <- nil }()
	return <-errc
}

// Silent: the parameter is replaced (a nil channel disables a case).
func Toggle(ctx context.Context, in <-chan int) int {
	if in == nil {
		in = make(chan int, 1)
	}
	return <-in
}

// Silent: the operations run in a literal, which may run later or never.
func Later(ctx context.Context, out chan<- int) func() {
	return func() { out <- 1 }
}

// Silent, a known miss: ranging over a parameter channel waits for its
// producer to close it, and a stage that does so lives as long as its
// input; what it sends per value is judged as above.
func Sum(ctx context.Context, in <-chan int) int {
	n := 0
	for v := range in {
		n += v
	}
	return n
}

// Silent: a worker loop whose exits are the context's (not a per-operation
// function; its per-message code is judged as a loop body).
func Pump(ctx context.Context, in <-chan int, out chan<- int) {
	for {
		select {
		case <-ctx.Done():
			return
		case v := <-in:
			out <- v
		}
	}
}
