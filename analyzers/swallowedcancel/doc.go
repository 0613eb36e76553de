// Package swallowedcancel defines an Analyzer that reports cancellation
// that is swallowed instead of propagated.
//
// # Analyzer swallowedcancel
//
// swallowedcancel: report cancellation that is swallowed instead of propagated
//
// When cancellation is swallowed, shutdown never propagates: workers spin
// and log "context canceled" in a tight loop, retry forever, or report
// success to a caller whose request is already gone. The pass knows who
// owns a context (the function that created it with WithCancel,
// WithTimeout, WithDeadline, signal.NotifyContext, or main) and follows
// loops. It reports:
//
//   - err == context.Canceled, != context.DeadlineExceeded, and
//     switch err { case context.Canceled: }, whatever err's source (a call
//     result, parameter, field, map or slice element, range variable,
//     named result, closure capture): callers wrap context errors with %w,
//     *url.Error, gRPC. A suggested fix rewrites them to errors.Is (a
//     tagless switch for the switch form), resolving the name errors in
//     the scope at the edit: it uses the errors import, adds it (as
//     stderrors when errors names something else there), or is not
//     offered. ctx.Err() == context.Canceled, context.Cause(ctx), a
//     variable assigned only from those, and the target parameter of an
//     Is(target error) bool method are exact and are not reported;
//   - err.Error() compared with, or strings.Contains'ed for, "context
//     canceled" or "context deadline exceeded";
//   - a function that received its context (a context.Context parameter)
//     and returns a nil error when it is done: in case <-ctx.Done(), or
//     after errors.Is(err, context.Canceled), err == context.X or
//     ctx.Err() != nil. A try-send returning (bool, error) that answers
//     false, nil when the context is done in a select with a send case
//     says "not handed over" and is not reported. A branch that writes a
//     protocol response (http.Error, WriteHeader, gin/echo/fiber status,
//     gRPC status) is a boundary and is not reported, and so is one that
//     stops a server the function holds in a local (srv.Shutdown: a
//     Run(ctx) whose context is its stop signal); nor is a function that creates a
//     cancellable context itself (it owns its shutdown), with
//     WithCancel, WithTimeout, NotifyContext and the like or with a helper
//     returning (context.Context, context.CancelFunc) as they do (a
//     handler answering "timed out" or "no change" on its own child
//     deadline), nor main, nor a
//     function only a supervisor runs: one that calls its func parameter
//     with a context it created (WithCancel kept in a local or a field,
//     its cancel func kept), as goroutine groups and handles do
//     (g.Go(s.loop), Stop cancels), known across packages by a fact;
//   - in the same branches, a fresh error that loses the context error's
//     identity (errors.New, fmt.Errorf without %w) when it is returned,
//     and also in functions that return nothing when it is sent on a
//     channel, stored where it outlives the branch (a field, a pointer,
//     a package or captured variable, a named result) or passed on for a
//     parameter of type error of a call that is a statement or whose
//     result is returned (s.fail(errors.New("stopped")),
//     cb(fmt.Errorf("canceled"))); parameters of type any (log.Print),
//     loggers taking ...any after the error (logr's Error), field
//     builders used as arguments (zap.Error), wrappers and recorders
//     (errors.Join, span.RecordError) are not reported; and fmt.Errorf
//     that formats ctx.Err() without %w anywhere;
//   - a nil error returned for the error of a call given the function's
//     context (if err := fetch(ctx); err != nil { log.Print(err); return
//     nil }): cancellation is dropped with every other error. Silent when
//     the branch checks the context, writes a protocol response, or hands
//     the error to whoever waits for it (sends it, stores it where it
//     outlives the function, puts it in a result value), or returns it
//     in another result (return nil, warnings.Add(err), nil: best effort),
//     and in an unexported per-item helper whose every caller in the
//     package (through unexported helpers handing on their context) runs
//     it in a loop that leaves on that context's Done or Err, or a
//     context it derives from: the loop stops the work; and in a function
//     whose every call in the package, static or through an interface it
//     implements, passes a context nobody cancels (context.Background(),
//     TODO(), WithoutCancel, with values added by context.WithValue, gRPC
//     metadata, or a wrapper of them, or a local every assignment sets to
//     one, declared first or not, whose address is not taken and which no
//     range reassigns): there is no cancellation to lose.
//     Callers in other packages are not seen, so an exported function
//     whose importers pass a cancellable context is a miss;
//   - loops that cannot stop once their context is done: a continue in
//     case <-ctx.Done(); an unlabelled break in case <-ctx.Done() when the
//     loop checks the context nowhere else; a continue that skips the
//     loop's only select on ctx.Done(); for range ticker.C (or time.Tick)
//     in a function with a context and no check of it in the body; a
//     for loop with no check of its context that logs the error of a
//     context-aware call and continues (a tight spin once the context is
//     done), or, in a bounded loop that sleeps, retries it (cancellation
//     treated as a transient failure). A call is context-aware when it
//     takes a context.Context argument or when its summary says that it
//     returns its context's error;
//   - an endless loop (no condition) whose only exits are ifs on the
//     non-nil result of a filter of context errors, a function that
//     returns nil for a context error and the error otherwise (known
//     across packages by a fact), applied to the error of a
//     context-aware call (if err := ignoreCanceled(work(ctx)); err !=
//     nil { return err }): once the context is done the filter turns its
//     error into nil and the loop goes round forever. Silent when the
//     loop can leave otherwise (another return, a break or labelled
//     branch out of it, panic, log.Fatal), checks its context anywhere,
//     runs under a context nobody cancels, or is in the owner of its
//     context;
//   - a check of the context that drops what it notices: if ctx.Err() !=
//     nil { ... } (or if err := ctx.Err(); err != nil { ... }), or a poll
//     select { case <-ctx.Done(): ...; default: }, whose branch neither
//     returns, leaves, assigns, sends nor passes the error to a call, in a
//     function that received its context and later returns nil.
//
// Every function exports a fact when it returns its context's error
// (ctx.Err(), context.Cause, a %w wrap of them, or the result of another
// such function), so a loop in another package that logs and continues on
// a helper without a context parameter (a poller holding its context) is
// still reported, at the if, with the chain ("(*b.Poller).Next →
// ctx.Err()"). Reports are made where the swallowing happens, never at the
// callers, so each bug is reported once.
//
// Not reported: errors.Is followed by returning or wrapping the error;
// other sentinels (errors.Is(err, http.ErrServerClosed)); retrying a
// per-attempt child deadline while the parent is alive
// (errors.Is(err, context.DeadlineExceeded) && ctx.Err() == nil); retrying
// a call whose contexts nobody can cancel (context.TODO(), a root with a
// timeout made for the attempt, or the result of a function that takes no
// context and returns such a one, known across packages by a fact);
// skipping
// a log line for cancellation when the loop head (or body) checks the
// context; loops ranging over channels, which stop when the channel is
// closed.
//
// Bad:
//
//	func (r *Repo) Reserve(ctx context.Context, id int64) error {
//		select {
//		case <-ctx.Done():
//			return nil // the caller thinks the reservation succeeded
//		default:
//		}
//		...
//	}
//
//	for range ticker.C { // never stops once ctx is done
//		if err := sweep(ctx); err != nil {
//			log.Print(err)
//		}
//	}
//
//	if err == context.Canceled { // misses fmt.Errorf("...: %w", ctx.Err())
//
// Good:
//
//	select {
//	case <-ctx.Done():
//		return ctx.Err()
//	default:
//	}
//
//	for {
//		select {
//		case <-ctx.Done():
//			return ctx.Err()
//		case <-ticker.C:
//			if err := sweep(ctx); err != nil {
//				log.Print(err)
//			}
//		}
//	}
//
//	if errors.Is(err, context.Canceled) {
//
// Known misses: loops whose context check is hidden in a
// helper called from the body without a context argument; returns of a
// nil error after the done branch has been left (flow-insensitive; no
// SSA by design).
//
// To suppress a finding, add //lifelint:ignore swallowedcancel <reason> on
// the line or the function.
package swallowedcancel
