// Package store is the application's own storage layer: its summaries are
// trusted.
package store

import "net"

// Lookup dials without a context.
func Lookup(addr string) error {
	c, err := net.Dial("tcp", addr)
	if err == nil {
		c.Close()
	}
	return err
}
