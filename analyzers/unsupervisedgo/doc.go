// Package unsupervisedgo defines an Analyzer that reports goroutines that
// have no owner.
//
// # Analyzer unsupervisedgo
//
// unsupervisedgo: report goroutines that have no owner
//
// A goroutine is supervised when it cannot outlive its owner and cannot
// block forever. A panic in a fire-and-forget goroutine kills the whole
// process; a goroutine blocked on a channel its launcher stopped reading
// lives forever; a WaitGroup whose Wait is never reached lets shutdown
// return while work is still running.
//
// The pass reports:
//
//   - a go statement on a request path (handler, per-message or per-tick
//     loop, per-operation function, and the helpers they call) that nobody
//     joins. Handing the goroutine a context does not make it owned:
//     nobody waits for it at shutdown and a panic in it is unrecovered;
//   - a goroutine that sends on an unbuffered (or too small) local
//     channel while its launcher may stop reading: a select that returns
//     on ctx.Done(), on a timeout or on default, or a receive loop that
//     returns on the first error. A suggested fix buffers a channel that
//     gets one send;
//   - a goroutine that calls wg.Done() with no reachable wg.Wait(), and
//     wg.Go or errgroup's Go without Wait. A Wait counts when it is in the
//     launching function (for a local WaitGroup), or in a function of the
//     package that is exported or called somewhere (for a field): a Wait in
//     a method nothing calls does not count;
//   - an untracked go statement inside a tracked goroutine (a WaitGroup
//     goroutine, an errgroup function, a closure handed to a supervisor):
//     waiting for the outer goroutine does not wait for it;
//   - a goroutine that stops on a done channel that nothing closes, or
//     that its launcher leaves open on some path (an early error return),
//     and a goroutine whose context's cancel func is kept in a field that
//     nothing calls. A local cancel func dropped on some path is left to
//     go vet's lostcancel;
//   - a go statement in init.
//
// Through helpers: every package exports, for its exported functions that
// are not request paths themselves, a fact saying that calling them starts
// an unjoined goroutine, with the chain of calls. A call to such a
// function on a request path is reported at the call, citing the chain
// ("b.Publish → b.send → go b.deliver"). One report per goroutine: a go
// statement in a helper of the same package is reported where it is, with
// the request path that reaches it ("sendLater, called from net/http
// handler Notify"), never at the calls; a function that is a request path
// of its own package exports no fact, since its goroutines are reported
// there. The standard library's own goroutines are not reported.
//
// The pass stays silent on joins through errgroup, sync.WaitGroup
// (Add/Done/Wait or wg.Go), also when Add, Done and Wait sit in different
// methods of one type; on supervisor helpers, recognised by structure (a
// function that runs its func parameter in a goroutine it tracks with a
// WaitGroup or an errgroup), and the closures handed to them; on
// stop/stopped channel pairs and other channels a goroutine closes or
// sends on that its owner receives from; on the future pattern (a buffered
// channel with room for every send, read by the launcher); and on server
// goroutines in main that a graceful Shutdown stops. A join does not need
// recover.
//
// Bad: the goroutine outlives the request, and nobody waits for it.
//
//	func (h *Handler) Signup(w http.ResponseWriter, r *http.Request) {
//		u := h.create(r)
//		go h.mailer.SendWelcome(r.Context(), u)
//	}
//
// Good: the work runs under an owner that joins it at shutdown.
//
//	type Mailer struct{ wg sync.WaitGroup }
//
//	func (m *Mailer) SendWelcomeLater(u User) {
//		m.wg.Add(1)
//		go func() {
//			defer m.wg.Done()
//			m.send(context.Background(), u)
//		}()
//	}
//
//	func (m *Mailer) Close() { m.wg.Wait() }
//
// Bad: when the context is done first, the goroutine blocks forever on
// the unbuffered send.
//
//	ch := make(chan result)
//	go func() { ch <- fetch(ctx) }()
//	select {
//	case r := <-ch:
//		return r, nil
//	case <-ctx.Done():
//		return result{}, ctx.Err()
//	}
//
// Good: make(chan result, 1) leaves room for the one send.
//
// To suppress a finding, write //lifelint:ignore unsupervisedgo <reason>
// on the line or on the enclosing function.
package unsupervisedgo
