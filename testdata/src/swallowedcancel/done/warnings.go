package done

import "context"

// A best-effort call returns its failure, cancellation included, to the
// caller as a warning value in another result: nothing is dropped.

type Warnings []error

func (w Warnings) Add(err error) Warnings { return append(w, err) }

// ok: best effort, the error is returned as a warning value.
func (e *engine) WarnNames(ctx context.Context) ([]string, Warnings, error) {
	var w Warnings
	if err := fetch(ctx); err != nil {
		return nil, w.Add(err), nil
	}
	return []string{"a"}, w, nil
}

// The warnings are returned, but the error is not among them.
func (e *engine) WarnDropped(ctx context.Context) ([]string, Warnings, error) {
	var w Warnings
	if err := fetch(ctx); err != nil {
		return nil, w, nil // want `WarnDropped returns a nil error when done.fetch fails`
	}
	return []string{"a"}, w, nil
}
