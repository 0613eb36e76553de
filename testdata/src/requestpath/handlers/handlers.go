package handlers

import (
	"context"
	"net/http"

	"connectrpc.com/connect"
	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
	"github.com/gofiber/fiber/v2"
	"github.com/gorilla/mux"
	"github.com/labstack/echo/v4"
	"github.com/nats-io/nats.go"
	tele "gopkg.in/telebot.v3"
)

func GetUser(w http.ResponseWriter, r *http.Request) { // want `net/http handler GetUser`
	render(w)
}

// render is reached only from a handler.
func render(w http.ResponseWriter) {} // want `render, called from net/http handler GetUser`

type API struct{}

func (a *API) ServeHTTP(w http.ResponseWriter, r *http.Request) {} // want `net/http handler \(\*API\).ServeHTTP`

func (a *API) List(w http.ResponseWriter, r *http.Request) {} // want `net/http handler \(\*API\).List`

func Routes(a *API) http.Handler {
	m := http.NewServeMux()
	m.HandleFunc("/x", func(w http.ResponseWriter, r *http.Request) {}) // want `net/http handler func literal`
	c := chi.NewRouter()
	c.Get("/y", func(w http.ResponseWriter, r *http.Request) {}) // want `net/http handler func literal`
	g := mux.NewRouter()
	g.HandleFunc("/z", a.List)
	return m
}

func Gin(r *gin.Engine) {
	r.GET("/g", func(c *gin.Context) {}) // want `gin handler func literal`
}

func GinHandler(c *gin.Context) {} // want `gin handler GinHandler`

func Echo(c echo.Context) error { return nil } // want `echo handler Echo`

func Fiber(c *fiber.Ctx) error { return nil } // want `fiber handler Fiber`

type Ping struct{}
type Pong struct{}

func Connect(ctx context.Context, req *connect.Request[Ping]) (*connect.Response[Pong], error) { // want `connect handler Connect`
	return nil, nil
}

func Nats(nc *nats.Conn) {
	nc.Subscribe("s", func(m *nats.Msg) {}) // want `nats handler func literal`
}

func Telebot(c tele.Context) error { return nil } // want `telebot handler Telebot`

func GoTelegram(ctx context.Context, b *bot.Bot, u *models.Update) {} // want `go-telegram/bot handler GoTelegram`

// Middleware is a factory: only the returned closure is a handler.
func Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { // want `net/http handler func literal`
		next.ServeHTTP(w, r)
	})
}

// NewFetcher returns a per-call closure that takes a context.
func NewFetcher(base string) func(ctx context.Context, id string) error {
	return func(ctx context.Context, id string) error { // want `closure returned by NewFetcher`
		return nil
	}
}

// Store.Get is a per-operation function.
type Store struct{}

func (s *Store) Get(ctx context.Context, id string) error { return nil } // want `per-operation function \(\*Store\).Get`

// Startup and shutdown code is not per-operation.
func NewStore(ctx context.Context) *Store           { return &Store{} }
func (s *Store) Start(ctx context.Context) error    { return nil }
func (s *Store) Shutdown(ctx context.Context) error { return nil }
func (s *Store) Close() error                       { return nil }
func (s *Store) Run(ctx context.Context) error      { return nil }
func runMigrations(ctx context.Context) error       { return nil }
func init()                                         {}
func notAHandler(w http.ResponseWriter)             {}
func helperWithoutCallers(x int) int                { return x }

// An unexported per-operation function that only startup code calls is
// startup code too.
func warmup(ctx context.Context) error { return nil }

func Setup(ctx context.Context) error { return warmup(ctx) }

// Exit and shutdown code is not per-operation.
func exitProcess(ctx context.Context, code int) {}
