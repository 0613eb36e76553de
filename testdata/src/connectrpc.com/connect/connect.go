// Package connect is a stub of connectrpc.com/connect for lifelint fixtures.
package connect

type Request[T any] struct{ Msg *T }
type Response[T any] struct{ Msg *T }
type ClientStream[T any] struct{}
type ServerStream[T any] struct{}
type BidiStream[Req, Res any] struct{}

func NewResponse[T any](msg *T) *Response[T] { return &Response[T]{Msg: msg} }
