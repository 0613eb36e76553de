package done

import "context"

// A non-nil check of a call's result (found, forwarded) is no error
// check: returning it with a nil error is the success path.

type Item struct{ ID string }

func lookup(ctx context.Context, id string) *Item {
	if ctx.Err() != nil {
		return nil
	}
	return &Item{ID: id}
}

func forward(ctx context.Context, id string) (*Item, error) { return lookup(ctx, id), ctx.Err() } // want forward:"returns ctx error"

// ok: the item was found.
func FindOrCreate(ctx context.Context, id string) (*Item, error) {
	if it := lookup(ctx, id); it != nil {
		return it, nil
	}
	return &Item{ID: id}, nil
}

// ok: err is handled first; a non-nil response is the forwarded answer.
func Dispatch2(ctx context.Context, id string) (*Item, error) {
	resp, err := forward(ctx, id)
	if err != nil {
		return nil, err
	}
	if resp != nil {
		return resp, nil
	}
	return &Item{}, nil
}

// The same call's error dropped with a nil return is still reported.
func DispatchDropped(ctx context.Context, id string) (*Item, error) {
	resp, err := forward(ctx, id)
	if err != nil {
		return nil, nil // want `DispatchDropped returns a nil error when done.forward fails`
	}
	return resp, nil
}
