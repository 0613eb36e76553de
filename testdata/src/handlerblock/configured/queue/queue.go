// Package queue is a project library whose Pop blocks without a context.
package queue

type Client struct{}

// Pop waits for the next job.
func (c *Client) Pop() string { return "" }
