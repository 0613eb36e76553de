// Package kafka is a stub of github.com/segmentio/kafka-go for lifelint fixtures.
package kafka

import "context"

type Message struct {
	Key, Value []byte
}

type ReaderConfig struct {
	Brokers []string
	Topic   string
}

type Reader struct{}

func NewReader(config ReaderConfig) *Reader                                 { return &Reader{} }
func (r *Reader) ReadMessage(ctx context.Context) (Message, error)          { return Message{}, nil }
func (r *Reader) FetchMessage(ctx context.Context) (Message, error)         { return Message{}, nil }
func (r *Reader) CommitMessages(ctx context.Context, msgs ...Message) error { return nil }
func (r *Reader) Close() error                                              { return nil }
