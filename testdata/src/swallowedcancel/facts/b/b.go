// Package b has helpers that return their context's error; a loop in
// another package that logs and continues on them cannot stop.
package b

import (
	"context"
	"errors"
	"fmt"
	"time"
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

// IsCtxErr is a predicate on context errors: calls of it count as
// errors.Is in every rule, in this package and in its importers.
func IsCtxErr(err error) bool { // want IsCtxErr:"tests for a ctx error"
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}

// IsCanceled tests inside an err != nil guard.
func IsCanceled(err error) bool { // want IsCanceled:"tests for a ctx error"
	if err != nil {
		return errors.Is(err, context.Canceled)
	}
	return false
}

// Stopping combines the guard and another predicate.
func Stopping(err error) bool { // want Stopping:"tests for a ctx error"
	return err != nil && IsCtxErr(err)
}

// Done tests the context itself.
func Done(ctx context.Context) bool { // want Done:"tests for a ctx error"
	return ctx.Err() != nil
}

// IgnoreCanceled is a filter: nil for a context error, the error otherwise.
func IgnoreCanceled(err error) error { // want IgnoreCanceled:"drops ctx errors"
	if IsCtxErr(err) {
		return nil
	}
	return err
}

// Temporary is no predicate: it tests another error.
func Temporary(err error) bool {
	return errors.Is(err, errTemporary)
}

var errTemporary = errors.New("temporary")

type tenantKey struct{}

// WithTenant adds a value to its context and nothing else: a child of a
// root under it is still never cancelled, in this package and in its
// importers.
func WithTenant(ctx context.Context, id string) context.Context { // want WithTenant:"adds values to ctx"
	return withKey(ctx, tenantKey{}, id)
}

func withKey(ctx context.Context, k, v any) context.Context { // want withKey:"adds values to ctx"
	return context.WithValue(ctx, k, v)
}

// WithBudget adds a deadline: its result is cancelled when it expires.
func WithBudget(ctx context.Context) context.Context {
	child, _ := context.WithTimeout(ctx, time.Second)
	return child
}
