package loops

import (
	"context"
	"errors"
	"time"
)

type peers interface {
	Renew(ctx context.Context, url string) error
	URLs() []string
}

// Renew retries across peers until its context ends, pausing briefly
// between rounds: each round checks the context, so cancellation is seen
// within one pause.
func Renew(ctx context.Context, p peers) error {
	cctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	for cctx.Err() == nil {
		for _, u := range p.URLs() {
			if err := p.Renew(cctx, u); err == nil {
				return nil
			}
		}
		time.Sleep(50 * time.Millisecond) // ok: a throttle between checked rounds
	}
	for {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err := p.Renew(ctx, "leader"); err == nil {
			break
		}
		time.Sleep(100 * time.Millisecond) // ok: the round starts with the check
	}
	return errors.New("gave up")
}

// Still reported: a long pause, a computed backoff, and a loop that never
// checks its context.
func RenewSlowly(ctx context.Context, p peers, backoff time.Duration) {
	for ctx.Err() == nil {
		if p.Renew(ctx, "a") == nil {
			return
		}
		time.Sleep(10 * time.Second) // want `time.Sleep in per-operation function RenewSlowly`
	}
	for ctx.Err() == nil {
		if p.Renew(ctx, "b") == nil {
			return
		}
		time.Sleep(backoff) // want `time.Sleep in per-operation function RenewSlowly`
	}
	for i := 0; i < 3; i++ {
		if p.Renew(ctx, "c") == nil {
			return
		}
		time.Sleep(50 * time.Millisecond) // want `time.Sleep in per-operation function RenewSlowly`
	}
}
