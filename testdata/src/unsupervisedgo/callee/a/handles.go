package a

import (
	"context"

	"unsupervisedgo/callee/b"
)

// The stop func is dropped: b.Watch's goroutine never stops.
func Dropped() int {
	ch, _ := b.Watch(context.Background()) // want `the stop func that b.Watch returns \(result 1\) is dropped: the goroutine b.Watch starts stops only when it is called, so it runs until the process exits; keep it and call it when done \(defer stop\(\)\)`
	return <-ch
}

// The fixed form: the caller keeps it and defers it.
func KeptStop() int {
	ch, stop := b.Watch(context.Background())
	defer stop()
	return <-ch
}

// The same inside one package.
func watch(ctx context.Context) (<-chan int, context.CancelFunc) {
	ctx, cancel := context.WithCancel(ctx)
	ch := make(chan int, 1)
	go func() {
		<-ctx.Done()
		close(ch)
	}()
	return ch, cancel
}

func DroppedLocal() int {
	ch, _ := watch(context.Background()) // want `the stop func that a.watch returns \(result 1\) is dropped`
	return <-ch
}

func KeptLocal() int {
	ch, cancel := watch(context.Background())
	defer cancel()
	return <-ch
}
