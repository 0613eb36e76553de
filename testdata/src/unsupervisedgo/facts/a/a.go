package a

import (
	"net/http"

	"unsupervisedgo/facts/b"
)

type API struct{ pool *b.Pool }

func (a *API) Send(w http.ResponseWriter, r *http.Request) {
	b.Notify("hi")  // want `call to b.Notify starts an unsupervised goroutine \(b.Notify → go func literal\) in net/http handler \(\*API\).Send`
	b.Publish("hi") // want `call to b.Publish starts an unsupervised goroutine \(b.Publish → b.send → go b.deliver\)`
	b.Sync("hi")
	a.pool.Go(func() { b.Sync("x") })
}

func (a *API) Nested(w http.ResponseWriter, r *http.Request) {
	a.pool.Go(func() {
		go b.Sync("x") // want `untracked goroutine inside a goroutine tracked by supervisor a.pool.Go`
	})
}

// Startup code may call them: not a request path.
func Warmup() { b.Notify("warm") } // want Warmup:`spawns unsupervised goroutine: b.Notify → go func literal`

// Three handlers call the same spawning function: one finding, at the
// first call, with the others as related locations.
func (a *API) Announce(w http.ResponseWriter, r *http.Request) {
	b.Broadcast("a") // want `call to b.Broadcast starts an unsupervised goroutine \(b.Broadcast → go func literal\) in net/http handler \(\*API\).Announce, and at 2 more call sites \(see related locations\)`
}

func (a *API) Remind(w http.ResponseWriter, r *http.Request) {
	b.Broadcast("r") // related location of the finding in Announce
}

func (a *API) Alert(w http.ResponseWriter, r *http.Request) {
	b.Broadcast("!") // related location of the finding in Announce
}
