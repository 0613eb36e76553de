// Command forcequit starts a graceful shutdown on the first signal and
// exits at once on a second one, or on SIGQUIT ("quit now"): the user
// asked for the skip, silent. Exiting on the first SIGTERM or SIGINT
// still reports.
package main

import (
	"database/sql"
	"log"
	"os"
	"os/signal"
	"syscall"
)

func shutdown() {}

func main() {
	db, err := sql.Open("pgx", "postgres://")
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM, syscall.SIGQUIT)

	go func() {
		<-sig
		go shutdown()
		<-sig
		os.Exit(1) // the second signal: silent
	}()
	go func() {
		for i := 0; ; i++ {
			<-sig
			if i > 0 {
				os.Exit(2) // the second SIGINT: silent
			}
			go shutdown()
		}
	}()
	go func() {
		for s := range sig {
			switch s {
			case syscall.SIGQUIT:
				os.Exit(3) // quit now: silent
			case syscall.SIGTERM:
				shutdown()
			}
		}
	}()
	go func() {
		<-sig
		os.Exit(1) // want `os.Exit in a goroutine exits the process without running the deferred db.Close\(\) of main`
	}()
	go func() {
		for s := range sig {
			if s == syscall.SIGTERM {
				os.Exit(1) // want `os.Exit in a goroutine exits the process without running the deferred db.Close\(\) of main`
			}
		}
	}()
	go func() {
		for range sig {
			os.Exit(1) // want `os.Exit in a goroutine exits the process without running the deferred db.Close\(\) of main`
		}
	}()
	select {}
}
