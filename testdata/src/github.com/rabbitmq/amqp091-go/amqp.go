// Package amqp091 is a stub of github.com/rabbitmq/amqp091-go for lifelint fixtures.
package amqp091

import "context"

type Delivery struct {
	Body []byte
}

func (d Delivery) Ack(multiple bool) error           { return nil }
func (d Delivery) Nack(multiple, requeue bool) error { return nil }

type Table map[string]any

type Publishing struct{ Body []byte }

type Connection struct{}
type Channel struct{}
type Config struct{}

func Dial(url string) (*Connection, error)                      { return &Connection{}, nil }
func DialTLS(url string, c any) (*Connection, error)            { return &Connection{}, nil }
func DialConfig(url string, config Config) (*Connection, error) { return &Connection{}, nil }
func (c *Connection) Channel() (*Channel, error)                { return &Channel{}, nil }
func (c *Connection) Close() error                              { return nil }
func (ch *Channel) Consume(queue, consumer string, autoAck, exclusive, noLocal, noWait bool, args Table) (<-chan Delivery, error) {
	return nil, nil
}
func (ch *Channel) Publish(exchange, key string, mandatory, immediate bool, msg Publishing) error {
	return nil
}
func (ch *Channel) PublishWithContext(ctx context.Context, exchange, key string, mandatory, immediate bool, msg Publishing) error {
	return nil
}
func (ch *Channel) Close() error { return nil }
