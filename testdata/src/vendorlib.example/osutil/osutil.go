// Package osutil stands for a library outside the modules under analysis
// (a sibling module of a multi-module repository, a framework): the vet
// tool computes no facts for it, so whether its functions subscribe to
// signals is unknown. Its bodies here are empty on purpose: what they do
// is not visible to the importer.
package osutil

// HandleInterrupts installs the process's signal handlers.
func HandleInterrupts() {}

// SignalContext returns a context cancelled on SIGTERM.
func SignalContext() <-chan struct{} { return nil }

// Logger logs.
type Logger struct{}

// NewLogger returns a logger.
func NewLogger() *Logger { return &Logger{} }

// Info logs a line.
func (*Logger) Info(string) {}
