package consumers

import "context"

type job struct{ id int }

type pool struct{ jobs chan job }

// Relay's range over a parameter channel leaves only when it is closed:
// the function is a worker, not per-operation, and the body runs per
// message.
func Relay(ctx context.Context, in <-chan job) {
	for j := range in { // want `per-message loop over a channel`
		_ = j
	}
}

// Process ranges over a field's channel and returns on ctx.Done or an
// error: still a worker.
func (p *pool) Process(ctx context.Context) error {
	for j := range p.jobs { // want `per-message loop over a channel`
		select {
		case <-ctx.Done():
			return ctx.Err()
		default:
		}
		if err := do(ctx, j); err != nil {
			return err
		}
	}
	return nil
}

func do(ctx context.Context, j job) error { return ctx.Err() } // want `per-operation function do`

// Await returns when its event arrives: a search, so per-operation.
func Await(ctx context.Context, in <-chan job, id int) bool { // want `per-operation function Await`
	for j := range in {
		if j.id == id {
			return true
		}
	}
	return false
}

// Sum ranges over a channel it made: a fan-in, so per-operation.
func Sum(ctx context.Context, jobs []job) int { // want `per-operation function Sum`
	out := make(chan int, len(jobs))
	for _, j := range jobs {
		out <- j.id
	}
	close(out)
	n := 0
	for v := range out {
		n += v
	}
	return n
}

// relayNoContext has no context: its channel loop is not a request path.
func relayNoContext(in <-chan job) {
	for j := range in {
		_ = j
	}
}
