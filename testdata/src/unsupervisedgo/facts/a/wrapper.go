package a

import (
	"net/http"

	"unsupervisedgo/facts/b"
)

// The wrapper's call on a request path is where the finding goes.
func Offload(w http.ResponseWriter, r *http.Request) {
	b.GoSafe(r.Context(), func() {}) // want `call to b.GoSafe starts an unsupervised goroutine \(b.GoSafe → go func literal\) in net/http handler Offload`
}

func OffloadRun(w http.ResponseWriter, r *http.Request) {
	b.GoSafeRun(r.Context(), func() {}) // want `call to b.GoSafeRun starts an unsupervised goroutine \(b.GoSafeRun → go b.runSafe\) in net/http handler OffloadRun`
}
