// Package pb mimics protoc-gen-go-grpc output.
package pb

import (
	"context"

	"google.golang.org/grpc"
)

type GetReq struct{ ID string }
type GetResp struct{ Name string }

type UsersServer interface {
	Get(context.Context, *GetReq) (*GetResp, error)
	mustEmbedUnimplementedUsersServer()
}

type UnimplementedUsersServer struct{}

func (UnimplementedUsersServer) Get(context.Context, *GetReq) (*GetResp, error) { return nil, nil }
func (UnimplementedUsersServer) mustEmbedUnimplementedUsersServer()             {}

func RegisterUsersServer(s grpc.ServiceRegistrar, srv UsersServer) {}

type OrdersServer interface {
	Place(context.Context, *GetReq) (*GetResp, error)
}

func RegisterOrdersServer(s grpc.ServiceRegistrar, srv OrdersServer) {}
