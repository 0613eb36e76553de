// Package configured shows a blocking function added by configuration.
package configured

import (
	"net/http"

	"handlerblock/configured/queue"
)

type Worker struct{ q *queue.Client }

func (wk *Worker) Next(w http.ResponseWriter, r *http.Request) {
	_ = wk.q.Pop() // want `\(\*queue.Client\).Pop in net/http handler \(\*Worker\).Next: it blocks without a context \(configured\)`
}
