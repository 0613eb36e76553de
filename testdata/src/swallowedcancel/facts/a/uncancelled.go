package a

import (
	"context"
	"log"

	"swallowedcancel/facts/b"
)

// A function that treats the failure of a call given its context as
// "skip" loses no cancellation when every caller passes a context nobody
// cancels: here a root with a value added by a wrapper of another package
// (its valueCtxFact).

type syncer struct{}

func (syncer) refresh(ctx context.Context) error { return ctx.Err() } // want refresh:"returns ctx error"

// ok: both callers pass b.WithTenant(context.Background(), ...).
func (s syncer) lookup(ctx context.Context) (bool, error) {
	if err := s.refresh(ctx); err != nil {
		log.Print("refresh failed, skipping: ", err)
		return false, nil
	}
	return true, nil
}

func (s syncer) first() (bool, error) {
	return s.lookup(b.WithTenant(context.Background(), "t1"))
}

func (s syncer) second() (bool, error) {
	ctx := b.WithTenant(context.TODO(), "t2")
	return s.lookup(ctx)
}

// A caller that passes a context with a deadline keeps the report: the
// function returns nil when the deadline expires.
func (s syncer) budgeted(ctx context.Context) (bool, error) {
	if err := s.refresh(ctx); err != nil {
		log.Print(err)
		return false, nil // want `budgeted returns a nil error when a.syncer.refresh fails`
	}
	return true, nil
}

func (s syncer) runBudgeted() (bool, error) {
	return s.budgeted(b.WithBudget(context.Background()))
}

// The fixed form returns the error: silent whatever its callers pass.
func (s syncer) budgetedFixed(ctx context.Context) (bool, error) {
	if err := s.refresh(ctx); err != nil {
		return false, err
	}
	return true, nil
}

func (s syncer) runBudgetedFixed() (bool, error) {
	return s.budgetedFixed(b.WithBudget(context.Background()))
}
