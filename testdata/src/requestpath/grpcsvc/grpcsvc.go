package grpcsvc

import (
	"context"

	"requestpath/pb"
)

// users embeds the generated Unimplemented server.
type users struct {
	pb.UnimplementedUsersServer
}

func (u *users) Get(ctx context.Context, r *pb.GetReq) (*pb.GetResp, error) { // want `gRPC method \(\*users\).Get`
	return u.lookup(r.ID), nil
}

// lookup has no context but is reached from the gRPC method.
func (u *users) lookup(id string) *pb.GetResp { // want `\(\*users\).lookup, called from gRPC method \(\*users\).Get`
	return nil
}

// orders implements a registrable service interface without embedding.
type orders struct{}

func (o orders) Place(ctx context.Context, r *pb.GetReq) (*pb.GetResp, error) { // want `gRPC method orders.Place`
	return nil, nil
}

// NewUsers is a constructor: not a request path.
func NewUsers(ctx context.Context) *users { return &users{} }
