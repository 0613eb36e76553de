package knowledge

// Where a request's context lives, and how code loses it. Type keys are
// "path.Name" or "*path.Name" (see handlers.go); function keys are
// (*types.Func).FullName strings.

// RequestContext is how a handler reaches its request's context from one of
// its parameters.
type RequestContext struct {
	// Type is the parameter's type key.
	Type string
	// Accessor is appended to the parameter's name to get a
	// context.Context: r + ".Context()".
	Accessor string
}

// RequestContexts are the request-context accessors of the handler entries
// in handlers.go. A context.Context parameter is used as it is. The first
// parameter (innermost function first) that matches wins.
var RequestContexts = []RequestContext{
	// net/http, and chi and gorilla/mux, which register net/http handlers:
	// https://pkg.go.dev/net/http#Request.Context
	{Type: "*net/http.Request", Accessor: ".Context()"},
	// gin: the *http.Request is a field; *gin.Context's own Done is nil
	// unless ContextWithFallback is set (see FrameworkContexts).
	{Type: "*github.com/gin-gonic/gin.Context", Accessor: ".Request.Context()"},
	// echo v4 (interface Context) and v5 (struct *Context) both expose the
	// *http.Request through Request(): https://pkg.go.dev/github.com/labstack/echo/v4#Context
	{Type: "github.com/labstack/echo/v4.Context", Accessor: ".Request().Context()"},
	{Type: "*github.com/labstack/echo/v5.Context", Accessor: ".Request().Context()"},
	// fiber v2: UserContext is the context users set and cancel; fiber v3
	// renamed it to Context: https://docs.gofiber.io/next/whats_new#context
	{Type: "*github.com/gofiber/fiber/v2.Ctx", Accessor: ".UserContext()"},
	{Type: "github.com/gofiber/fiber/v3.Ctx", Accessor: ".Context()"},
}

// FrameworkContext is a framework type that implements context.Context but
// is not the request's context.
type FrameworkContext struct {
	// Why says, lowercase, why passing it as a context.Context is wrong.
	Why string
	// Accessor is appended to the value to get the request's context.
	Accessor string
}

// FrameworkContexts are keyed by type key.
var FrameworkContexts = map[string]FrameworkContext{
	// gin.Context implements context.Context, but its Done returns nil
	// unless Engine.ContextWithFallback is set:
	// https://pkg.go.dev/github.com/gin-gonic/gin#Context.Done
	"*github.com/gin-gonic/gin.Context": {
		Why:      "its Done channel is nil unless ContextWithFallback is set, so the callee is never cancelled",
		Accessor: ".Request.Context()",
	},
}

// MisuseKind classifies a call that detaches work from the request context.
type MisuseKind int

const (
	// FreshRoot is a call that returns a context no request cancels.
	FreshRoot MisuseKind = iota + 1
	// NoContextRequest builds an HTTP request with context.Background.
	NoContextRequest
	// DroppedCopy returns a copy carrying the context; discarding it
	// leaves the original without.
	DroppedCopy
)

// ContextMisuse describes one such call.
type ContextMisuse struct {
	Kind MisuseKind
	// Variant is the context-taking function of a NoContextRequest call,
	// with the context as first argument.
	Variant string
}

// ContextMisuses are keyed by function key.
var ContextMisuses = map[string]ContextMisuse{
	// Background and TODO are roots: nothing cancels them.
	// https://pkg.go.dev/context#Background
	"context.Background": {Kind: FreshRoot},
	"context.TODO":       {Kind: FreshRoot},
	// NewRequest uses context.Background:
	// https://pkg.go.dev/net/http#NewRequest
	"net/http.NewRequest": {Kind: NoContextRequest, Variant: "NewRequestWithContext"},
	// WithContext returns a shallow copy; the receiver is unchanged:
	// https://pkg.go.dev/net/http#Request.WithContext
	"(*net/http.Request).WithContext": {Kind: DroppedCopy},
}

// RequestType is the type of an HTTP request: a method Do taking only one
// of these sends it (http.Client, HTTPClient interfaces, wrappers).
const RequestType = "*net/http.Request"

// DoneChannels are calls that return a context's Done channel: a select
// with a case on one honours that context.
var DoneChannels = map[string]bool{
	"(context.Context).Done": true,
}

// ContextValueOnly are calls that use their context argument only for
// values (trace ids, log attributes), never to wait: a context.Background
// handed to one detaches nothing. https://pkg.go.dev/log/slog#Logger.LogAttrs
var ContextValueOnly = map[string]bool{
	"(*log/slog.Logger).Log":          true,
	"(*log/slog.Logger).LogAttrs":     true,
	"(*log/slog.Logger).DebugContext": true,
	"(*log/slog.Logger).InfoContext":  true,
	"(*log/slog.Logger).WarnContext":  true,
	"(*log/slog.Logger).ErrorContext": true,
	"(*log/slog.Logger).Enabled":      true,
	"log/slog.Log":                    true,
	"log/slog.LogAttrs":               true,
	"log/slog.DebugContext":           true,
	"log/slog.InfoContext":            true,
	"log/slog.WarnContext":            true,
	"log/slog.ErrorContext":           true,
}
