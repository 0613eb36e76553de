package fix

import (
	"context"
	"log"

	"github.com/pkg/errors"
)

// issue 19: errors names github.com/pkg/errors in this file, so the fix
// imports the standard package under another name.
func pkgErrors(ctx context.Context) error {
	err := call(ctx)
	if err == context.Canceled { // want `use errors.Is`
		log.Print("canceled")
	}
	return errors.Wrap(err, "call")
}
