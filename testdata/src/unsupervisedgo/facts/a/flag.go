package a

import (
	"net/http"

	"unsupervisedgo/facts/b"
)

type Store struct{ h *b.Handle }

// A constant argument the go statement is not reached with starts
// nothing.
func (s *Store) Get(w http.ResponseWriter, r *http.Request) {
	s.h.Conn()
	s.h.Refresh(false)
	b.Dispatch("get", false)
	b.SyncSend("get")
}

// The value that reaches it, or one the pass cannot know, does.
func (s *Store) Fail(w http.ResponseWriter, r *http.Request) {
	s.h.Reset() // want `call to \(\*b.Handle\).Reset starts an unsupervised goroutine`
}

func (s *Store) Force(w http.ResponseWriter, r *http.Request) {
	s.h.Refresh(true) // want `call to \(\*b.Handle\).Refresh starts an unsupervised goroutine`
}

func (s *Store) Async(w http.ResponseWriter, r *http.Request) {
	b.Dispatch("post", r.URL.Query().Has("async")) // want `call to b.Dispatch starts an unsupervised goroutine`
	b.Toggle("post", false)                        // want `call to b.Toggle starts an unsupervised goroutine`
}
