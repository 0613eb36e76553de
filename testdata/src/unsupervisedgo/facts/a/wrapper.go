package a

import (
	"context"
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

// Changed calls a function that starts its own goroutine: reported in b,
// where the go statement is, not again here.
func Changed(w http.ResponseWriter, r *http.Request) {
	b.NotifyIfChanged(r.Context(), "k", true, func(context.Context, string) error { return nil })
}

// OffloadWith hands its work to a wrapper: reported here.
func OffloadWith(w http.ResponseWriter, r *http.Request) {
	b.GoSafeWith(r.Context(), "k", func(context.Context, string) {}) // want `call to b.GoSafeWith starts an unsupervised goroutine \(b.GoSafeWith → go func literal\) in net/http handler OffloadWith`
}
