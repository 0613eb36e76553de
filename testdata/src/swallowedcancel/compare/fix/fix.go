package fix

import (
	"context"
	"log"
)

func call(ctx context.Context) error { return nil }

func eq(ctx context.Context) {
	err := call(ctx)
	if err == context.Canceled { // want `use errors.Is`
		log.Print("canceled")
	}
	if err != nil && context.DeadlineExceeded != err { // want `use !errors.Is`
		log.Print(err)
	}
}

func sw(ctx context.Context) int {
	err := call(ctx)
	switch err { // (tag)
	case nil:
		return 0
	case context.Canceled, context.DeadlineExceeded: // want `switch err`
		return 1
	default:
		return 2
	}
}

// A field is possibly wrapped like a call result.
func field(r struct{ err error }) bool {
	return r.err == context.Canceled // want `use errors.Is`
}
