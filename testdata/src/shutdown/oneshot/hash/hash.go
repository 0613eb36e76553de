// Package hash is a library that also registers a one-shot command (cobra)
// outside any cmd/ directory: the command traps Ctrl-C to restore the
// terminal and exits. Silent there; the library's own exit and a command
// that serves still report.
package hash

import (
	"log"
	"net/http"
	"os"
	"os/signal"

	"github.com/spf13/cobra"
)

// Command returns the hash-password command.
func Command() *cobra.Command {
	return &cobra.Command{Use: "hash-password", RunE: runHash}
}

func runHash(cmd *cobra.Command, args []string) error {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt) // a one-shot command trapping Ctrl-C: silent
	go func() {
		<-c
		restoreTerminal()
		os.Exit(1) // nothing deferred in view: silent
	}()
	defer signal.Stop(c)
	if len(args) == 0 {
		usage()
	}
	return nil
}

// usage is only called by the command.
func usage() {
	log.Fatal("usage: hash-password PASSWORD") // a command's exit: silent
}

func restoreTerminal() {}

// Register is registration through a literal that takes the command.
func Register(root *cobra.Command) {
	root.AddCommand(&cobra.Command{Use: "verify", Run: func(cmd *cobra.Command, args []string) {
		if len(args) != 1 {
			os.Exit(2) // silent: the command's exit
		}
	}})
}

// ServeCommand is a command that runs a server for the process lifetime.
func ServeCommand() *cobra.Command { // want ServeCommand:`handles signals: signal.Notify` ServeCommand:`serves HTTP server`
	return &cobra.Command{Use: "serve", RunE: func(cmd *cobra.Command, args []string) error {
		c := make(chan os.Signal, 1)
		signal.Notify(c, os.Interrupt) // want `signal.Notify does not subscribe to syscall.SIGTERM`
		srv := &http.Server{Addr: ":8080"}
		go func() {
			<-c
			_ = srv.Close()
		}()
		return srv.ListenAndServe()
	}}
}

// Check is library code: it exits in every program that imports it.
func Check(ok bool) { // want Check:`exits the process: log.Fatal`
	if !ok {
		log.Fatal("check failed") // want `log.Fatal in library package hash ends the process`
	}
}
