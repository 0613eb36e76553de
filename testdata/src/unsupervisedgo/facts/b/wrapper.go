package b

import "context"

// GoSafe is a go wrapper: it is a per-operation function only because it
// takes a context, and its goroutine runs the caller's work. Not
// reported here; it exports a summary for its callers.
func GoSafe(ctx context.Context, fn func()) { // want GoSafe:`spawns unsupervised goroutine: go func literal`
	go func() {
		defer func() { _ = recover() }()
		fn()
	}()
}

// Process starts its own work: reported where it is.
func Process(ctx context.Context) {
	go deliver("x") // want `fire-and-forget goroutine in per-operation function Process`
}

// GoSafeRun hands the work to a function that runs it: the same shape.
func GoSafeRun(ctx context.Context, fn func()) { // want GoSafeRun:`spawns unsupervised goroutine: go b.runSafe`
	go runSafe(ctx, fn)
}

func runSafe(ctx context.Context, fn func()) {
	defer func() { _ = recover() }()
	fn()
}
