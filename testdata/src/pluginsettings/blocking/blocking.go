// Package blocking is reported only when the golangci-lint plugin's
// settings reach the passes: handlers makes Consume a handler, blocking
// adds queue's Pop.
package blocking

import (
	"pluginsettings/bus"
	"pluginsettings/queue"
)

type Worker struct{ q *queue.Client }

// Consume is a handler only by the handlers setting.
func (wk *Worker) Consume(m *bus.Message) error {
	_ = wk.q.Pop() // want `\(\*queue.Client\).Pop .*blocks without a context \(configured\)`
	return nil
}
