package a

import (
	"context"
	"errors"
)

// issue 16 item 3: a local predicate or filter is summarised like one in
// another package (unexported, so it exports no fact).

func isStop(err error) bool {
	return errors.Is(err, context.Canceled)
}

func localPredicateNil(ctx context.Context) error {
	if err := fetch(ctx); isStop(err) {
		return nil // want `localPredicateNil returns a nil error when its context is done`
	}
	return nil
}

func localPredicateNilFixed(ctx context.Context) error {
	if err := fetch(ctx); isStop(err) {
		return err
	}
	return nil
}

func dropCancel(err error) error {
	if isStop(err) {
		return nil
	}
	return err
}

func localFiltered(ctx context.Context) error {
	return dropCancel(fetch(ctx)) // want `localFiltered returns the result of a.dropCancel, which turns a context error into nil`
}

func localFilteredFixed(ctx context.Context) error { // want localFilteredFixed:"returns ctx error"
	return fetch(ctx)
}
