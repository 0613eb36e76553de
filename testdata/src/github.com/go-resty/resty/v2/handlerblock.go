package resty

import "context"

// Request, Response and the request methods as in resty v2.

type Request struct{}

type Response struct{}

func (c *Client) R() *Request          { return &Request{} }
func (c *Client) NewRequest() *Request { return &Request{} }

func (r *Request) SetContext(ctx context.Context) *Request       { return r }
func (r *Request) SetHeader(header, value string) *Request       { return r }
func (r *Request) SetBody(body interface{}) *Request             { return r }
func (r *Request) SetResult(res interface{}) *Request            { return r }
func (r *Request) Get(url string) (*Response, error)             { return nil, nil }
func (r *Request) Head(url string) (*Response, error)            { return nil, nil }
func (r *Request) Post(url string) (*Response, error)            { return nil, nil }
func (r *Request) Put(url string) (*Response, error)             { return nil, nil }
func (r *Request) Delete(url string) (*Response, error)          { return nil, nil }
func (r *Request) Options(url string) (*Response, error)         { return nil, nil }
func (r *Request) Patch(url string) (*Response, error)           { return nil, nil }
func (r *Request) Send() (*Response, error)                      { return nil, nil }
func (r *Request) Execute(method, url string) (*Response, error) { return nil, nil }
