package done

import (
	"context"
	"errors"
	"fmt"
	"log"
)

// issue 16 item 5: a fresh error passed on to a call once ctx is done
// loses the cause as a returned one does.

type pending struct{ err error }

func (t *pending) fail(err error)                  { t.err = err }
func (t *pending) complete(v any, err error) error { t.err = err; return err }

func passFresh(ctx context.Context, t *pending, cb func(error)) {
	select {
	case <-ctx.Done():
		t.fail(errors.New("shutting down")) // want `passFresh passes t.fail a fresh error when ctx is done`
		cb(fmt.Errorf("canceled"))          // want `passFresh passes cb a fresh error when ctx is done`
	default:
	}
}

func passFreshFixed(ctx context.Context, t *pending, cb func(error)) {
	select {
	case <-ctx.Done():
		t.fail(ctx.Err())
		cb(fmt.Errorf("canceled: %w", ctx.Err()))
	default:
	}
}

func returnPassed(ctx context.Context, t *pending) error {
	if ctx.Err() != nil {
		return t.complete(nil, errors.New("stopped")) // want `returnPassed passes t.complete a fresh error when its context is done`
	}
	return nil
}

func returnPassedFixed(ctx context.Context, t *pending) error {
	if ctx.Err() != nil {
		return t.complete(nil, fmt.Errorf("stopped: %w", ctx.Err()))
	}
	return nil
}

func failAll(errs ...error) {}

func passVariadic(ctx context.Context) {
	if ctx.Err() != nil {
		failAll(errors.New("stopped")) // want `passVariadic passes failAll a fresh error when its context is done`
	}
}

func passVariadicFixed(ctx context.Context) {
	if ctx.Err() != nil {
		failAll(ctx.Err())
	}
}

// A zap-like field builder and a logr-like logger.
type field struct{ err error }

func errField(err error) field { return field{err} }

type logger struct{}

func (logger) Info(msg string, fields ...field)       {}
func (logger) Error(err error, msg string, kv ...any) {}
func (logger) Printf(format string, args ...any)      {}

// ok: loggers take the error as any, as a field, or beside ...any; the
// error is for people, not for a caller deciding on it.
func logFresh(ctx context.Context, l logger) {
	select {
	case <-ctx.Done():
		log.Print(errors.New("stopped"))
		fmt.Println(errors.New("stopped"))
		l.Printf("%v", errors.New("stopped"))
		l.Info("stopping", errField(errors.New("stopped")))
		l.Error(errors.New("stopped"), "stopping")
	default:
	}
}

// ok: a wrapper whose result is returned, and a call whose result is kept.
func wrapFresh(ctx context.Context, t *pending) error {
	if ctx.Err() != nil {
		err := t.complete(nil, errors.New("stopped"))
		_ = err
		return errors.Join(errors.New("stopped"))
	}
	return nil
}

// ok: outside any done branch a fresh error is an ordinary failure.
func passOutside(ctx context.Context, t *pending, n int) {
	if n < 0 {
		t.fail(errors.New("negative"))
	}
}

// ok: the owner of the context says why it stopped.
func passOwner(parent context.Context, t *pending) {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	<-ctx.Done()
	if ctx.Err() != nil {
		t.fail(errors.New("shut down"))
	}
}
