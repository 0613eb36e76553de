package configured

import (
	"context"

	"requestpath/configured/bus"
)

func OnMessage(m *bus.Message) error { return nil } // want `configured handler OnMessage`

type proc struct{}

func (proc) Process(m *bus.Message) error { return nil } // want `configured handler proc.Process`

func Jobs(ctx context.Context, jobs <-chan bus.Job) {
	for j := range jobs { // want `per-message loop over configured messages`
		_ = j
	}
}

func Ack(ctx context.Context, m *bus.Message, id string) error { return nil } // want `per-operation function Ack`
