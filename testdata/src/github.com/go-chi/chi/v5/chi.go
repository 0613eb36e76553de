// Package chi is a stub of github.com/go-chi/chi/v5 for lifelint fixtures.
package chi

import "net/http"

type Mux struct{}

func NewRouter() *Mux                                           { return &Mux{} }
func (m *Mux) Get(pattern string, h http.HandlerFunc)           {}
func (m *Mux) Post(pattern string, h http.HandlerFunc)          {}
func (m *Mux) Handle(pattern string, h http.Handler)            {}
func (m *Mux) HandleFunc(pattern string, h http.HandlerFunc)    {}
func (m *Mux) ServeHTTP(w http.ResponseWriter, r *http.Request) {}
func URLParam(r *http.Request, key string) string               { return "" }
