// Package nostop starts servers that nothing stops, and the fixed forms.
package nostop

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/gofiber/fiber/v2"
	"google.golang.org/grpc"
	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

func neverStopped(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h, ReadHeaderTimeout: time.Second}
	return srv.ListenAndServe() // want `\(\*http.Server\).ListenAndServe starts an HTTP server srv that is never stopped \(no Shutdown or Close of srv\): SIGTERM kills it mid-request; call srv.Shutdown\(ctx\) with a timeout context when the signal context is done`
}

// stopped is the fixed form of neverStopped.
func stopped(ctx context.Context, h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h, ReadHeaderTimeout: time.Second}
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}()
	if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func grpcNeverStopped(lis any, impl any) error {
	s := grpc.NewServer()
	s.RegisterService(nil, impl) // registration does not stop it
	return s.Serve(lis)          // want `\(\*grpc.Server\).Serve starts a gRPC server s that is never stopped \(no GracefulStop or Stop of s\).*call s.GracefulStop\(\)`
}

// grpcStopped is the fixed form of grpcNeverStopped.
func grpcStopped(ctx context.Context, lis any) error {
	s := grpc.NewServer()
	go func() {
		<-ctx.Done()
		s.GracefulStop()
	}()
	return s.Serve(lis)
}

func fiberNeverStopped() error {
	app := fiber.New()
	return app.Listen(":3000") // want `\(\*fiber.App\).Listen starts a fiber server app that is never stopped`
}

// fiberStopped is the fixed form of fiberNeverStopped.
func fiberStopped(ctx context.Context) error {
	app := fiber.New()
	go func() {
		<-ctx.Done()
		_ = app.ShutdownWithContext(context.Background())
	}()
	return app.Listen(":3000")
}

func botNeverStopped(bot *tgbotapi.BotAPI) {
	updates := bot.GetUpdatesChan(tgbotapi.NewUpdate(0)) // silent: bot is a parameter, its owner stops it
	for range updates {
	}
}

func botLocal(token string) {
	bot, _ := tgbotapi.NewBotAPI(token)
	for range bot.GetUpdatesChan(tgbotapi.NewUpdate(0)) { // want `GetUpdatesChan starts a Telegram update loop bot that is never stopped \(no StopReceivingUpdates of bot\)`
	}
}

// botLocalStopped is the fixed form of botLocal.
func botLocalStopped(ctx context.Context, token string) {
	bot, _ := tgbotapi.NewBotAPI(token)
	go func() {
		<-ctx.Done()
		bot.StopReceivingUpdates()
	}()
	for range bot.GetUpdatesChan(tgbotapi.NewUpdate(0)) {
	}
}

// App keeps its server in a field.
type App struct {
	srv   *http.Server
	admin *http.Server
}

func (a *App) Start() error { // want Start:`serves HTTP server: \(\*http.Server\).ListenAndServe`
	return a.srv.ListenAndServe() // silent: Stop shuts a.srv down
}

func (a *App) Stop(ctx context.Context) error { return a.srv.Shutdown(ctx) }

func (a *App) StartAdmin() error { // want StartAdmin:`serves HTTP server`
	return a.admin.ListenAndServe() // want `starts an HTTP server a.admin that is never stopped \(no Shutdown or Close of a.admin\)`
}

// Escapes: the server is handed to code that may stop it.
func handedOver(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h, ReadHeaderTimeout: time.Second}
	go stopOnSignal(srv)
	return srv.ListenAndServe()
}

func registered(h http.Handler, closers *[]func(context.Context) error) error {
	srv := &http.Server{Addr: ":8080", Handler: h, ReadHeaderTimeout: time.Second}
	*closers = append(*closers, srv.Shutdown)
	return srv.ListenAndServe()
}

func returned(h http.Handler) *http.Server {
	srv := &http.Server{Addr: ":8080", Handler: h, ReadHeaderTimeout: time.Second}
	go func() { _ = srv.ListenAndServe() }() // want `the error of \(\*http.Server\).ListenAndServe is discarded`
	return srv
}

func stopOnSignal(srv *http.Server) { _ = srv.Close() }
