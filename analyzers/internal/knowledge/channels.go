package knowledge

// Channel and condition-variable APIs, for unsupervisedgo's
// goroutine-lifetime model. Call keys are typeutil.FuncName strings;
// field keys are "pkgpath.Type.Field".

// StopSource is a channel a select can receive from without any partner
// goroutine of the package: when its case fires, a launcher that was
// reading results stops reading.
type StopSource struct {
	// Why completes "its launcher stops reading ...".
	Why string
}

// StopCalls are calls whose result channel fires on its own.
var StopCalls = map[string]StopSource{
	// Closed when the context is cancelled or its deadline passes.
	// https://pkg.go.dev/context#Context
	"(context.Context).Done": {Why: "when the context is done"},
	// Delivers once after the duration. https://pkg.go.dev/time#After
	"time.After": {Why: "on a timeout"},
}

// StopFields are channel fields that fire on their own.
var StopFields = map[string]StopSource{
	// https://pkg.go.dev/time#Timer: C delivers when the timer fires.
	"time.Timer.C": {Why: "on a timeout"},
	// https://pkg.go.dev/time#Ticker: C delivers on every tick.
	"time.Ticker.C": {Why: "on a timeout"},
}

// SignalSinks are calls that make the channel argument at the given index
// receive OS signals. Such a channel is never closed by design: the
// goroutine that reads it lives as long as the process.
var SignalSinks = map[string]int{
	// https://pkg.go.dev/os/signal#Notify
	"os/signal.Notify": 0,
}

// CondWaits block until another goroutine signals the condition.
var CondWaits = map[string]bool{
	// https://pkg.go.dev/sync#Cond.Wait
	"(*sync.Cond).Wait": true,
}

// CondWakes wake goroutines blocked in a CondWaits call.
var CondWakes = map[string]bool{
	// https://pkg.go.dev/sync#Cond.Signal
	"(*sync.Cond).Signal": true,
	// https://pkg.go.dev/sync#Cond.Broadcast
	"(*sync.Cond).Broadcast": true,
}

// CondTypes are condition-variable types.
var CondTypes = map[string]bool{
	"sync.Cond": true,
}

// TrackerAdd are the calls that announce goroutines to a tracker before
// they start; a tracker with an Add and a Wait but no Done anywhere waits
// forever.
var TrackerAdd = map[string]bool{
	// https://pkg.go.dev/sync#WaitGroup.Add
	"(*sync.WaitGroup).Add": true,
}

// PrimitivePackages hold the WaitGroup and Cond types: a package that
// imports none of them and starts no goroutine has no confined primitive
// worth a check (unsupervisedgo's fast path).
var PrimitivePackages = map[string]bool{
	"sync": true,
}
