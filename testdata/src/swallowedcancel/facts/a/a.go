// Package a uses helpers through their ctxErrFact: its own (the chain
// a.fetch → ctx.Err()) and package b's, across packages.
package a

import (
	"context"
	"log"

	"swallowedcancel/facts/b"
)

func fetch(ctx context.Context) error { return ctx.Err() } // want fetch:"returns ctx error"

func logAndContinue(ctx context.Context) {
	for {
		err := fetch(ctx)
		if err != nil { // want `the loop logs the error and continues from a.fetch → ctx.Err\(\) and never checks its context`
			log.Printf("fetch: %v", err)
			continue
		}
	}
}

// through a helper of another package: the poller returns ctx.Err().
func helperLoop(p *b.Poller) {
	for {
		job, err := p.Again()
		if err != nil { // want `from \(\*b.Poller\).Again → \(\*b.Poller\).Next → ctx.Err\(\)`
			log.Print(err)
			continue
		}
		log.Print(job)
	}
}

// ok: a loop whose error from a call without a context is logged.
func plainLoop() {
	for {
		if err := b.Plain(); err != nil {
			log.Print(err)
			continue
		}
		return
	}
}
