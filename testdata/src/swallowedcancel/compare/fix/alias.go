package fix

import (
	"context"
	stderrors "errors"
	"log"

	"github.com/pkg/errors"
)

// The file imports the standard package under another name: the fix uses it.
func aliased(ctx context.Context) error {
	err := call(ctx)
	switch err {
	case context.DeadlineExceeded: // want `switch err`
		log.Print(stderrors.Unwrap(err))
	}
	return errors.Wrap(err, "call")
}
