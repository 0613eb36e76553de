// Package shutdown defines an Analyzer that reports servers, process exits
// and pools that bypass a graceful startup and shutdown.
//
// # Analyzer shutdown
//
// shutdown: report servers, exits and pools that bypass a graceful startup and shutdown
//
// A service is stopped by a signal (Kubernetes, systemd and docker send
// SIGTERM, then SIGKILL after a grace period). To lose no request it must
// subscribe to the signal, stop accepting work, drain what is in flight
// under a timeout, close its pools and exit. The pass reports the shapes
// that break this:
//
//   - http.ListenAndServe, ListenAndServeTLS, http.Serve and gin's
//     Engine.Run outside tests: they build a server nobody can stop, so
//     every deploy drops in-flight requests. Use an http.Server and call
//     its Shutdown when the signal context is done. http.Serve on a
//     listener its owner can close (a parameter or field, or a local that
//     is closed or stored, as in the owner's list of listeners that its
//     Close closes) is stopped by that Close and is silent.
//   - go srv.ListenAndServe() (or Serve, grpc's Serve, echo's Start, ...)
//     whose error is discarded: a port already in use leaves the process
//     running without serving. Serve on a listener the caller bound (its
//     error checked there) cannot fail that way and is silent. An error handler that exits on
//     http.ErrServerClosed in a function that also calls Shutdown exits
//     before the drain completes.
//   - Shutdown (and echo's, fiber's ShutdownWithContext) called with a
//     context that is already done: after <-ctx.Done(), or in the case
//     <-ctx.Done() of a select. It returns at once and drops in-flight
//     requests.
//   - a serve call (net/http, grpc, echo, fiber, telebot, tgbotapi) on a
//     server variable or field that nothing stops: no Shutdown,
//     GracefulStop, Stop or Close of the same value in the function (for a
//     local) or the package (for a field), and the value is not handed to
//     code that could stop it. A local that only copies a package variable
//     or a field (server := adminServer, under a lock) is checked as that
//     variable.
//   - a main that starts a server or bot, directly or through functions of
//     any package (the fact "serves ..."), in a command that never calls
//     signal.Notify or signal.NotifyContext, itself or through a function
//     that does (the fact "handles signals ..."). When the serving path
//     calls a package that lifelint did not analyse for facts (outside the
//     modules of the patterns; see -facts-from) in the shape of a signal
//     setup (a package-level call whose result is discarded, or that
//     returns a context or a channel), whether it handles signals is
//     unknown and nothing is reported.
//   - signal.Notify or signal.NotifyContext listing signals but not
//     syscall.SIGTERM, with no sibling Notify that subscribes to it (in
//     the same function, or in a function that it or one of its callers
//     calls: split handlers, a SIGHUP reload channel). A suggested fix
//     appends syscall.SIGTERM when the file already imports syscall.
//   - startup I/O (Ping, pgx.Connect) in startup code under
//     context.Background() or context.TODO() with no deadline, or
//     (*sql.DB).Ping, which uses context.Background: an unreachable
//     dependency hangs startup forever and the service never becomes ready.
//   - log.Fatal*, os.Exit, klog.Fatal and similar, or a call of a function
//     that may call one (the fact "exits the process ...", across
//     packages; from a third-party module only when it exits on every
//     normal path, "(on every path)", as in handlerblock): in a goroutine (go, errgroup.Go, wg.Go) started while a
//     deferred Close or Shutdown is pending in its launcher (or in a
//     local caller of the launcher), which it skips; after a deferred Close
//     or Shutdown in the same function, which it skips; or in a library
//     package, where it ends the process of every program that imports it.
//   - a pool (the pool constructors of requestpool) created in main, or in
//     a root that handles signals, of a long-running command, whose Close
//     is never called.
//
// Bad:
//
//	func main() {
//		db, _ := sql.Open("pgx", dsn)
//		defer db.Close()
//		srv := &http.Server{Addr: ":8080", Handler: h}
//		go srv.ListenAndServe() // error discarded, never stopped
//		if err := db.Ping(); err != nil { // no deadline
//			log.Fatal(err) // skips db.Close
//		}
//		select {}
//	}
//
// Good:
//
//	func run() error {
//		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
//		defer stop()
//		srv := &http.Server{Addr: ":8080", Handler: h}
//		errc := make(chan error, 1)
//		go func() { errc <- srv.ListenAndServe() }()
//		select {
//		case err := <-errc:
//			return err
//		case <-ctx.Done():
//		}
//		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
//		defer cancel()
//		return srv.Shutdown(sctx)
//	}
//
// Silent on the NotifyContext → serve in a goroutine → <-ctx.Done() →
// Shutdown(timeout ctx) idiom and its errgroup form, test files, test
// helpers (files that import testing or testify outside _test.go, packages
// under test/, tests/, testutil/, testing/) and packages under examples/,
// one-shot commands that start no server,
// os.Exit after the cleanup ran (no pending defer, or an explicit Close
// before it, also as the last step of a shutdown goroutine), a force
// quit on a second signal or on SIGQUIT while the first signal's graceful
// shutdown runs, log.Fatal in main before anything that needs cleanup
// started, an exit in a goroutine with no deferred cleanup in view (a
// storage loop that fail-stops on a failed write), exits in packages
// under cmd/ or cli/, in the handlers of one-shot commands (functions
// that take a *cobra.Command, *cli.Context or *flag.FlagSet, or are
// registered as a command's action) and in test helpers, a Notify without
// SIGTERM in such a handler that serves nothing (an interactive command
// trapping Ctrl-C), and startup contexts derived from signal.NotifyContext
// (SIGTERM cancels them).
//
// Not detected: a stop that exists but is not reached from the signal path
// (the pass only requires that one exists), consumer loops (amqp091,
// sarama, nats, kafka-go) without a stop, servers reached through
// interfaces or function values, and migrations (no known API).
//
// Suppress a finding with //lifelint:ignore shutdown <reason> on its line
// or the line above.
package shutdown
