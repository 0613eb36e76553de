// Package queue is a client whose Pop blocks without a context; only
// configuration (blocking) makes lifelint know it.
package queue

type Client struct{}

func (c *Client) Pop() string { return "" }
