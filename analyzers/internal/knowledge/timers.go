package knowledge

// PlainWaits are calls that wait for a duration without watching a
// context. A retry loop that backs off with one goes round again after
// its context is done: the wait is no check of the context.
var PlainWaits = map[string]bool{
	// Sleeps the whole duration whatever happens to the context.
	"time.Sleep": true,
	// Its channel fires after the duration; outside a select on ctx.Done()
	// it is a sleep.
	"time.After": true,
}

// TickCalls return a channel that delivers ticks forever and is never
// closed: a for range over it stops only by a check inside the loop.
var TickCalls = map[string]bool{
	// time.Tick's ticker cannot be stopped (https://pkg.go.dev/time#Tick).
	"time.Tick": true,
}

// TickerChan names the channel field of a ticker type.
type TickerChan struct {
	Path, Type, Field string
}

// TickerChans are the tick channels of ticker types; Stop does not close
// them (https://pkg.go.dev/time#Ticker.Stop).
var TickerChans = []TickerChan{
	{Path: "time", Type: "Ticker", Field: "C"},
}
