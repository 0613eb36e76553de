// Package gin is a stub of github.com/gin-gonic/gin for lifelint fixtures.
package gin

import (
	"net/http"
	"time"
)

type Context struct {
	Request *http.Request
	Writer  http.ResponseWriter
}

func (c *Context) Deadline() (time.Time, bool)         { return time.Time{}, false }
func (c *Context) Done() <-chan struct{}               { return nil }
func (c *Context) Err() error                          { return nil }
func (c *Context) Value(key any) any                   { return nil }
func (c *Context) JSON(code int, obj any)              {}
func (c *Context) String(code int, f string, a ...any) {}
func (c *Context) Param(key string) string             { return "" }
func (c *Context) AbortWithStatus(code int)            {}

type HandlerFunc func(*Context)

type IRoutes interface {
	GET(string, ...HandlerFunc) IRoutes
	POST(string, ...HandlerFunc) IRoutes
}

type RouterGroup struct{}

func (g *RouterGroup) GET(path string, h ...HandlerFunc) IRoutes  { return g }
func (g *RouterGroup) POST(path string, h ...HandlerFunc) IRoutes { return g }
func (g *RouterGroup) Use(h ...HandlerFunc) IRoutes               { return g }

type Engine struct {
	RouterGroup
	ContextWithFallback bool
}

func New() *Engine                                                 { return &Engine{} }
func Default() *Engine                                             { return &Engine{} }
func (e *Engine) Run(addr ...string) error                         { return nil }
func (e *Engine) ServeHTTP(w http.ResponseWriter, r *http.Request) {}
