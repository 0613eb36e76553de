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
//     from ctx.Done();
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
//   - net.Dial and its variants, net.Lookup*, tls.Dial, smtp.SendMail,
//     grpc.Dial, and the other entries of the blocking knowledge table
//     (amqp091 Publish, PublishWithDeferredConfirm and its Wait, sarama
//     SyncProducer.SendMessage(s), nats Request, Flush and NextMsg);
//   - resty requests whose chain from client.R() has no SetContext;
//   - a send to or a receive from a channel held in a struct field or a
//     package-level variable, outside a select, and a select with no
//     default and no ctx.Done() case whose cases are all on such channels;
//     channels the function makes itself, parameters and deferred
//     receives (a semaphore release) are left alone;
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
//     and channel operations count only within their package. The
//     standard library gets no summaries: its blocking calls are listed
//     directly.
//
// Each problem is reported once. A function that is a request path itself
// (a handler, a per-operation function, a local helper a request path
// calls) is reported in its body, and calls to it are not. So calls are
// reported, with their chain, only to functions whose bodies are not: in
// practice exported functions of other packages that are not request paths
// there because they take no context (repo.Get(id), client.Fetch(url)).
// A function of another package that takes a context is reported in its
// own package.
//
// Suggested fixes use the request context in scope (ctx, r.Context(),
// c.Request.Context(), ...): Query → QueryContext(ctx, ...), Begin →
// BeginTx(ctx, nil), exec.Command → exec.CommandContext(ctx, ...),
// http.NewRequest → http.NewRequestWithContext(ctx, ...),
// context.Background() → the request context, h.db.First → h.db.WithContext(ctx).First
// for gorm, c.R().Get → c.R().SetContext(ctx).Get for resty, and c →
// c.Request.Context() for a *gin.Context.
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
// detachment with context.WithoutCancel(r.Context()) plus a timeout,
// exec.Command followed by Start (a process meant to outlive the request),
// calls in goroutines the request path starts, and all of these in main,
// init, constructors, CLI and other startup code.
//
// Not yet reported: selects that also wait on a local channel, ranges
// over channels, channel operations on locals and parameters, and channel
// operations in functions of other packages; ctx-less calls through
// interfaces, func parameters or func values of other packages; an
// exec.Cmd or http.Request that comes from a parameter or a field (its
// origin is unknown, so the pass stays silent); a resty request kept in
// a variable before it is sent. A send to a shared buffered channel is
// reported even when its buffer usually has room: it blocks once the
// buffer is full, and the pass cannot know the fill level.
//
// Add blocking functions with -lifelintconfig.blocking=(*example.com/queue.Client).Pop,
// or the blocking key of .lifelint.yml. Suppress a finding with
// //lifelint:ignore handlerblock <reason> on its line or the line above.
package handlerblock
