package done

import (
	"context"
	"log"
)

// issue 16 item 2: checks that notice the context is done and drop it.

func ineffectiveErr(ctx context.Context) error {
	if ctx.Err() != nil { // want `if ctx.Err\(\) != nil \{ ... \} notices that the context is done but neither returns nor passes the error on, and ineffectiveErr later returns nil`
		log.Print("stopping")
	}
	log.Print("flushing")
	return nil
}

func ineffectiveErrFixed(ctx context.Context) error { // want ineffectiveErrFixed:"returns ctx error"
	if ctx.Err() != nil {
		log.Print("stopping")
		return ctx.Err()
	}
	log.Print("flushing")
	return nil
}

func ineffectivePoll(ctx context.Context) error {
	select {
	case <-ctx.Done(): // want `case <-ctx.Done\(\) notices that the context is done`
		log.Print("stopping")
	default:
	}
	return nil
}

func ineffectivePollFixed(ctx context.Context) error { // want ineffectivePollFixed:"returns ctx error"
	select {
	case <-ctx.Done():
		log.Print("stopping")
		return ctx.Err()
	default:
	}
	return nil
}

// ok: the branch records the error for the return.
func recorded(ctx context.Context) (err error) {
	if ctx.Err() != nil {
		err = ctx.Err()
	}
	return err
}

// ok: the function returns the error later, not nil.
func laterErr(ctx context.Context) error { // want laterErr:"returns ctx error"
	if ctx.Err() != nil {
		log.Print("stopping")
	}
	return fetch(ctx)
}

type state struct{ err error }

// ok: the branch stores the error where the caller reads it.
func (s *state) stopping(ctx context.Context) error {
	if ctx.Err() != nil {
		s.err = ctx.Err()
	}
	return nil
}

// Inside a loop, a check that neither returns nor leaves the loop is
// ineffective as well.
func ineffectiveInLoop(ctx context.Context, items []int) error {
	for _, it := range items {
		if ctx.Err() != nil { // want `if ctx.Err\(\) != nil \{ ... \} notices that the context is done but neither returns nor passes the error on, and ineffectiveInLoop later returns nil`
			log.Print("stopping")
		}
		log.Print(it)
	}
	return nil
}

// ok: the branch leaves the loop.
func ineffectiveInLoopFixed(ctx context.Context, items []int) error {
	for _, it := range items {
		if ctx.Err() != nil {
			log.Print("stopping")
			break
		}
		log.Print(it)
	}
	return nil
}

// The check with the error in the if's init: the same drop.
func ineffectiveInit(ctx context.Context) error {
	if err := ctx.Err(); err != nil { // want `if err := ctx.Err\(\); err != nil \{ ... \} notices that the context is done but neither returns nor passes the error on, and ineffectiveInit later returns nil`
		log.Print("stopping")
	}
	log.Print("flushing")
	return nil
}

func ineffectiveInitFixed(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		log.Print("stopping")
		return err
	}
	log.Print("flushing")
	return nil
}

// ok: the error is passed on (here to a recorder), as with ctx.Err().
func ineffectiveInitRecorded(ctx context.Context, record func(error)) error {
	if err := ctx.Err(); err != nil {
		record(err)
	}
	return nil
}
