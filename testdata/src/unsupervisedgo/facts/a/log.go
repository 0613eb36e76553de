package a

import (
	"net/http"

	"unsupervisedgo/facts/b"
)

// Regression: the handler closes the log it opens, in a defer; the
// helper that does the same starts nothing either. Silent.
func Snap(w http.ResponseWriter, r *http.Request) {
	l := b.OpenLog()
	defer l.Close()
	_ = b.Snapshot()
}

// The log is never closed: reported.
func SnapLeak(w http.ResponseWriter, r *http.Request) {
	l := b.OpenLog() // want `call to b.OpenLog starts an unsupervised goroutine`
	_ = l
	b.Leaky() // want `call to b.Leaky starts an unsupervised goroutine`
}
