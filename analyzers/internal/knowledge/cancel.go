package knowledge

// ContextErrors are the sentinel errors of package context. Compare them
// with errors.Is: callers wrap them (%w, *url.Error, net.OpError, gRPC).
var ContextErrors = map[string]bool{
	"context.Canceled":         true,
	"context.DeadlineExceeded": true,
}

// ContextErrorSources are calls whose result is a context's error.
var ContextErrorSources = map[string]bool{
	"(context.Context).Err": true,
	"context.Cause":         true,
}

// ContextErrorTexts are the Error() texts of the context errors; matching
// them is fragile (wrapping changes the text).
var ContextErrorTexts = map[string]string{
	"context canceled":          "context.Canceled",
	"context deadline exceeded": "context.DeadlineExceeded",
}

// ContextOwners are calls that create a context the calling function owns.
var ContextOwners = map[string]bool{
	"context.WithCancel":        true,
	"context.WithCancelCause":   true,
	"context.WithTimeout":       true,
	"context.WithTimeoutCause":  true,
	"context.WithDeadline":      true,
	"context.WithDeadlineCause": true,
	"os/signal.NotifyContext":   true,
	"context.Background":        true,
	"context.TODO":              true,
	"context.WithoutCancel":     true,
}
