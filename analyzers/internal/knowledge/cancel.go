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

// ResponseWriters are calls that turn a cancellation into a protocol
// response: a handler that calls one of them in its ctx-done branch maps
// the cancellation at the boundary and may then return nil.
var ResponseWriters = map[string]bool{
	// net/http: the status is the response.
	"(net/http.ResponseWriter).WriteHeader": true,
	"net/http.Error":                        true,
	// gin: abort with a status (499/503/504 for a cancelled request).
	"(*github.com/gin-gonic/gin.Context).AbortWithStatus":     true,
	"(*github.com/gin-gonic/gin.Context).AbortWithStatusJSON": true,
	"(*github.com/gin-gonic/gin.Context).Status":              true,
	"(*github.com/gin-gonic/gin.Context).JSON":                true,
	// echo: the handler writes the response itself.
	"(github.com/labstack/echo/v4.Context).NoContent": true,
	"(github.com/labstack/echo/v4.Context).JSON":      true,
	// fiber: status sent to the client.
	"(*github.com/gofiber/fiber/v2.Ctx).SendStatus": true,
	// gRPC: a status error is the protocol's answer to cancellation.
	"google.golang.org/grpc/status.Error":  true,
	"google.golang.org/grpc/status.Errorf": true,
}
