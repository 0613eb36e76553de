package knowledge

import "time"

// Lifetime (root) code is recognised by what it does, not only by its name
// (see StartupPrefixes): it creates its own root context, blocks until its
// context is done, or runs a server and then shuts it down. Function keys
// are (*types.Func).FullName strings. The context creators themselves
// (ContextCancellers, ContextRoots) are in owners.go, the signal
// subscriptions (SignalHandlers) in lifecycle.go.

// ServeMethods and StopMethods are method names of servers of any library
// (net/http, gRPC, echo, fiber, bots): a function that calls one of each on
// the same receiver type runs a server for its lifetime and then stops it.
// Names, not keys, because every server type has its own.
var (
	ServeMethods = map[string]bool{
		"ListenAndServe": true, "ListenAndServeTLS": true, "Serve": true, "ServeTLS": true,
		"Start": true, "StartTLS": true, "Listen": true, "Run": true,
	}
	StopMethods = map[string]bool{
		"Shutdown": true, "GracefulStop": true, "Stop": true, "Close": true,
		"StopReceivingUpdates": true, "Drain": true,
	}
)

// Sleeps pause the calling goroutine: a worker loop whose body starts with
// one is a "wait, then work" loop, whose statements after the sleep run
// once per tick.
var Sleeps = map[string]bool{
	"time.Sleep": true,
}

// ThrottleLimit is the longest constant sleep that counts as a throttle
// between the rounds of a loop that checks its context each round
// (for ctx.Err() == nil { try(ctx); time.Sleep(50 * time.Millisecond) }):
// cancellation is seen within one such pause, as a request already waits
// that long for a slow packet. A longer or computed sleep (a backoff that
// grows) is reported.
const ThrottleLimit = time.Second
