package behaviour

import (
	"context"

	"google.golang.org/grpc"
)

// gatewayDial returns a dial function: the literal returns the connection
// it creates, so it hands it to its caller, which decides how often to
// dial (once, at setup): a factory, judged at its calls.
func gatewayDial(addr string) func(ctx context.Context) (*grpc.ClientConn, error) {
	return func(_ context.Context) (*grpc.ClientConn, error) {
		conn, err := grpc.NewClient(addr) // ok: returned to the caller
		if err != nil {
			return nil, err
		}
		return conn, nil
	}
}

// pinger returns a per-call closure that creates a connection, uses it
// and drops it: a connection per call.
func pinger(addr string) func(ctx context.Context) error {
	return func(ctx context.Context) error {
		conn, err := grpc.NewClient(addr) // want `grpc.NewClient creates a gRPC client connection in closure returned by pinger`
		if err != nil {
			return err
		}
		_ = conn
		return nil
	}
}
