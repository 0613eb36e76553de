package fix

import (
	"context"
	"log"
)

// issue 19: a parameter named errors takes the name at the comparison and
// the file does not import the package: the fix imports it under another
// name.
func param(ctx context.Context, errors []error) {
	err := call(ctx)
	if err != context.Canceled { // want `use !errors.Is`
		log.Print(errors)
	}
}
