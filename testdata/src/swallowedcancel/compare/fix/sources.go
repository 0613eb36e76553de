package fix

import (
	"context"
	"errors"
)

// issue 16 item 1: the errors.Is rewrite for every source of the error.
func elems(m map[string]error, s []error, p error) bool {
	return m["a"] == context.Canceled || // want `use errors.Is`
		s[0] != context.DeadlineExceeded || // want `use !errors.Is`
		p == context.Canceled // want `use errors.Is`
}

func initSwitch(ctx context.Context) int {
	switch err := call(ctx); err {
	case context.Canceled: // want `switch err`
		return 1
	}
	return 0
}

type res struct{ err error }

// A switch on a field is reported, with no fix: the tag is no identifier.
func fieldSwitch(r res) int {
	switch r.err {
	case context.Canceled: // want `switch r.err`
		return 1
	}
	return 0
}

// ok: already errors.Is.
func elemsFixed(m map[string]error, p error) bool {
	return errors.Is(m["a"], context.Canceled) || errors.Is(p, context.Canceled)
}
