// Command shop is the example service of lifelint: a small shop with a gin
// public API, a net/http admin API, a RabbitMQ order consumer and a periodic
// sweeper. It contains, on purpose, one instance of every bug shape lifelint
// looks for, each marked "BUG(<analyzer>)", next to the correct forms, marked
// "OK". See README.md for the list of intended findings.
//
// Everything in this file is startup code: lifelint stays silent on it.
package main

import (
	"context"
	"database/sql"
	"errors"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/jackc/pgx/v5/pgxpool"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver
	amqp "github.com/rabbitmq/amqp091-go"
	"github.com/redis/go-redis/v9"
	"golang.org/x/sync/errgroup"

	"github.com/lifelint/lifelint/testdata/example/internal/api"
	"github.com/lifelint/lifelint/testdata/example/internal/store"
	"github.com/lifelint/lifelint/testdata/example/internal/worker"
)

type config struct {
	DatabaseURL string
	RedisAddr   string
	AMQPURL     string
	PublicAddr  string
	AdminAddr   string
	PricingURL  string
}

func loadConfig() config {
	return config{
		DatabaseURL: env("DATABASE_URL", "postgres://shop@localhost/shop"),
		RedisAddr:   env("REDIS_ADDR", "localhost:6379"),
		AMQPURL:     env("AMQP_URL", "amqp://guest:guest@localhost:5672/"),
		PublicAddr:  env("PUBLIC_ADDR", ":8080"),
		AdminAddr:   env("ADMIN_ADDR", ":8081"),
		PricingURL:  env("PRICING_URL", "http://pricing.internal/quote"),
	}
}

func env(key, def string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return def
}

func main() {
	// OK(shutdown): main exits after run returned and its deferred cleanup ran.
	if err := run(); err != nil {
		log.Fatal(err)
	}
}

// run owns the process context: it creates it with signal.NotifyContext,
// creates every pool once, starts the servers and the workers, and shuts
// everything down when a signal arrives.
func run() error {
	// OK(shutdown): the root context ends on SIGTERM or SIGINT.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	cfg := loadConfig()

	// OK(requestpool): every pool and client is created once, here, and injected.
	pool, err := pgxpool.New(ctx, cfg.DatabaseURL)
	if err != nil {
		return err
	}
	// OK(shutdown): every pool is closed on the way out of run.
	defer pool.Close()
	db, err := sql.Open("pgx", cfg.DatabaseURL)
	if err != nil {
		return err
	}
	defer db.Close()
	rdb := redis.NewClient(&redis.Options{Addr: cfg.RedisAddr})
	defer rdb.Close()
	conn, err := amqp.Dial(cfg.AMQPURL)
	if err != nil {
		return err
	}
	defer conn.Close()
	ch, err := conn.Channel()
	if err != nil {
		return err
	}

	repo := store.NewRepo(pool, db)
	h := api.NewHandlers(repo, rdb, pool, db, cfg.PricingURL)

	engine := gin.New()
	engine.Use(gin.Recovery())
	h.RegisterGin(engine)
	public := &http.Server{Addr: cfg.PublicAddr, Handler: engine, ReadHeaderTimeout: 5 * time.Second}

	mux := http.NewServeMux()
	h.RegisterAdmin(mux)
	admin := &http.Server{Addr: cfg.AdminAddr, Handler: mux, ReadHeaderTimeout: 5 * time.Second}

	// OK(unsupervisedgo): server goroutines in main, stopped by the graceful
	// Shutdown below.
	// OK(shutdown): the serve error is checked and http.ErrServerClosed is
	// not a failure.
	for _, srv := range []*http.Server{public, admin} {
		go func() {
			if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
				log.Printf("server %s: %v", srv.Addr, err)
				stop()
			}
		}()
	}

	consumer := worker.NewConsumer(ch, repo, cfg.DatabaseURL, cfg.AMQPURL)
	consumer.Start(ctx)
	defer consumer.Close()

	// OK(unsupervisedgo): the workers are joined by an errgroup.
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error { return worker.RunSweeper(gctx, repo, time.Minute) })
	g.Go(func() error { return worker.RunStaleSweeper(gctx, repo, time.Hour) })
	g.Go(func() error {
		<-gctx.Done()
		// OK(handlerblock): context.Background in startup/shutdown code.
		// OK(shutdown): Shutdown under a fresh timeout context, not gctx.
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		return errors.Join(public.Shutdown(sctx), admin.Shutdown(sctx))
	})

	// OK(swallowedcancel): run owns ctx, so returning nil on its own
	// shutdown is correct.
	if err := g.Wait(); err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	return nil
}
