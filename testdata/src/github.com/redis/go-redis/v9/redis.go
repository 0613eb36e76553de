// Package redis is a stub of github.com/redis/go-redis/v9 for lifelint fixtures.
// Add declarations in new files of this directory; do not redefine these.
package redis

import (
	"context"
	"time"
)

type Options struct {
	Addr     string
	PoolSize int
}
type ClusterOptions struct{ Addrs []string }
type UniversalOptions struct{ Addrs []string }
type FailoverOptions struct{ MasterName string }

type StringCmd struct{}

func (c *StringCmd) Result() (string, error) { return "", nil }
func (c *StringCmd) Err() error              { return nil }

type StatusCmd struct{}

func (c *StatusCmd) Err() error { return nil }

type IntCmd struct{}

func (c *IntCmd) Err() error { return nil }

type Client struct{}

func NewClient(opt *Options) *Client                             { return &Client{} }
func NewFailoverClient(opt *FailoverOptions) *Client             { return &Client{} }
func (c *Client) Close() error                                   { return nil }
func (c *Client) Get(ctx context.Context, key string) *StringCmd { return &StringCmd{} }
func (c *Client) Set(ctx context.Context, key string, value any, exp time.Duration) *StatusCmd {
	return &StatusCmd{}
}
func (c *Client) Del(ctx context.Context, keys ...string) *IntCmd { return &IntCmd{} }
func (c *Client) Ping(ctx context.Context) *StatusCmd             { return &StatusCmd{} }

type ClusterClient struct{}

func NewClusterClient(opt *ClusterOptions) *ClusterClient { return &ClusterClient{} }
func (c *ClusterClient) Close() error                     { return nil }

type UniversalClient interface {
	Get(ctx context.Context, key string) *StringCmd
	Close() error
}

func NewUniversalClient(opt *UniversalOptions) UniversalClient { return nil }

var Nil error
