// Package sigtrap is modelled on caddy's sigtrap.go: a goroutine that reads
// a signal channel for the life of the process. The channel is never
// closed by design, so it is not a done channel that leaks.
package sigtrap

import (
	"os"
	"os/signal"
	"syscall"
)

func TrapSignals() { // want TrapSignals:"spawns unsupervised goroutine"
	go func() {
		shutdown := make(chan os.Signal, 1)
		signal.Notify(shutdown, os.Interrupt)
		for i := 0; true; i++ {
			<-shutdown
			if i > 0 {
				os.Exit(1)
			}
		}
	}()
	go func() {
		sigchan := make(chan os.Signal, 1)
		signal.Notify(sigchan, syscall.SIGTERM, syscall.SIGHUP)
		for sig := range sigchan {
			_ = sig
		}
	}()
}
