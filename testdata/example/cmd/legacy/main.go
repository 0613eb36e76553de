// Command legacy is the shop's old entry point, kept beside cmd/shop to
// show the startup and shutdown mistakes lifelint's shutdown pass reports.
// Each carries a BUG comment naming the pass; the correct form of each is
// in cmd/shop (marked with an OK comment) or next to it here.
package main

import (
	"context"
	"database/sql"
	"log"
	"net/http"
	_ "net/http/pprof" // registers the debug handlers on http.DefaultServeMux
	"time"

	"github.com/gin-gonic/gin"
	"github.com/jackc/pgx/v5/pgxpool"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver

	"github.com/lifelint/lifelint/testdata/example/internal/store"
)

func main() {
	pool, err := pgxpool.New(context.Background(), "postgres://shop@localhost/shop") // BUG(shutdown): a pool kept for the process that main never closes
	if err != nil {
		// OK(shutdown): log.Fatal in main before anything needs cleanup.
		log.Fatal(err)
	}
	if err := pool.Ping(context.Background()); err != nil { // BUG(shutdown): startup Ping under context.Background hangs forever on an unreachable database
		log.Fatal(err)
	}
	db, err := sql.Open("pgx", "postgres://shop@localhost/shop")
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	if err := db.Ping(); err != nil { // BUG(shutdown): (*sql.DB).Ping at startup has no deadline
		log.Fatalf("ping: %v", err) // BUG(shutdown): log.Fatalf after defer db.Close() skips it
	}
	_ = MustAddr() // BUG(shutdown): MustAddr → store.MustEnv → log.Fatalf after defer db.Close() skips it

	// The debug server.
	go func() {
		log.Println(http.ListenAndServe("localhost:6060", nil)) // BUG(shutdown): http.ListenAndServe cannot be stopped
	}()

	public := &http.Server{Addr: ":8090", Handler: gin.New(), ReadHeaderTimeout: 5 * time.Second}
	go serve(public) // BUG(shutdown): main starts an HTTP server but never handles SIGTERM or SIGINT

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	admin := &http.Server{Addr: ":8091", ReadHeaderTimeout: 5 * time.Second}
	go admin.ListenAndServe() // BUG(shutdown): the error of ListenAndServe is discarded
	go func() {
		<-ctx.Done()
		_ = admin.Shutdown(ctx) // BUG(shutdown): Shutdown with a context that is already done
	}()
	go func() {
		t := time.NewTicker(time.Minute)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
			if err := db.PingContext(ctx); err != nil {
				log.Fatalf("database lost: %v", err) // BUG(shutdown): log.Fatalf in a goroutine skips every deferred cleanup
			}
		}
	}()

	metrics := &http.Server{Addr: ":9090", ReadHeaderTimeout: 5 * time.Second}
	if err := metrics.ListenAndServe(); err != nil { // BUG(shutdown): an HTTP server that is never stopped
		log.Printf("metrics: %v", err)
	}
}

// serve runs srv; its caller owns the stop.
func serve(srv *http.Server) error {
	return srv.ListenAndServe()
}

// MustAddr reads the listen address through the library's exiting helper.
func MustAddr() string {
	return store.MustEnv("LEGACY_ADDR")
}
