package fix

import (
	"context"
	"net/http"
)

// A bare send becomes a select that also waits for the context where
// giving up changes nothing else: the send ends a function with no
// results, or is followed by return nil (which becomes the context's
// error).

func Emit(ctx context.Context, out chan<- int) {
	out <- 1 // want `send to out in per-operation function Emit`
}

func EmitErr(ctx context.Context, out chan<- int, v int) error {
	if v < 0 {
		out <- -v // want `send to out in per-operation function EmitErr`
		return nil
	}
	out <- v // want `send to out in per-operation function EmitErr`
	return nil
}

type Hub struct{ events chan string }

func (h *Hub) Publish(w http.ResponseWriter, r *http.Request) {
	h.events <- r.URL.Path // want `send to h.events in net/http handler \(\*Hub\).Publish`
}

// No fix: giving up would skip what follows the send.
func EmitAll(ctx context.Context, out chan<- int, vs []int) int {
	for _, v := range vs {
		out <- v // want `send to out in per-operation function EmitAll`
	}
	out <- 0 // want `send to out in per-operation function EmitAll`
	return len(vs)
}
