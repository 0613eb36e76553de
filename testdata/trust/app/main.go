package main

import (
	"net/http"

	"example.com/app/internal/store"
	"example.com/lib/client"
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
