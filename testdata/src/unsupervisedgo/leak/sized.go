package leak

import (
	"context"
	"errors"
)

func check(i int) error { return nil }

// Regression: eight goroutines, each sending at most once (the send in
// its loop is followed by return), on a channel with room for eight; the
// launcher polls it once. No send can block: silent.
func PollErrors() error {
	errCh := make(chan error, 8)
	for i := 0; i < 8; i++ {
		go func() {
			for j := 0; j < 100; j++ {
				if err := check(j); err != nil {
					errCh <- err
					return
				}
			}
		}()
	}
	select {
	case err := <-errCh:
		return err
	default:
		return nil
	}
}

// Regression: the count is a local defined once with a constant, and
// the launcher gives up on the context: silent.
func FirstError(ctx context.Context) error {
	workers := 4
	errCh := make(chan error, 4)
	for range workers {
		go func() {
			errCh <- check(0)
		}()
	}
	select {
	case err := <-errCh:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// More goroutines than room: reported.
func TooMany(ctx context.Context) error {
	errCh := make(chan error, 4)
	for i := 0; i < 5; i++ {
		go func() { // want `goroutine may block forever sending on errCh: errCh has room for 4 values only, one goroutine per loop iteration sends on it`
			errCh <- check(i)
		}()
	}
	select {
	case err := <-errCh:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Two sends per goroutine on one path: room for eight is not enough for
// eight goroutines.
func TwoEach(ctx context.Context) error {
	errCh := make(chan error, 8)
	for i := 0; i < 8; i++ {
		go func() { // want `goroutine may block forever sending on errCh: errCh has room for 8 values only, one goroutine per loop iteration sends on it`
			errCh <- check(i)
			errCh <- errors.New("done")
		}()
	}
	select {
	case err := <-errCh:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// The count changes in the loop: not constant, reported.
func Changing(ctx context.Context) error {
	n := 2
	errCh := make(chan error, 2)
	for i := 0; i < n; i++ {
		if i == 0 {
			n++
		}
		go func() { // want `goroutine may block forever sending on errCh`
			errCh <- check(i)
		}()
	}
	select {
	case err := <-errCh:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}
