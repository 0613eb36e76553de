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
// The pass models each goroutine's lifetime. A goroutine's body is the
// code it runs itself: its function (a closure bound to a local, as in go
// handle(x), too), the closures it runs in place, the literals its func
// parameters are bound to at the go statement (go eval(x, func() {
// wg.Done() })), and the functions of the package it calls. Goroutines it starts (its
// children) and closures it only hands on (handlers, hooks) run
// elsewhere: their operations are its partners, not its own. Channels,
// WaitGroups and Conds are identified by where they live (a local, a
// parameter, a struct field across the type's methods, a package
// variable). Sends are counted along paths, not statements: sends on
// exclusive branches need room for one value.
//
// The pass reports:
//
//   - a go statement on a request path (handler, per-message or per-tick
//     loop, per-operation function, and the helpers they call) that nobody
//     joins. Handing the goroutine a context does not make it owned:
//     nobody waits for it at shutdown and a panic in it is unrecovered;
//   - a goroutine that sends on a local channel with less room than its
//     sends on some path (a send in a loop, one goroutine per loop
//     iteration on a channel made before the loop, unless the loop runs a
//     constant number of times and the channel has room for all their
//     sends) while its launcher may
//     stop reading: a select that returns on ctx.Done(), on a timeout or on
//     default, or a receive loop that returns on the first error. A
//     timeout or default case after which the launcher still receives
//     from the channel on every path (it warns, then waits; a poll, then a
//     blocking receive) does not stop reading. A suggested fix buffers a
//     channel that gets one send;
//   - a function that returns a channel its goroutine sends on with less
//     room than those sends (an unbuffered future): a caller that drops it
//     leaks the goroutine. Streams, which send in a loop, are the caller's
//     to drain;
//   - a goroutine that calls wg.Done() with no reachable wg.Wait(), and
//     wg.Go or errgroup's Go without Wait. A Wait counts when it is in the
//     launching function (for a local WaitGroup), or in a function of the
//     package that is exported or called somewhere (for a field; a method
//     that implements an interface method the package calls counts as
//     called): a Wait in a method nothing calls does not count, unless the launcher is itself
//     called nowhere the pass can see (through an interface, say). A
//     pointer to a WaitGroup the goroutine gets from a call (an accessor,
//     wg := s.waitGroup()) belongs to whoever made it, which the pass does
//     not follow: it counts as waited for;
//   - an untracked go statement inside a tracked goroutine (a WaitGroup
//     goroutine, an errgroup function, a closure handed to a supervisor):
//     waiting for the outer goroutine does not wait for it;
//   - a goroutine whose stop signal nothing closes, or that its launcher
//     leaves open on some path (an early error return), or that only its
//     own deferred close would close; and a goroutine whose context's
//     cancel func is kept in a field that nothing calls. A stop signal is a
//     receive the goroutine cannot get past otherwise: a select case that
//     processes a value and loops is a work input, and a case beside
//     another case that exits does not hold the goroutine. A local cancel
//     func dropped on some path is left to go vet's lostcancel;
//   - operations no goroutine can ever complete: a send or receive on a
//     channel declared with var and never made (outside a select, where a
//     nil channel disables a case), select {} outside package main, a
//     WaitGroup's Wait when it gets Add but nothing calls Done, and a
//     Cond's Wait when nothing calls Signal or Broadcast;
//   - a call that drops the stop func its callee returns (assigned to _
//     or discarded), when the callee starts a goroutine bound to a context
//     whose cancel func that result is: the goroutine stops only when it
//     is called;
//   - a go statement in init.
//
// Through helpers: every package exports, for its exported functions that
// are not request paths themselves, a fact saying that calling them starts
// an unjoined goroutine, with the chain of calls. A call to such a
// function on a request path is reported at the call, citing the chain
// ("b.Publish → b.send → go b.deliver"). A go statement that runs only
// when a bool parameter of its function has one value (if async { go
// ... }, or after if !force { return }) is not started by a call that
// passes the other value as a constant, and a call that forwards its own
// bool parameter passes the condition on. A call whose result the
// caller ends in a deferred method call (l, err := Open(); defer
// l.Close()) hands the constructor's goroutine to that value, not to the
// caller. One report per goroutine: a go
// statement in a helper of the same package is reported where it is, with
// the request path that reaches it ("sendLater, called from net/http
// handler Notify"), never at the calls; a function that is a request path
// of its own package exports no fact, since its goroutines are reported
// there; a method that starts an untracked worker of its own value (go
// p.work()) that leaves when a channel field of the value is closed, and a
// reachable method of the type closes that field (a pool's Stop), hands
// work to the value's workers and exports no fact either; except a go
// wrapper, a per-operation function whose goroutine runs its func
// parameter with the caller's own inputs (GoSafe(ctx, fn), fn(ctx, id)):
// its go statement is not reported, and its calls on request paths are.
// A callback called with values the function computed itself
// (notify(context.Background(), key)) is an injected dependency, not the
// caller's work: that go statement is reported where it is, once.
// Exported functions also export what they do to their channel
// and WaitGroup parameters ("param 0: sends (in a loop)", "param 0:
// closes", "param 0: calls Done"), so a goroutine that runs a helper of
// another package of the module is judged by what the helper does. The
// standard library's own goroutines are not reported.
//
// The pass stays silent on joins through errgroup, sync.WaitGroup
// (Add/Done/Wait or wg.Go), also when Add, Done and Wait sit in different
// methods of one type; on semaphore drains (goroutines that release a
// weighted semaphore whose full weight the launcher acquires after
// starting them); on supervisor helpers, recognised by structure (a
// function that runs its func parameter in a goroutine it tracks with a
// WaitGroup or an errgroup, or that announces it with wg.Add right before
// the go statement and leaves Done to the functions it is handed), and
// the closures handed to them; on
// stop/stopped channel pairs and other channels a goroutine closes or
// sends on that its owner receives from; on the future pattern (a buffered
// channel with room for every send, read by the launcher or returned, and
// a goroutine that completes on every path a future its launcher returns,
// stores where its callers reach it or awaits: a value whose method closes
// a channel field that another method of the type, taking a context or
// returning results, waits on once);
// on channels handed on inside a value (a reply channel in a request
// struct sent to a worker, even by the goroutine itself), whose other end
// the pass does not follow; on semaphores (a buffered channel a goroutine
// releases); on signal
// channels (signal.Notify); and on server goroutines in main that a
// graceful Shutdown stops. A join does not need recover.
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
