package done

import (
	"context"
	"errors"
	"net/http"
)

// issue 16 item 5: the other places a fresh error outlives its done branch.

func storeThroughPointer(ctx context.Context, errp *error) {
	if ctx.Err() != nil {
		*errp = errors.New("stopped") // want `storeThroughPointer stores in \*errp a fresh error when its context is done`
	}
}

func storeThroughPointerFixed(ctx context.Context, errp *error) {
	if ctx.Err() != nil {
		*errp = ctx.Err()
	}
}

func storeElement(ctx context.Context, errs []error) {
	if ctx.Err() != nil {
		errs[0] = errors.New("stopped") // want `storeElement stores in errs\[0\] a fresh error when its context is done`
	}
}

func storeElementFixed(ctx context.Context, errs []error) {
	if ctx.Err() != nil {
		errs[0] = ctx.Err()
	}
}

func storeCaptured(run func(func(context.Context))) error {
	var last error
	run(func(ctx context.Context) {
		if ctx.Err() != nil {
			last = errors.New("stopped") // want `stores in last a fresh error when its context is done`
		}
	})
	return last
}

func storeCapturedFixed(run func(func(context.Context))) error {
	var last error
	run(func(ctx context.Context) {
		if ctx.Err() != nil {
			last = ctx.Err()
		}
	})
	return last
}

// ok: the branch answers the request; the stored error is the response's.
func storeResponded(ctx context.Context, w http.ResponseWriter, j *job) {
	if ctx.Err() != nil {
		http.Error(w, "stopped", http.StatusServiceUnavailable)
		j.err = errors.New("stopped")
	}
}
