package done

import (
	"context"
	"log"
)

// A method reached through an interface it implements (here an embedded
// one, the shape of task types that share a base implementation), whose
// every call in the package passes a root with values added, drops no
// cancellation when it treats a failed step as "skip": nobody can cancel
// what it was given. One caller with a cancellable context, or the method
// taken as a value, keeps the report.

type nsTask interface {
	Resolve(ctx context.Context, id string) (string, bool, error)
}

type baseTask struct{}

type callerKey struct{}

func withCaller(ctx context.Context, name string) context.Context { // want withCaller:"adds values to ctx"
	return context.WithValue(ctx, callerKey{}, name)
}

// ok: every call (through nsTask, in activityTask and historyTask) passes
// withCaller(context.Background(), ...).
func (baseTask) Resolve(ctx context.Context, id string) (string, bool, error) {
	if _, err := fetchID(ctx, id); err != nil {
		log.Print("cannot sync, skipping: ", err)
		return "", false, nil
	}
	return id, true, nil
}

func fetchID(ctx context.Context, id string) (string, error) { return id, ctx.Err() } // want fetchID:"returns ctx error"

type activityTask struct{ nsTask }

func (t activityTask) Execute() error {
	_, ok, err := t.Resolve(withCaller(context.Background(), "activity"), "a")
	if err != nil || !ok {
		return err
	}
	return nil
}

type historyTask struct{ nsTask }

func (t historyTask) Execute() error {
	ctx := withCaller(context.Background(), "history")
	_, _, err := t.Resolve(ctx, "h")
	return err
}

func newTasks() []interface{ Execute() error } {
	return []interface{ Execute() error }{activityTask{baseTask{}}, historyTask{baseTask{}}}
}

// One caller passes its own context, which its caller may cancel.
type syncTask struct{}

func (syncTask) Resolve(ctx context.Context, id string) (string, bool, error) {
	if _, err := fetchID(ctx, id); err != nil {
		log.Print(err)
		return "", false, nil // want `Resolve returns a nil error when done.fetchID fails`
	}
	return id, true, nil
}

func runSync(ctx context.Context, t syncTask) error {
	_, _, err := t.Resolve(ctx, "s")
	return err
}

func runSyncBackground() error {
	_, _, err := syncTask{}.Resolve(context.Background(), "s")
	return err
}

var _ nsTask = syncTask{}

// The fixed form returns the error.
type syncTaskFixed struct{}

func (syncTaskFixed) Resolve(ctx context.Context, id string) (string, bool, error) {
	if _, err := fetchID(ctx, id); err != nil {
		return "", false, err
	}
	return id, true, nil
}

var _ nsTask = syncTaskFixed{}

// A method value: who calls it, with what, is unseen.
type lazyTask struct{}

func (lazyTask) Resolve(ctx context.Context, id string) (string, bool, error) {
	if _, err := fetchID(ctx, id); err != nil {
		return "", false, nil // want `Resolve returns a nil error when done.fetchID fails`
	}
	return id, true, nil
}

func resolver() func(context.Context, string) (string, bool, error) {
	_, _, _ = lazyTask{}.Resolve(context.Background(), "l")
	return lazyTask{}.Resolve
}

// A caller that declares the context first and assigns it later still
// passes a root nobody can cancel.
type pollTask struct{}

// ok: runPoll, its only caller, passes withCaller(context.Background(), ...).
func (pollTask) Resolve(ctx context.Context, id string) (string, bool, error) {
	if _, err := fetchID(ctx, id); err != nil {
		log.Print("cannot poll, skipping: ", err)
		return "", false, nil
	}
	return id, true, nil
}

func runPoll() error {
	var ctx context.Context
	ctx = withCaller(context.Background(), "poll")
	_, _, err := pollTask{}.Resolve(ctx, "p")
	return err
}

// A context that a range reassigns is not the root it was set to first:
// the caller's contexts may be cancelled.
type batchTask struct{}

func (batchTask) Resolve(ctx context.Context, id string) (string, bool, error) {
	if _, err := fetchID(ctx, id); err != nil {
		return "", false, nil // want `Resolve returns a nil error when done.fetchID fails`
	}
	return id, true, nil
}

func runBatch(ctxs []context.Context) {
	ctx := context.Background()
	_, _, _ = batchTask{}.Resolve(ctx, "first")
	for _, ctx = range ctxs {
		_, _, _ = batchTask{}.Resolve(ctx, "b")
	}
}

// The fixed form returns the error.
type batchTaskFixed struct{}

func (batchTaskFixed) Resolve(ctx context.Context, id string) (string, bool, error) {
	if _, err := fetchID(ctx, id); err != nil {
		return "", false, err
	}
	return id, true, nil
}

func runBatchFixed(ctxs []context.Context) {
	ctx := context.Background()
	for _, ctx = range ctxs {
		_, _, _ = batchTaskFixed{}.Resolve(ctx, "b")
	}
}
