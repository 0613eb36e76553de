// Package bus is an in-house message bus that lifelint does not know.
package bus

type Message struct{ Body []byte }

// Handler is a named handler func type.
type Handler func(m *Message) error

// Processor is a handler interface.
type Processor interface {
	Process(m *Message) error
}

type Job struct{ ID int }
