// Package grpc is a stub of google.golang.org/grpc for lifelint fixtures.
package grpc

import "context"

type ServiceDesc struct{ ServiceName string }

type ServiceRegistrar interface {
	RegisterService(desc *ServiceDesc, impl any)
}

type Server struct{}

type ServerOption interface{}
type DialOption interface{}
type CallOption interface{}

func NewServer(opt ...ServerOption) *Server                   { return &Server{} }
func (s *Server) RegisterService(desc *ServiceDesc, impl any) {}
func (s *Server) Serve(l any) error                           { return nil }
func (s *Server) GracefulStop()                               {}
func (s *Server) Stop()                                       {}

type ClientConn struct{}

func NewClient(target string, opts ...DialOption) (*ClientConn, error) { return &ClientConn{}, nil }
func Dial(target string, opts ...DialOption) (*ClientConn, error)      { return &ClientConn{}, nil }
func DialContext(ctx context.Context, target string, opts ...DialOption) (*ClientConn, error) {
	return &ClientConn{}, nil
}
func WithBlock() DialOption         { return nil }
func (cc *ClientConn) Close() error { return nil }
func (cc *ClientConn) Invoke(ctx context.Context, method string, args, reply any, opts ...CallOption) error {
	return nil
}
