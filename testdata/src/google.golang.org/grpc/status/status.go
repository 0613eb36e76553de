// Package status is a stub of google.golang.org/grpc/status.
package status

import "google.golang.org/grpc/codes"

// Status represents an RPC status code, message, and details.
type Status struct {
	c   codes.Code
	msg string
}

func New(c codes.Code, msg string) *Status               { return &Status{c, msg} }
func Error(c codes.Code, msg string) error               { return nil }
func Errorf(c codes.Code, format string, a ...any) error { return nil }
func FromContextError(err error) *Status                 { return &Status{} }
func (s *Status) Err() error                             { return nil }
func (s *Status) Code() codes.Code                       { return s.c }
