package text

import (
	"context"
	"strings"
)

func fetch(ctx context.Context) error { return ctx.Err() } // want fetch:"returns ctx error"

func stringMatch(ctx context.Context) bool {
	err := fetch(ctx)
	if err.Error() == "context canceled" { // want `comparing err.Error\(\) with the text of a context error`
		return true
	}
	return strings.Contains(err.Error(), "context deadline exceeded") // want `matching err.Error\(\) against the text`
}
