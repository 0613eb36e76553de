// Package handlerblock defines an Analyzer that reports request paths that
// block without honouring the request context.
//
// # Analyzer handlerblock
//
// handlerblock: report request paths that block without honouring the request context
//
// A handler that sleeps, queries, dials, resolves, runs a process or sends
// an HTTP request without its request context cannot be cancelled. When the
// client goes away the work goes on; at SIGTERM, http.Server.Shutdown and
// the pod wait for it; under load, requests pile up behind a slow backend.
//
// On a request path (handlers, gRPC methods, per-message and per-tick loop
// bodies, per-operation functions that take a context, closures a factory
// returns, and the helpers they call) the pass reports:
//
//   - time.Sleep, and <-time.After outside a select that also receives
//     from ctx.Done(); a constant pause of at most a second between the
//     rounds of a loop that checks its context each round (for ctx.Err()
//     == nil { ...; time.Sleep(50 * time.Millisecond) }) is a throttle,
//     not a wait, and is left alone;
//   - http.Get, Head, Post and PostForm, the same methods of an
//     *http.Client (http.DefaultClient included), an http.NewRequest whose
//     request reaches (*http.Client).Do with no WithContext, and a
//     req.WithContext(ctx) whose result is dropped;
//   - database/sql and sqlx methods that have a Context variant (Query,
//     QueryRow, Exec, Prepare, Begin, Ping, Get, Select, ...);
//   - gorm queries (First, Find, Create, Updates, Transaction, ...) on a
//     *gorm.DB held in a struct field or package variable whose chain has
//     no WithContext: gorm then runs them under context.Background;
//   - exec.Command(...).Run, Output and CombinedOutput, and Wait after
//     Start;
//   - net.Dial and its variants (but not a dial of the constant network
//     "unixgram", whose connect only records its peer), net.Lookup*,
//     tls.Dial, smtp.SendMail,
//     grpc.Dial, and the other entries of the blocking knowledge table
//     (amqp091 Publish, PublishWithDeferredConfirm and its Wait, sarama
//     SyncProducer.SendMessage(s), nats Request, Flush and NextMsg);
//   - resty requests whose chain from client.R() has no SetContext;
//   - a send to or a receive from a channel held in a struct field or a
//     package-level variable, outside a select, and a select with no
//     default and no ctx.Done() case whose cases are all on such channels;
//     a send to or a receive from a channel parameter, outside a select, in
//     a per-operation function (it received a context to give up with, and
//     the channel's other end is the caller's), unless the package shows
//     that end: the function is started as a goroutine (go f(...), a
//     literal handed to errgroup's Go, also through an interface), taken as
//     a value, or handed by a caller a buffered channel or one the caller
//     also uses in a goroutine or literal (go consume(out); produce(ctx,
//     out)), or it assigns the parameter or uses it in a literal or a
//     goroutine of its own;
//     channels the function makes itself, other parameters and deferred
//     receives (a semaphore release) are left alone, and so is a counting
//     semaphore filled with its tokens where it is made (a receive takes a
//     token, a send puts it back): like a sync.Mutex, it waits only for
//     another holder; so is the one send to a reply channel (an unexported
//     field whose every value the package makes with a buffer) that its
//     sender closes right after: it fills the buffer made for it;
//   - context.Background() and context.TODO() where the request context is
//     in scope, including context.WithTimeout(context.Background(), ...);
//   - a *gin.Context passed where a context.Context is expected: its Done
//     channel is nil unless the engine sets ContextWithFallback;
//   - calls to functions, in this or any other package, that block in one
//     of these ways, named with the chain ("calls (*repo.Repo).Get →
//     (*sql.DB).QueryRow"). A func-valued package variable or struct field
//     initialised to a blocking function (var sleep = time.Sleep,
//     Retrier{Sleep: time.Sleep}) blocks when called. Calls in go
//     statements and in function literals do not count for the summary,
//     and channel operations count only within their package. A call of
//     a helper of the package whose blocking all sits under tests of its
//     parameters against constants (if d > 25*time.Millisecond { ... })
//     does not block when its constant arguments fail those tests
//     (ready(time.Millisecond)). A helper with no context in scope that
//     calls the Context variant of a table entry (QueryRowContext,
//     ExecContext, DialContext, PublishWithContext, ...) with a context
//     nothing cancels (context.Background(), TODO(), a context.WithX or
//     WithValue child of one, or a local set only to such contexts) blocks
//     as surely ("calls (*store.Store).UserByID →
//     (*sql.DB).QueryRowContext(context.Background())"); its own body is
//     not reported, and neither is a deadline over a root that is also
//     handed to a Shutdown or Close, nor startup code (by name, or by any
//     behaviour but owning that root context). The standard library gets
//     no summaries: its blocking calls are listed directly.
//
// Each root cause is reported once. A function that is a request path by
// its own shape (a handler, a per-operation function, a worker loop's body)
// is reported in its body. A helper that is on a request path only because
// one calls it is reported at the call on the request path, with the chain
// ("calls s.lookup → (*sql.DB).QueryRow"), in this package as in any other.
// A chain that request paths of a package reach from several call sites is
// one finding, at the first call, naming how many call sites and request
// paths reach it; the other sites are related locations (JSON "related",
// SARIF relatedLocations, LSP relatedInformation), and an ignore directive
// on the first line covers the group. The fix is to give the helper a
// context parameter. Calls in a go statement or in a literal handed to a
// spawner (errgroup's Go, wg.Go) run beside the request, not in it.
//
// Summaries cross packages within a module on any path. For third-party
// modules the knowledge tables decide, so a rarely-taken branch deep in a
// library (a dial to reconnect) does not make its context-aware API look
// blocking; a library function counts as blocking only when every step of
// its chain is unconditional, a statement that runs on every normal path
// through its function: in the body or a plain { } block, or in the init
// or condition of an if, switch or for (a range's operand), never in the
// body of an if, switch, select or loop, in a function literal, a go or
// defer statement, the right operand of && or ||, nor after a statement
// that may return (an early return) or goto. A library's
//
//	func (c *Client) Ping() error {
//		conn, err := net.Dial("tcp", c.addr) // unconditional
//		...
//
// is reported at the app's call ("calls (*client.Client).Ping → net.Dial");
// the same dial under if c.conn == nil is not, nor a call of Ping on a
// branch of another library function. The fact marks such a chain "(on
// every path)". Library summaries exist only for the modules the driver
// analyses for facts: the lifelint command analyses the modules of its
// patterns (add others with -facts-from); golangci-lint and go vet with
// the plain vet tool analyse every dependency.
// Startup, factory and lifetime code is recognised by name and by
// behaviour (it returns the pool it creates, creates its own root context,
// waits for its context to end, or serves and then stops), and loops by
// their exits: a worker loop's body runs per message or tick (so do the
// statements after a worker's wait), while an endless loop that leaves on
// success is a retry loop and its function stays per-operation. A range
// over deliveries or ticks (for range ticker.C, for range time.Tick(d))
// runs per message or tick in any function. A loop over a plain channel
// that a function taking a context is given, as a parameter or in a field
// (for v := range in, or for { v, ok := <-in; if !ok { return }; ... }),
// runs per message when its only exits are the channel closing, ctx.Done()
// or an error; the function is then a worker, and its code before the loop
// or on the way out runs once. A range over a channel that returns when
// one message matches is a search, and a range over a channel the function
// made itself (a fan-in of its own goroutines), a slice, a map, an
// integer or an iterator is part of one operation: those functions stay
// per-operation.
//
// Suggested fixes use the request context in scope (ctx, r.Context(),
// c.Request.Context(), ...): Query → QueryContext(ctx, ...), Begin →
// BeginTx(ctx, nil), exec.Command → exec.CommandContext(ctx, ...),
// http.NewRequest → http.NewRequestWithContext(ctx, ...),
// context.Background() → the request context, h.db.First → h.db.WithContext(ctx).First
// for gorm, c.R().Get → c.R().SetContext(ctx).Get for resty, c →
// c.Request.Context() for a *gin.Context, and a bare send ch <- v → select {
// case ch <- v: case <-ctx.Done(): } where giving up skips nothing: the
// send ends a function with no results, or comes right before return nil
// in a function that returns an error (the case then returns ctx.Err()).
//
// A long-lived type that keeps its context in a field and waits on it
// (<-w.ctx.Done() somewhere in its package, outside tests) runs its per-message and
// per-tick loops under that context. With no context parameter in scope,
// code on such a loop in a method of the type, and in the methods of the
// type the loop calls, has w.ctx as its context: the advice, the fixes
// and context.Background() reports name it
// (w.db.Exec → w.db.ExecContext(w.ctx, ...), "pass the worker's context
// w.ctx down"). The type's methods do not become request paths by
// themselves: its constructor, its Run before and after the loop, and a
// method a handler calls (whose context is the handler's) are judged as
// before. A context field that nothing waits on (a stored parent or a
// carrier of values), a type with two such fields, a field promoted from
// an embedded struct, and a loop in a plain function handed the value are
// not taken as the loop's context, nor is a context waited on only
// through a variable (done := w.ctx.Done()).
//
// Bad:
//
//	func (a *API) Show(w http.ResponseWriter, r *http.Request) {
//		row := a.db.QueryRow("select name from users where id = $1", id)
//		time.Sleep(backoff)
//		out, err := exec.Command("convert", in, out).Output()
//	}
//
// Good:
//
//	func (a *API) Show(w http.ResponseWriter, r *http.Request) {
//		ctx := r.Context()
//		row := a.db.QueryRowContext(ctx, "select name from users where id = $1", id)
//		select {
//		case <-time.After(backoff):
//		case <-ctx.Done():
//			return
//		}
//		out, err := exec.CommandContext(ctx, "convert", in, out).Output()
//	}
//
// Silent on the Context variants, http.NewRequestWithContext,
// http.NewRequest followed by req = req.WithContext(ctx), deliberate
// detachment with context.WithoutCancel(r.Context()) plus a timeout, a
// fresh root for cleanup that runs only once the request context is done
// (under if ctx.Err() != nil, after if ctx.Err() == nil { return }, in a
// case <-ctx.Done()), where the request context would fail at once, a
// deadline context over a fresh root that is only waited on together with
// the request context (put in one []context.Context with it),
// exec.Command followed by Start (a process meant to outlive the request),
// calls in goroutines the request path starts, and all of these in main,
// init, constructors, CLI and other startup code.
//
// Not yet reported: selects that also wait on a local channel or a
// parameter, the receive of a range over a channel, channel operations on
// locals, on parameters of functions that are not per-operation (no
// context to watch) and in their literals, the body of a loop over a plain
// channel in a function with no context (a background worker with nothing
// to honour) or over a channel held in a local or returned by a call (for
// m := range sub.Channel()), and channel operations in functions of other
// packages; ctx-less calls through
// interfaces, func parameters or func values of other packages; an
// exec.Cmd or http.Request that comes from a parameter or a field (its
// origin is unknown, so the pass stays silent); a resty request kept in
// a variable before it is sent; a Context variant given context.Background
// in a helper with no context when the call is not a table entry's variant
// (pgx, go-redis, mongo-driver calls, which always take a context), when
// the context comes from a field (s.ctx), a parameter or an unknown call,
// or when the call sits in a worker loop's body or a literal of the helper.
// A send to a shared buffered channel is
// reported even when its buffer usually has room: it blocks once the
// buffer is full, and the pass cannot know the fill level.
//
// Add blocking functions with -lifelintconfig.blocking=(*example.com/queue.Client).Pop,
// or the blocking key of .lifelint.yml. Suppress a finding with
// //lifelint:ignore handlerblock <reason> on its line or the line above.
package handlerblock
