package wrap

import (
	"context"
	"fmt"
)

// ok: %w keeps the identity.
func wrapped(ctx context.Context) error { // want wrapped:"returns ctx error"
	<-ctx.Done()
	return fmt.Errorf("stopped: %w", ctx.Err())
}

// fmt.Errorf with %v in a done branch is reported once.
func once(ctx context.Context) error {
	<-ctx.Done()
	return fmt.Errorf("gave up: %v", ctx.Err()) // want `fmt.Errorf formats ctx.Err\(\) without %w`
}
