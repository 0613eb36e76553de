package requestpath

import (
	"fmt"
	"go/token"
)

// Kind classifies why code is on a request path.
type Kind int

const (
	// Handler is a function of a framework's handler shape (net/http, gin,
	// echo, fiber, connect, nats, telebot, go-telegram/bot), a method of a
	// handler interface (ServeHTTP, sarama ConsumeClaim), or a configured
	// handler shape.
	Handler Kind = iota + 1
	// GRPCMethod is a method of a type that implements a generated gRPC
	// service interface or embeds Unimplemented<Service>Server.
	GRPCMethod
	// MessageLoop is the body of a loop that runs once per message
	// (ranging over deliveries, kafka-go reader loops, tgbotapi updates).
	MessageLoop
	// TickLoop is the body of a loop that runs once per tick.
	TickLoop
	// PerOperation is a function that takes a context.Context and is not a
	// constructor, main, init, startup, shutdown or CLI code.
	PerOperation
	// FactoryClosure is a function literal returned by a factory, to be
	// called per request or per operation.
	FactoryClosure
	// Called is a function of this package that a request path calls.
	Called
)

// ChannelFramework is the Framework of a worker's loop over a channel of
// no known message type.
const ChannelFramework = "channel"

// Reason says why a function or region is on a request path. Reasons are
// immutable; Called reasons point to the caller's reason.
type Reason struct {
	Kind Kind
	// Framework names the framework or message source: "net/http", "gin",
	// "grpc", "amqp091", "kafka-go", "tick", "configured", ...
	Framework string
	// Name is the function the request path starts at ("(*API).GetUser",
	// "func literal"), or for Called, the called helper.
	Name string
	// Pos is where that function or loop starts.
	Pos token.Pos
	// Via is the caller's reason, for Called.
	Via *Reason
}

// Root returns the reason at the start of a Called chain.
func (r *Reason) Root() *Reason {
	for r.Kind == Called && r.Via != nil {
		r = r.Via
	}
	return r
}

// String renders the reason for diagnostics, e.g. "net/http handler
// (*API).GetUser", "per-message loop over amqp091 deliveries",
// "helper load, called from gin handler (*API).Show".
func (r *Reason) String() string {
	switch r.Kind {
	case Handler:
		return fmt.Sprintf("%s handler %s", r.Framework, r.Name)
	case GRPCMethod:
		return "gRPC method " + r.Name
	case MessageLoop:
		if r.Framework == ChannelFramework {
			return "per-message loop over a channel"
		}
		return fmt.Sprintf("per-message loop over %s messages", r.Framework)
	case TickLoop:
		return "per-tick loop"
	case PerOperation:
		return fmt.Sprintf("per-operation function %s (it takes a context.Context)", r.Name)
	case FactoryClosure:
		return "closure returned by " + r.Name + " (called per request)"
	case Called:
		if r.Via != nil {
			return fmt.Sprintf("%s, called from %s", r.Name, r.Via.Root())
		}
		return r.Name
	}
	return "request path"
}
