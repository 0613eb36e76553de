package sigterm

import (
	"context"
	"os"
	"os/signal"
)

// No syscall import in this file: the diagnostic has no fix.
func noImport() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt) // want `signal.NotifyContext does not subscribe to syscall.SIGTERM`
}
