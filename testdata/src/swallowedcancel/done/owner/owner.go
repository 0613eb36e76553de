package main

import (
	"context"
	"errors"
	"log"
	"os"
	"os/signal"
	"time"
)

func serve(ctx context.Context) error { <-ctx.Done(); return ctx.Err() } // want serve:"returns ctx error"

// ok: the owner of the context returns nil on its own shutdown.
func run() error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := serve(ctx); err != nil {
		if errors.Is(err, context.Canceled) {
			return nil
		}
		return err
	}
	return nil
}

// ok: WithCancel in the same function.
func drain(parent context.Context) error {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	defer cancel()
	select {
	case <-ctx.Done():
		return nil
	case <-time.After(time.Millisecond):
		return nil
	}
}

func main() {
	if err := run(); err != nil {
		log.Fatal(err)
	}
	_ = drain(context.Background())
}
