package compare

import (
	"context"
	"errors"
)

func fetch(ctx context.Context) error { return ctx.Err() } // want fetch:"returns ctx error"

func compareEq(ctx context.Context) error {
	err := fetch(ctx)
	if err == context.Canceled { // want `err == context.Canceled compares with context.Canceled by identity`
		return err
	}
	if err != context.DeadlineExceeded { // want `use !errors.Is\(err, context.DeadlineExceeded\)`
		return err
	}
	return nil
}

// ok: ctx.Err() returns the sentinel itself, so == is exact.
func compareCtxErr(ctx context.Context) bool {
	if ctx.Err() == context.Canceled {
		return true
	}
	err := ctx.Err()
	return err == context.DeadlineExceeded
}

// ok: errors.Is follows the wrap chain.
func compareIs(ctx context.Context) bool {
	return errors.Is(fetch(ctx), context.Canceled)
}

func compareSwitch(ctx context.Context) string {
	switch err := fetch(ctx); err {
	case nil:
		return "ok"
	case context.Canceled: // want `switch err \{ case context.Canceled: \} compares by identity`
		return "canceled"
	}
	return "failed"
}

// ok: an Is method compares its target by identity on purpose: errors.Is
// hands it the sentinel itself.
type timeoutErr struct{}

func (timeoutErr) Error() string        { return "timeout" }
func (timeoutErr) Is(target error) bool { return target == context.DeadlineExceeded }
