// Package queue is an in-house client that lifelint does not know blocks:
// blocking.yml declares (*Client).Pop blocking through the plugin settings.
package queue

import "sync"

// Client hands out queued jobs.
type Client struct {
	mu   sync.Mutex
	jobs []string
}

// Pop returns the next job, or "" when there is none.
func (c *Client) Pop() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.jobs) == 0 {
		return ""
	}
	job := c.jobs[0]
	c.jobs = c.jobs[1:]
	return job
}
