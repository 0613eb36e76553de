// Package client stands for a third-party client library whose
// context-aware API has a ctx-less branch deep inside: Do takes its
// context from the request, and dials without one only to reconnect.
package client

import (
	"context"
	"net"
)

type Request struct {
	Ctx context.Context
	Key string
}

type Client struct{ conn net.Conn }

// Do honours req.Ctx; the reconnect branch dials without a context.
func (c *Client) Do(req *Request) (string, error) {
	if c.conn == nil {
		conn, err := net.Dial("tcp", "localhost:1") // a rare reconnect path
		if err != nil {
			return "", err
		}
		c.conn = conn
	}
	return req.Key, req.Ctx.Err()
}

// Ping dials without a context on every call: the dial is unconditional,
// so its summary holds in any module.
func (c *Client) Ping() error {
	conn, err := net.Dial("tcp", "localhost:1")
	if err != nil {
		return err
	}
	return conn.Close()
}
