// Package nats is a stub of github.com/nats-io/nats.go for lifelint fixtures.
package nats

import (
	"context"
	"time"
)

type Msg struct {
	Subject string
	Data    []byte
}

func (m *Msg) Respond(data []byte) error { return nil }

type MsgHandler func(msg *Msg)

type Conn struct{}

type Subscription struct{}

type Option func(*Options) error
type Options struct{}

func Connect(url string, options ...Option) (*Conn, error)                   { return &Conn{}, nil }
func (nc *Conn) Subscribe(subj string, cb MsgHandler) (*Subscription, error) { return nil, nil }
func (nc *Conn) QueueSubscribe(subj, q string, cb MsgHandler) (*Subscription, error) {
	return nil, nil
}
func (nc *Conn) ChanSubscribe(subj string, ch chan *Msg) (*Subscription, error) { return nil, nil }
func (nc *Conn) SubscribeSync(subj string) (*Subscription, error)               { return nil, nil }
func (nc *Conn) Request(subj string, data []byte, timeout time.Duration) (*Msg, error) {
	return nil, nil
}
func (nc *Conn) RequestWithContext(ctx context.Context, subj string, data []byte) (*Msg, error) {
	return nil, nil
}
func (nc *Conn) Flush() error                                       { return nil }
func (nc *Conn) FlushWithContext(ctx context.Context) error         { return nil }
func (nc *Conn) Publish(subj string, data []byte) error             { return nil }
func (nc *Conn) Close()                                             {}
func (s *Subscription) NextMsg(timeout time.Duration) (*Msg, error) { return nil, nil }
func (s *Subscription) NextMsgWithContext(ctx context.Context) (*Msg, error) {
	return nil, nil
}
func (s *Subscription) Unsubscribe() error { return nil }
