package knowledge

// Contexts are owned by the function that creates them (DESIGN.md,
// "Owner of a context"). The creators come in two kinds, which the passes
// must not confuse:
//
//   - ContextCancellers return a context together with a way to end it
//     (a cancel func, a deadline, a signal). The function that calls one
//     owns that context: it may return nil on its own shutdown, and
//     unsupervisedgo follows the cancel func it returns.
//   - ContextRoots return a context that is never cancelled. Calling one
//     makes nobody an owner of a cancellation: a loop under a root alone
//     cannot stop on shutdown.

// ContextCanceller describes a call that returns a cancellable context.
type ContextCanceller struct {
	// Cancel is the index of the result that cancels the context (a
	// cancel func), or -1 when something else ends it (a signal).
	Cancel int
}

// ContextCancellers are calls that create a context their caller can end.
var ContextCancellers = map[string]ContextCanceller{
	// The cancel func ends the context and its children.
	"context.WithCancel":      {Cancel: 1},
	"context.WithCancelCause": {Cancel: 1},
	// A deadline ends the context; the cancel func releases it earlier.
	"context.WithTimeout":       {Cancel: 1},
	"context.WithTimeoutCause":  {Cancel: 1},
	"context.WithDeadline":      {Cancel: 1},
	"context.WithDeadlineCause": {Cancel: 1},
	// The listed signals end the context; stop only unregisters them
	// (https://pkg.go.dev/os/signal#NotifyContext), it still cancels.
	"os/signal.NotifyContext": {Cancel: 1},
}

// ContextRoot describes a call that returns a context nobody cancels.
type ContextRoot struct {
	// Detaches is set for a root derived from a parent whose values it
	// keeps and whose cancellation it drops.
	Detaches bool
}

// ContextRoots are calls that return a context that is never cancelled.
var ContextRoots = map[string]ContextRoot{
	// The empty root of every context tree.
	"context.Background": {},
	// Background under another name, for code not yet given a context.
	"context.TODO": {},
	// Keeps the parent's values, drops its Done and deadline
	// (https://pkg.go.dev/context#WithoutCancel).
	"context.WithoutCancel": {Detaches: true},
}

// ContextValueWrapper describes a call that returns its parent context with
// values added: the result is cancelled exactly when the parent is.
type ContextValueWrapper struct {
	// Parent is the index of the parent context argument.
	Parent int
}

// ContextValueWrappers are calls that derive a context carrying values and
// nothing else: no cancel func, no deadline. A child of a root under them
// is still never cancelled.
var ContextValueWrappers = map[string]ContextValueWrapper{
	// https://pkg.go.dev/context#WithValue
	"context.WithValue": {Parent: 0},
	// gRPC metadata rides on context values:
	// https://pkg.go.dev/google.golang.org/grpc/metadata#NewIncomingContext
	"google.golang.org/grpc/metadata.NewIncomingContext":      {Parent: 0},
	"google.golang.org/grpc/metadata.NewOutgoingContext":      {Parent: 0},
	"google.golang.org/grpc/metadata.AppendToOutgoingContext": {Parent: 0},
	// OpenTelemetry spans and baggage:
	// https://pkg.go.dev/go.opentelemetry.io/otel/trace#ContextWithSpan
	"go.opentelemetry.io/otel/trace.ContextWithSpan":              {Parent: 0},
	"go.opentelemetry.io/otel/trace.ContextWithSpanContext":       {Parent: 0},
	"go.opentelemetry.io/otel/trace.ContextWithRemoteSpanContext": {Parent: 0},
	"go.opentelemetry.io/otel/baggage.ContextWithBaggage":         {Parent: 0},
}
