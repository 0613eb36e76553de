package compare

import (
	"context"
	"errors"
)

// Every error value may be wrapped, whatever its source (issue 16, item 1).

func param(err error) bool {
	return err == context.Canceled // want `err == context.Canceled compares with context.Canceled by identity`
}

func paramFixed(err error) bool {
	return errors.Is(err, context.Canceled)
}

type result struct{ err error }

func field(r result) bool {
	return r.err != context.DeadlineExceeded // want `r.err != context.DeadlineExceeded compares with context.DeadlineExceeded by identity`
}

func fieldFixed(r result) bool {
	return !errors.Is(r.err, context.DeadlineExceeded)
}

func elements(m map[string]error, s []error) bool {
	return m["a"] == context.Canceled || // want `m\["a"\] == context.Canceled compares`
		s[0] == context.Canceled // want `s\[0\] == context.Canceled compares`
}

func elementsFixed(m map[string]error, s []error) bool {
	return errors.Is(m["a"], context.Canceled) || errors.Is(s[0], context.Canceled)
}

func ranged(errs []error) int {
	n := 0
	for _, err := range errs {
		if err == context.Canceled { // want `err == context.Canceled compares`
			n++
		}
	}
	return n
}

func rangedFixed(errs []error) int {
	n := 0
	for _, err := range errs {
		if errors.Is(err, context.Canceled) {
			n++
		}
	}
	return n
}

func named(ctx context.Context) (err error) { // want named:"returns ctx error"
	defer func() {
		if err == context.Canceled { // want `err == context.Canceled compares`
			err = nil
		}
	}()
	return fetch(ctx)
}

func namedFixed(ctx context.Context) (err error) { // want namedFixed:"returns ctx error"
	defer func() {
		if errors.Is(err, context.Canceled) {
			err = nil
		}
	}()
	return fetch(ctx)
}

func captured(ctx context.Context, run func(func())) bool {
	err := fetch(ctx)
	done := false
	run(func() {
		done = err == context.Canceled // want `err == context.Canceled compares`
	})
	return done
}

// ok: errors.Is on the captured value.
func capturedFixed(ctx context.Context, run func(func())) bool {
	err := fetch(ctx)
	done := false
	run(func() {
		done = errors.Is(err, context.Canceled)
	})
	return done
}

func switchParam(err error) string {
	switch err {
	case context.Canceled: // want `switch err \{ case context.Canceled: \} compares by identity`
		return "canceled"
	}
	return ""
}

func switchParamFixed(err error) string {
	switch {
	case errors.Is(err, context.Canceled):
		return "canceled"
	}
	return ""
}

func reassigned(ctx context.Context) bool {
	err := ctx.Err()
	err = fetch(ctx)
	return err == context.Canceled // want `err == context.Canceled compares`
}

func unwrapped(err error) bool {
	return errors.Unwrap(err) == context.Canceled // want `errors.Unwrap\(err\) == context.Canceled compares`
}

// ok: provably the sentinel itself.
func ctxErrValues(ctx context.Context) bool {
	if err := ctx.Err(); err == context.Canceled {
		return true
	}
	cause := context.Cause(ctx)
	var err error
	if ctx.Done() != nil {
		err = ctx.Err()
	}
	check := func() bool { return err == context.DeadlineExceeded }
	return cause == context.DeadlineExceeded || check()
}

// ok: switch on ctx.Err().
func switchCtxErr(ctx context.Context) string {
	switch ctx.Err() {
	case context.Canceled:
		return "canceled"
	case context.DeadlineExceeded:
		return "deadline"
	}
	return ""
}

// ok: nil is not a wrapped error.
func nilCompare() bool {
	return nil == context.Canceled
}

type cancelled struct{}

func (cancelled) Error() string { return "cancelled" }

// ok: the target of an Is method is the sentinel errors.Is looks for.
func (cancelled) Is(target error) bool {
	return target == context.Canceled || target == context.DeadlineExceeded
}

func load(dst *error) {}

// Its address is taken, so err may hold anything.
func addressTaken(ctx context.Context) bool {
	err := ctx.Err()
	load(&err)
	return err == context.Canceled // want `err == context.Canceled compares`
}

// ok: context.Cause(ctx) is the cause itself.
func causeDirect(ctx context.Context) bool {
	return context.Cause(ctx) == context.Canceled
}

// Reassigned from a call, the cause variable may hold a wrapped error.
func causeReassigned(ctx context.Context) bool {
	c := context.Cause(ctx)
	c = fetch(ctx)
	return c == context.Canceled // want `c == context.Canceled compares`
}
