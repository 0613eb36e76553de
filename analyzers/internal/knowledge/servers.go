package knowledge

// Servers and their stop methods, for the shutdown pass. Keys are
// (*types.Func).FullName strings.

// Server describes a method that serves (blocks accepting connections,
// updates or messages) until its receiver is stopped.
type Server struct {
	// What names the server for messages: "HTTP server".
	What string
	// Stops are the names of the receiver's methods that stop the serve
	// call (a graceful stop first). Empty when the serve call is stopped
	// through its context argument instead.
	Stops []string
	// Closed is the key of the sentinel error the serve call returns after
	// a stop ("net/http.ErrServerClosed"), or "" when it returns nil.
	Closed string
	// CtxArg is the index of the context argument that stops the serve
	// call when it is done, or -1.
	CtxArg int
	// OnListener marks a serve method that takes a listener its caller
	// already bound (and checked the error of): it cannot fail to listen,
	// so its error only reports a stop, or the listener's Close by its
	// owner.
	OnListener bool
}

// Servers lists the serve methods of known servers, bots and consumers.
var Servers = map[string]Server{
	// net/http: Shutdown drains in-flight requests; the serve methods then
	// return ErrServerClosed. https://pkg.go.dev/net/http#Server.Shutdown
	"(*net/http.Server).ListenAndServe":    {What: "HTTP server", Stops: []string{"Shutdown", "Close"}, Closed: "net/http.ErrServerClosed", CtxArg: -1},
	"(*net/http.Server).ListenAndServeTLS": {What: "HTTP server", Stops: []string{"Shutdown", "Close"}, Closed: "net/http.ErrServerClosed", CtxArg: -1},
	"(*net/http.Server).Serve":             {What: "HTTP server", Stops: []string{"Shutdown", "Close"}, Closed: "net/http.ErrServerClosed", CtxArg: -1, OnListener: true},
	"(*net/http.Server).ServeTLS":          {What: "HTTP server", Stops: []string{"Shutdown", "Close"}, Closed: "net/http.ErrServerClosed", CtxArg: -1, OnListener: true},
	// grpc: Serve returns nil after GracefulStop or Stop.
	// https://pkg.go.dev/google.golang.org/grpc#Server.Serve
	"(*google.golang.org/grpc.Server).Serve": {What: "gRPC server", Stops: []string{"GracefulStop", "Stop"}, CtxArg: -1, OnListener: true},
	// echo wraps an http.Server: Start returns http.ErrServerClosed after
	// Shutdown. https://pkg.go.dev/github.com/labstack/echo/v4#Echo.Start
	"(*github.com/labstack/echo/v4.Echo).Start":    {What: "echo server", Stops: []string{"Shutdown", "Close"}, Closed: "net/http.ErrServerClosed", CtxArg: -1},
	"(*github.com/labstack/echo/v4.Echo).StartTLS": {What: "echo server", Stops: []string{"Shutdown", "Close"}, Closed: "net/http.ErrServerClosed", CtxArg: -1},
	// fiber: Listen returns nil after Shutdown.
	// https://pkg.go.dev/github.com/gofiber/fiber/v2#App.Shutdown
	"(*github.com/gofiber/fiber/v2.App).Listen": {What: "fiber server", Stops: []string{"Shutdown", "ShutdownWithContext", "ShutdownWithTimeout"}, CtxArg: -1},
	// telebot: Start polls for updates until Stop.
	// https://pkg.go.dev/gopkg.in/telebot.v3#Bot.Start
	"(*gopkg.in/telebot.v3.Bot).Start": {What: "telebot bot", Stops: []string{"Stop"}, CtxArg: -1},
	// go-telegram/bot: Start(ctx) polls until ctx is done.
	// https://pkg.go.dev/github.com/go-telegram/bot#Bot.Start
	"(*github.com/go-telegram/bot.Bot).Start": {What: "Telegram bot", CtxArg: 0},
	// tgbotapi: the update goroutine runs until StopReceivingUpdates.
	// https://pkg.go.dev/github.com/go-telegram-bot-api/telegram-bot-api/v5#BotAPI.StopReceivingUpdates
	"(*github.com/go-telegram-bot-api/telegram-bot-api/v5.BotAPI).GetUpdatesChan": {What: "Telegram update loop", Stops: []string{"StopReceivingUpdates"}, CtxArg: -1},
}

// Unstoppable are calls that serve with no handle to stop them: the
// process can only be killed, so every deploy drops in-flight requests.
type Unstoppable struct {
	// Alternative says what to use instead.
	Alternative string
	// OnListener marks a call whose first argument is a listener: closing
	// that listener makes the call return, so a listener its owner closes
	// (or keeps where it can) is a handle to stop it.
	OnListener bool
}

// UnstoppableServers lists serve calls that cannot be shut down gracefully.
var UnstoppableServers = map[string]Unstoppable{
	// The package-level helpers build an http.Server nobody can reach.
	// https://pkg.go.dev/net/http#ListenAndServe
	"net/http.ListenAndServe":    {Alternative: "an http.Server whose Shutdown runs when the signal context is done"},
	"net/http.ListenAndServeTLS": {Alternative: "an http.Server whose Shutdown runs when the signal context is done"},
	// http.Serve returns when its listener is closed (without draining).
	"net/http.Serve": {Alternative: "an http.Server whose Shutdown runs when the signal context is done", OnListener: true},
	// gin's Run is http.ListenAndServe(addr, engine).
	// https://pkg.go.dev/github.com/gin-gonic/gin#Engine.Run
	"(*github.com/gin-gonic/gin.Engine).Run":    {Alternative: "an http.Server{Handler: engine} whose Shutdown runs when the signal context is done"},
	"(*github.com/gin-gonic/gin.Engine).RunTLS": {Alternative: "an http.Server{Handler: engine} whose Shutdown runs when the signal context is done"},
}

// GracefulStops are stop methods that take a context bounding the drain:
// called with a context that is already done they return at once and drop
// in-flight work. The value is the index of the context argument.
var GracefulStops = map[string]int{
	// https://pkg.go.dev/net/http#Server.Shutdown
	"(*net/http.Server).Shutdown": 0,
	// https://pkg.go.dev/github.com/labstack/echo/v4#Echo.Shutdown
	"(*github.com/labstack/echo/v4.Echo).Shutdown": 0,
	// https://pkg.go.dev/github.com/gofiber/fiber/v2#App.ShutdownWithContext
	"(*github.com/gofiber/fiber/v2.App).ShutdownWithContext": 0,
}
