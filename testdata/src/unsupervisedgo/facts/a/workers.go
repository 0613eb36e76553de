package a

import (
	"net/http"

	"unsupervisedgo/facts/b"
)

type Checker struct {
	workers *b.Workers
	spawner *b.Spawner
}

// The pool's workers belong to the pool, which its owner stops.
func (c *Checker) Check(w http.ResponseWriter, r *http.Request) {
	c.workers.Do(func() {})
}

// A pool method whose worker nothing stops still spawns per request.
func (c *Checker) Spawn(w http.ResponseWriter, r *http.Request) {
	c.spawner.Do(func() {}) // want `call to \(\*b.Spawner\).Do starts an unsupervised goroutine`
}
