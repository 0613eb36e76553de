// Package bus is a message type whose handlers only configuration
// (handlers) makes lifelint know.
package bus

type Message struct{ Body []byte }
