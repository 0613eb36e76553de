// Command aftercleanup exits from a shutdown goroutine after it ran the
// cleanup main deferred: silent. The same goroutine that exits before the
// cleanup still reports.
package main

import (
	"context"
	"database/sql"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	db, err := sql.Open("pgx", "postgres://")
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	srv := &http.Server{Addr: ":8080", ReadHeaderTimeout: time.Second}
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)

	go func() {
		<-sig
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
		db.Close()
		os.Exit(0) // the last step, after the cleanup: silent
	}()
	go func() {
		code := 0
		defer func() {
			os.Exit(code) // deferred: runs after the body's cleanup, silent
		}()
		<-sig
		if err := srv.Shutdown(context.Background()); err != nil {
			code = 1
		}
		db.Close()
	}()
	go func() {
		<-sig
		_ = srv.Shutdown(context.Background())
		os.Exit(1) // want `os.Exit in a goroutine exits the process without running the deferred db.Close\(\) of main`
	}()
	if err := srv.ListenAndServe(); err != nil {
		log.Print(err)
	}
}
