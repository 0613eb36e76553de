// Package health calls the client of another package of its module: a
// chain through Ping stays unconditional only if the call of Ping is.
package health

import "example.com/lib/client"

// Probe pings on every call.
func Probe(c *client.Client) error {
	return c.Ping()
}

// Check pings only when asked for a full check.
func Check(c *client.Client, full bool) error {
	if full {
		return c.Ping()
	}
	return nil
}
