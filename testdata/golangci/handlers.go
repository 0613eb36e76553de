// Package gcle2e checks lifelint inside golangci-lint (.ci/steps/golangci.sh):
// //nolint, disabling a pass and adding a blocking function through the
// plugin settings. expected/<config>.txt lists what each config reports.
package gcle2e

import (
	"fmt"
	"log"
	"net/http"
	"time"

	"example.com/gcle2e/queue"
)

var jobs = &queue.Client{}

// Sleepy is reported by handlerblock unless the config disables it.
func Sleepy(w http.ResponseWriter, r *http.Request) {
	time.Sleep(time.Second)
	fmt.Fprintln(w, "slept")
}

// Quiet has the same bug, silenced for the lifelint linter.
func Quiet(w http.ResponseWriter, r *http.Request) {
	time.Sleep(time.Second) //nolint:lifelint // the e2e test checks this stays silent
	fmt.Fprintln(w, "slept")
}

// QuietFunc is silenced by a //nolint on its declaration.
//
//nolint:lifelint // the e2e test checks the whole body stays silent
func QuietFunc(w http.ResponseWriter, r *http.Request) {
	time.Sleep(time.Second)
	fmt.Fprintln(w, "slept")
}

// PassName shows the caveat: golangci-lint sees one linter, lifelint, so
// a pass name in //nolint suppresses nothing.
func PassName(w http.ResponseWriter, r *http.Request) {
	time.Sleep(time.Second) //nolint:handlerblock // still reported
	fmt.Fprintln(w, "slept")
}

// Spawn is reported by unsupervisedgo unless the config disables it.
func Spawn(w http.ResponseWriter, r *http.Request) {
	go audit(r.URL.Path)
	fmt.Fprintln(w, "accepted")
}

func audit(path string) { log.Println("audit", path) }

// Next is reported by handlerblock only when the settings declare
// (*queue.Client).Pop blocking.
func Next(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintln(w, jobs.Pop())
}
