package knowledge

// ErrorConstructor describes a call that makes a new error value.
type ErrorConstructor struct {
	// Format is the index of the format argument whose %w verbs wrap the
	// operands after it, or -1 when the constructor cannot wrap: its
	// result never matches errors.Is against the error it replaces.
	Format int
}

// ErrorConstructors are calls that return a fresh error. Returned where
// ctx.Err() belongs, one loses the context error's identity unless its
// format wraps it with %w.
var ErrorConstructors = map[string]ErrorConstructor{
	// errors.New returns a new value that wraps nothing.
	"errors.New": {Format: -1},
	// fmt.Errorf wraps the operands of its %w verbs
	// (https://pkg.go.dev/fmt#Errorf); with %v or %s it keeps the text only.
	"fmt.Errorf": {Format: 0},
}

// ErrorTest describes a call that tests an error against a target through
// its wrap chain.
type ErrorTest struct {
	Err, Target int // argument indexes
}

// ErrorTests are calls that compare an error with a target the way
// wrapping requires. A test against a context error is a check of the
// context.
var ErrorTests = map[string]ErrorTest{
	// errors.Is follows Unwrap and Is methods (https://pkg.go.dev/errors#Is).
	"errors.Is": {Err: 0, Target: 1},
}

// ErrorsIs is the function the errors.Is suggested fixes call, by import
// path and name.
var ErrorsIs = struct{ Path, Name string }{Path: "errors", Name: "Is"}

// ErrorsIsNames are the names, in order of preference, under which a fix
// may import ErrorsIs.Path when the file does not import it yet: the
// second serves files where "errors" is taken (github.com/pkg/errors,
// a local variable).
var ErrorsIsNames = []string{"errors", "stderrors"}

// TextMatch describes a string function called as f(subject, text).
type TextMatch struct {
	Subject, Text int // argument indexes
}

// TextMatchers are string functions that, given err.Error() and the text of
// a context error, match an error by its message: wrapping and other
// messages make that fragile where errors.Is is exact.
var TextMatchers = map[string]TextMatch{
	// strings.Contains(err.Error(), "context canceled").
	"strings.Contains": {Subject: 0, Text: 1},
	// strings.HasPrefix(err.Error(), "context canceled"): a wrap prefixes it.
	"strings.HasPrefix": {Subject: 0, Text: 1},
	// strings.HasSuffix(err.Error(), "context canceled").
	"strings.HasSuffix": {Subject: 0, Text: 1},
	// strings.EqualFold(err.Error(), "context canceled"): == by another name.
	"strings.EqualFold": {Subject: 0, Text: 1},
}

// LeavingBuiltins are builtins after which a branch does not fall through:
// a branch that calls one leaves the loop as a return does.
var LeavingBuiltins = map[string]bool{
	"panic": true,
}

// ErrorSinks are calls that take an error parameter to wrap it into
// their result or to record it for people (traces, crash reports), not to
// hand it to code that decides on it: passing them a fresh error in a
// done branch is not reported as passing it on.
var ErrorSinks = map[string]bool{
	// errors.Join wraps its operands (https://pkg.go.dev/errors#Join).
	"errors.Join": true,
	// github.com/pkg/errors annotates the error it is given
	// (https://pkg.go.dev/github.com/pkg/errors#Wrap).
	"github.com/pkg/errors.Wrap":         true,
	"github.com/pkg/errors.Wrapf":        true,
	"github.com/pkg/errors.WithMessage":  true,
	"github.com/pkg/errors.WithMessagef": true,
	"github.com/pkg/errors.WithStack":    true,
	// Span.RecordError adds an event to the trace
	// (https://pkg.go.dev/go.opentelemetry.io/otel/trace#Span).
	"(go.opentelemetry.io/otel/trace.Span).RecordError": true,
	// sentry.CaptureException reports the error to Sentry
	// (https://pkg.go.dev/github.com/getsentry/sentry-go#CaptureException).
	"github.com/getsentry/sentry-go.CaptureException":        true,
	"(*github.com/getsentry/sentry-go.Hub).CaptureException": true,
}
