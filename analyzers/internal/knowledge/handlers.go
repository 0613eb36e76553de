package knowledge

// Type keys in this file: "path.Name" is a named type, "*path.Name" a
// pointer to one, "error" and "context.Context" what they say. Generic types
// match by origin: "*connectrpc.com/connect.Request" matches
// *connect.Request[T] for any T.

// HandlerFunc is a function shape that frameworks call once per request or
// message. A function, method or function literal whose parameters (and,
// unless AnyResults, results) match is a handler.
type HandlerFunc struct {
	Framework  string
	Params     []string
	Results    []string
	AnyResults bool
}

// HandlerFuncs are the built-in handler shapes.
var HandlerFuncs = []HandlerFunc{
	// http.HandlerFunc; also what chi and gorilla/mux register.
	{Framework: "net/http", Params: []string{"net/http.ResponseWriter", "*net/http.Request"}},
	// gin.HandlerFunc.
	{Framework: "gin", Params: []string{"*github.com/gin-gonic/gin.Context"}},
	// echo.HandlerFunc (v4: interface Context; v5: *Context).
	{Framework: "echo", Params: []string{"github.com/labstack/echo/v4.Context"}, Results: []string{"error"}},
	{Framework: "echo", Params: []string{"*github.com/labstack/echo/v5.Context"}, Results: []string{"error"}},
	// fiber.Handler (v2: *Ctx; v3: interface Ctx).
	{Framework: "fiber", Params: []string{"*github.com/gofiber/fiber/v2.Ctx"}, Results: []string{"error"}},
	{Framework: "fiber", Params: []string{"github.com/gofiber/fiber/v3.Ctx"}, Results: []string{"error"}},
	// connect-go unary and streaming handlers.
	{Framework: "connect", Params: []string{"context.Context", "*connectrpc.com/connect.Request"}, AnyResults: true},
	{Framework: "connect", Params: []string{"context.Context", "*connectrpc.com/connect.ClientStream"}, AnyResults: true},
	{Framework: "connect", Params: []string{"context.Context", "*connectrpc.com/connect.BidiStream"}, AnyResults: true},
	// nats.MsgHandler, called once per message of a subscription.
	{Framework: "nats", Params: []string{"*github.com/nats-io/nats.go.Msg"}},
	// telebot.HandlerFunc.
	{Framework: "telebot", Params: []string{"gopkg.in/telebot.v3.Context"}, Results: []string{"error"}},
	{Framework: "telebot", Params: []string{"gopkg.in/telebot.v4.Context"}, Results: []string{"error"}},
	// go-telegram/bot HandlerFunc.
	{Framework: "go-telegram/bot", Params: []string{"context.Context", "*github.com/go-telegram/bot.Bot", "*github.com/go-telegram/bot/models.Update"}},
}

// HandlerIface is an interface whose listed methods are called per request
// or message on every type that implements it.
type HandlerIface struct {
	Framework string
	Iface     string
	Methods   []string
}

// HandlerIfaces are the built-in handler interfaces.
var HandlerIfaces = []HandlerIface{
	{Framework: "net/http", Iface: "net/http.Handler", Methods: []string{"ServeHTTP"}},
	// ConsumeClaim runs per claim and loops over its messages; Setup and
	// Cleanup run once per session and are not request paths.
	{Framework: "sarama", Iface: "github.com/IBM/sarama.ConsumerGroupHandler", Methods: []string{"ConsumeClaim"}},
	{Framework: "sarama", Iface: "github.com/Shopify/sarama.ConsumerGroupHandler", Methods: []string{"ConsumeClaim"}},
}

// MessageElems are channel element types: the body of a loop that ranges
// over (or a select case that receives from) such a channel runs once per
// message. time.Time covers tickers (ticker.C, time.Tick).
var MessageElems = map[string]string{
	"github.com/rabbitmq/amqp091-go.Delivery":                   "amqp091",
	"github.com/streadway/amqp.Delivery":                        "amqp",
	"*github.com/IBM/sarama.ConsumerMessage":                    "sarama",
	"*github.com/Shopify/sarama.ConsumerMessage":                "sarama",
	"*github.com/nats-io/nats.go.Msg":                           "nats",
	"github.com/go-telegram-bot-api/telegram-bot-api/v5.Update": "tgbotapi",
	"time.Time": "tick",
}

// MessageReceivers are calls that fetch one message: a loop that calls one
// is a per-message loop (kafka-go and nats pull consumers).
var MessageReceivers = map[string]string{
	"(*github.com/segmentio/kafka-go.Reader).ReadMessage":           "kafka-go",
	"(*github.com/segmentio/kafka-go.Reader).FetchMessage":          "kafka-go",
	"(*github.com/nats-io/nats.go.Subscription).NextMsg":            "nats",
	"(*github.com/nats-io/nats.go.Subscription).NextMsgWithContext": "nats",
}

// Generated gRPC service code. protoc-gen-go-grpc writes, per service S,
// a Register<S>Server(registrar, S Server) function whose second parameter
// is the service interface (its implementations' methods are handlers),
// and placeholder types Unimplemented<S>Server and Unsafe<S>Server whose
// methods never serve: https://pkg.go.dev/google.golang.org/grpc/cmd/protoc-gen-go-grpc
const (
	// GRPCPackage is grpc-go's import path: a package that does not import
	// it declares no registration function.
	GRPCPackage = "google.golang.org/grpc"
	// GRPCRegisterPrefix and GRPCRegisterSuffix bracket the service name of
	// a registration function.
	GRPCRegisterPrefix = "Register"
	GRPCRegisterSuffix = "Server"
)

// GRPCRegistrars are the type keys of a registration function's first
// parameter (ServiceRegistrar since grpc-go 1.32; *Server before).
var GRPCRegistrars = []string{
	"google.golang.org/grpc.ServiceRegistrar",
	"*google.golang.org/grpc.Server",
}

// GRPCUnimplementedPrefix starts the name of the generated placeholder an
// implementation embeds: an embedded Unimplemented<S>Server marks its
// embedder as the service. GRPCStubPrefixes start the names of every
// generated placeholder type, whose own methods never serve.
const GRPCUnimplementedPrefix = "Unimplemented"

var GRPCStubPrefixes = []string{GRPCUnimplementedPrefix, "Unsafe"}

// StartupPrefixes are name prefixes of functions that build or start things
// once (constructors, Run/Serve/Start loops, setup). A function that takes a
// context.Context but has one of these names is not a per-operation
// function, unless a request path calls it.
var StartupPrefixes = []string{
	"New", "Must", "Start", "Startup", "Run", "Serve", "Listen", "Setup", "Init",
	"Provision", "Bootstrap", "Configure", "Register", "Main", "Open", "Connect",
	"Dial", "Load", "Build", "Launch", "Spawn", "Watch", "Loop", "Consume", "Work",
	"Worker", "Poll", "Listen",
	// Shutdown and cleanup run once and honour their own deadline.
	"Shutdown", "Close", "Stop", "Drain", "Wait", "Cleanup", "Teardown", "Exit",
}
