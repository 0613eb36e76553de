package done

import (
	"context"
	"errors"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

type GetRequest struct{}
type GetResponse struct{}

type server struct{}

// ok: a gRPC method maps cancellation to a status at the protocol boundary.
func (s *server) Get(ctx context.Context, req *GetRequest) (*GetResponse, error) {
	select {
	case <-ctx.Done():
		return nil, status.FromContextError(ctx.Err()).Err()
	default:
	}
	if err := fetch(ctx); err != nil {
		if errors.Is(err, context.Canceled) {
			return nil, status.Error(codes.Canceled, "request canceled")
		}
		return nil, err
	}
	return &GetResponse{}, nil
}
