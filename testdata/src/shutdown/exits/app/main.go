// Command app exits in the ways that skip cleanup, beside the fixed forms.
package main

import (
	"context"
	"database/sql"
	"log"
	"os"

	"golang.org/x/sync/errgroup"
	"k8s.io/klog/v2"

	"shutdown/exits/cmd/tool"
	"shutdown/exits/lib"
)

func work() error { return nil }

func main() {
	if len(os.Args) > 5 {
		log.Fatal("too many arguments") // before anything needs cleanup: silent
	}
	db, err := sql.Open("pgx", lib.MustEnv("DSN")) // not after a defer yet: silent
	if err != nil {
		log.Fatal(err) // silent: nothing deferred yet
	}
	defer db.Close()

	go func() {
		if err := work(); err != nil {
			log.Fatalf("worker: %v", err) // want `log.Fatalf in a goroutine exits the process without running the deferred db.Close\(\) of main: in-flight work is lost; return the error to the goroutine's owner \(errgroup, an error channel\) and shut down from there`
		}
	}()
	go func() {
		klog.Fatal("stopped") // want `klog.Fatal in a goroutine exits the process`
	}()
	go lib.Check() // want `lib.Check → lib.MustEnv → log.Fatalf in a goroutine exits the process`
	var g errgroup.Group
	g.Go(func() error {
		lib.Check() // want `lib.Check → lib.MustEnv → log.Fatalf in a goroutine`
		return nil
	})
	_ = g.Wait()

	if err := work(); err != nil {
		log.Fatalf("work: %v", err) // want `log.Fatalf after defer db.Close\(\) exits the process without running it: the deferred cleanup is skipped; return an error instead \(move the body into a run\(\) error\) and exit in main once the deferred calls ran`
	}
	_ = lib.MustEnv("PORT") // want `lib.MustEnv → log.Fatalf after defer db.Close\(\) exits the process without running it`
	if len(os.Args) > 3 {
		tool.Usage() // want `tool.Usage → os.Exit after defer db.Close\(\) exits the process`
	}
	if err := work(); err != nil {
		db.Close()
		os.Exit(1) // os.Exit after the cleanup ran: silent
	}
}

// runMain is the fixed form of main: run returns, then main exits after
// the deferred calls of run ran.
func runMain() {
	if err := run(context.Background()); err != nil {
		log.Print(err)
		os.Exit(1)
	}
}

func run(ctx context.Context) error {
	db, err := sql.Open("pgx", "postgres://")
	if err != nil {
		return err
	}
	defer db.Close()
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error { return gctx.Err() })
	return g.Wait()
}
