// Package sigterm subscribes to signals without SIGTERM, and the fixed
// forms.
package sigterm

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func interruptOnly() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt) // want `signal.NotifyContext does not subscribe to syscall.SIGTERM: Kubernetes, systemd and docker stop processes with SIGTERM, which then kills it without shutdown; add syscall.SIGTERM`
}

func notifyInt(c chan os.Signal) {
	signal.Notify(c, syscall.SIGINT, syscall.SIGHUP) // want `signal.Notify does not subscribe to syscall.SIGTERM`
}

// fixed is the fixed form.
func fixed() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

func all(c chan os.Signal) {
	signal.Notify(c) // every signal: silent
}

func fromList(c chan os.Signal, sigs []os.Signal) {
	signal.Notify(c, sigs...) // unknown list: silent
}
