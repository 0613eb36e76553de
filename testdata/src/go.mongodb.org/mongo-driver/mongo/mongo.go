// Package mongo is a stub of go.mongodb.org/mongo-driver/mongo.
package mongo

import (
	"context"

	"go.mongodb.org/mongo-driver/mongo/options"
)

type Client struct{}

func Connect(ctx context.Context, opts ...*options.ClientOptions) (*Client, error) {
	return &Client{}, nil
}
func (c *Client) Disconnect(ctx context.Context) error { return nil }
