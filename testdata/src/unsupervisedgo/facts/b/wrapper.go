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

// NotifierFn is a dependency the caller injects.
type NotifierFn func(ctx context.Context, id string) error

// NotifyIfChanged is not a go wrapper although its goroutine calls a func
// parameter: the callback is an injected dependency, called with values
// the function computes itself (a fresh context, a derived id), and the
// decision to start the goroutine is the function's own. One root cause,
// reported here once, not at each caller in every package.
func NotifyIfChanged(ctx context.Context, id string, changed bool, notify NotifierFn) {
	if !changed {
		return
	}
	key := "n/" + id
	go func() { // want `fire-and-forget goroutine in per-operation function NotifyIfChanged`
		_ = notify(context.Background(), key)
	}()
}

// GoSafeWith passes the caller's own inputs through: still a wrapper.
func GoSafeWith(ctx context.Context, id string, fn func(context.Context, string)) { // want GoSafeWith:`spawns unsupervised goroutine: go func literal`
	go func() {
		defer func() { _ = recover() }()
		fn(ctx, id)
	}()
}
