// Package split subscribes to signals in several Notify calls: one
// without SIGTERM is silent when a sibling subscribes to it (the same
// function, or a function its callers also call). A lone one still
// reports.
package split

import (
	"os"
	"os/signal"
	"syscall"
)

// TrapSignals installs both handlers.
func TrapSignals() { // want TrapSignals:`handles signals`
	trapInterrupt()
	trapPosix()
}

// trapInterrupt handles Ctrl-C; SIGTERM is trapPosix's.
func trapInterrupt() {
	go func() {
		c := make(chan os.Signal, 1)
		signal.Notify(c, os.Interrupt) // SIGTERM subscribed by a sibling: silent
		<-c
		stop()
	}()
}

func trapPosix() {
	go func() {
		c := make(chan os.Signal, 1)
		signal.Notify(c, syscall.SIGTERM, syscall.SIGHUP)
		for range c {
			stop()
		}
	}()
}

// Run has a reload channel beside its termination channel.
func Run() { // want Run:`handles signals`
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP) // the reload channel: silent
	term := make(chan os.Signal, 1)
	signal.Notify(term, os.Interrupt, syscall.SIGTERM)
	for {
		select {
		case <-hup:
		case <-term:
			stop()
			return
		}
	}
}

// Lone subscribes to Ctrl-C only, and nothing beside it to SIGTERM.
func Lone() { // want Lone:`handles signals`
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt) // want `signal.Notify does not subscribe to syscall.SIGTERM`
	<-c
	stop()
}

func stop() {}
