// Package resty is a stub of github.com/go-resty/resty/v2.
package resty

import "net/http"

type Client struct{}

func New() *Client                          { return &Client{} }
func NewWithClient(hc *http.Client) *Client { return &Client{} }
