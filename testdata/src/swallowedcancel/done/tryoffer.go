package done

import "context"

// A try-send reports with its bool whether the value was handed over:
// false on expiry is the answer "not taken", not a success.

type task struct{ reply chan error }

// ok: ctx done before or after the hand-over: not matched.
func offer(ctx context.Context, tasks chan<- *task, t *task) (bool, error) {
	select {
	case tasks <- t:
		if t.reply != nil {
			select {
			case err := <-t.reply:
				return true, err
			case <-ctx.Done():
				return false, nil
			}
		}
		return false, nil
	case <-ctx.Done():
		return false, nil
	}
}

// A wait that answers true on ctx done claims what did not happen.
func offerClaimed(ctx context.Context, tasks chan<- *task, t *task) (bool, error) {
	select {
	case tasks <- t:
		return true, nil
	case <-ctx.Done():
		return true, nil // want `offerClaimed returns a nil error when ctx is done`
	}
}

// A receive with no hand-over: false is no "not taken".
func found(ctx context.Context, results <-chan *task) (bool, error) {
	select {
	case t := <-results:
		return t != nil, nil
	case <-ctx.Done():
		return false, nil // want `found returns a nil error when ctx is done`
	}
}
