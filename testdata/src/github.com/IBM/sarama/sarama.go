// Package sarama is a stub of github.com/IBM/sarama for lifelint fixtures.
package sarama

import "context"

type ConsumerMessage struct {
	Topic string
	Value []byte
}

type ConsumerGroupSession interface {
	MarkMessage(msg *ConsumerMessage, metadata string)
	Context() context.Context
}

type ConsumerGroupClaim interface {
	Messages() <-chan *ConsumerMessage
}

type ConsumerGroupHandler interface {
	Setup(ConsumerGroupSession) error
	Cleanup(ConsumerGroupSession) error
	ConsumeClaim(ConsumerGroupSession, ConsumerGroupClaim) error
}

type Config struct{}

func NewConfig() *Config { return &Config{} }

type Client interface{ Close() error }
type SyncProducer interface {
	SendMessage(msg *ProducerMessage) (int32, int64, error)
	Close() error
}
type AsyncProducer interface{ Close() error }
type ConsumerGroup interface {
	Consume(ctx context.Context, topics []string, handler ConsumerGroupHandler) error
	Close() error
}
type ProducerMessage struct{ Topic string }

func NewClient(addrs []string, conf *Config) (Client, error)               { return nil, nil }
func NewSyncProducer(addrs []string, conf *Config) (SyncProducer, error)   { return nil, nil }
func NewAsyncProducer(addrs []string, conf *Config) (AsyncProducer, error) { return nil, nil }
func NewConsumerGroup(addrs []string, group string, conf *Config) (ConsumerGroup, error) {
	return nil, nil
}
