package knowledge

// Lifetime (root) code is recognised by what it does, not only by its name
// (see StartupPrefixes): it creates its own root context, blocks until its
// context is done, or runs a server and then shuts it down. Function keys
// are (*types.Func).FullName strings. The context creators themselves
// (ContextCancellers, ContextRoots) are in owners.go.

// SignalContexts create a root context cancelled by a signal: the function
// that calls one is the process's lifetime code.
// https://pkg.go.dev/os/signal#NotifyContext
var SignalContexts = map[string]bool{
	"os/signal.NotifyContext": true,
}

// ServeMethods and StopMethods are method names of servers of any library
// (net/http, gRPC, echo, fiber, bots): a function that calls one of each
// runs a server for its lifetime and then stops it. Names, not keys,
// because every server type has its own.
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
