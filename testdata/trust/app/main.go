package main

import (
	"net/http"

	"example.com/app/internal/store"
	"example.com/lib/client"
	"example.com/lib/db"
	"example.com/lib/health"
)

type api struct{ c *client.Client }

func (a *api) get(w http.ResponseWriter, r *http.Request) {
	_, _ = a.c.Do(&client.Request{Ctx: r.Context(), Key: "k"}) // silent: lib is another module; the tables decide
	_ = store.Lookup("db:5432")                                // reported: the app's own summary
}

func main() {
	a := &api{c: &client.Client{}}
	http.HandleFunc("/", a.get)
}

func (a *api) put(w http.ResponseWriter, r *http.Request) {
	_ = store.Lookup("db:5432") // the same root cause: a related location of the finding in get
}

// The library's unconditional summaries hold in this module too; its
// conditional ones do not.
func (a *api) status(w http.ResponseWriter, r *http.Request) {
	_ = a.c.Ping()                   // reported: lib's Ping dials on every call
	_ = health.Probe(a.c)            // reported: an unconditional chain through Ping
	_ = health.Check(a.c, true)      // silent: lib calls Ping on a branch
	_, _ = db.Dial("postgres://")    // reported: lib opens a pool on every call
	_, _ = db.Handle(nil, "pg://")   // silent: lib opens one only on a fallback branch
	_, _ = store.Open("postgres://") // reported: the app's own summary
}
