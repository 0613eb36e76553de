// Package b has helpers that return their context's error; a loop in
// another package that logs and continues on them cannot stop.
package b

import (
	"context"
	"fmt"
)

// Poller waits for work with the context it was given at construction.
type Poller struct{ ctx context.Context }

func NewPoller(ctx context.Context) *Poller { return &Poller{ctx: ctx} }

// Next returns the poller's context error once it is done.
func (p *Poller) Next() (string, error) { // want Next:"returns ctx error: ctx.Err\\(\\)"
	if err := p.ctx.Err(); err != nil {
		return "", p.ctx.Err()
	}
	return "job", nil
}

// Wait wraps the context error with %w.
func Wait(ctx context.Context) error { // want Wait:"returns ctx error: ctx.Err\\(\\)"
	<-ctx.Done()
	return fmt.Errorf("wait: %w", ctx.Err())
}

// Again returns the result of Next, so it returns the context error too.
func (p *Poller) Again() (string, error) { // want Again:"returns ctx error: \\(\\*b.Poller\\).Next → ctx.Err\\(\\)"
	return p.Next()
}

// Plain never returns a context error.
func Plain() error { return nil }
