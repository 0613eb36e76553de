// Package echo is a stub of github.com/labstack/echo/v4 for lifelint fixtures.
package echo

import (
	"context"
	"net/http"
)

type Context interface {
	Request() *http.Request
	JSON(code int, i any) error
	String(code int, s string) error
}

type HandlerFunc func(c Context) error

type Echo struct{}

func New() *Echo                                       { return &Echo{} }
func (e *Echo) GET(path string, h HandlerFunc) *Route  { return nil }
func (e *Echo) POST(path string, h HandlerFunc) *Route { return nil }
func (e *Echo) Start(addr string) error                { return nil }
func (e *Echo) Shutdown(ctx context.Context) error     { return nil }

type Route struct{}
