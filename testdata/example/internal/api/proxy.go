package api

import (
	"io"
	"net/http"
)

// ProxyPricing returns a handler that forwards to the pricing service.
func ProxyPricing(upstream string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		resp, err := http.Get(upstream + "?" + r.URL.RawQuery) // BUG(handlerblock): http.Get has no context; use http.NewRequestWithContext(r.Context(), ...)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		copyResponse(w, resp)
	}
}

// ProxyPricingWithContext is ProxyPricing done right, except for the
// transport it builds per request.
func ProxyPricingWithContext(client *http.Client, upstream string) http.HandlerFunc {
	// OK(requestpool): the factory runs once; the client is shared by every
	// call of the closure.
	return func(w http.ResponseWriter, r *http.Request) {
		// OK(handlerblock): the request carries r.Context().
		req, err := http.NewRequestWithContext(r.Context(), http.MethodGet, upstream+"?"+r.URL.RawQuery, nil)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		c := client
		if r.URL.Query().Get("direct") == "1" {
			c = &http.Client{Transport: &http.Transport{}} // BUG(requestpool): an http.Transport (connection pool) per request, its idle connections never reused or closed
		}
		resp, err := c.Do(req)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		copyResponse(w, resp)
	}
}

func copyResponse(w http.ResponseWriter, resp *http.Response) {
	w.Header().Set("Content-Type", resp.Header.Get("Content-Type"))
	w.WriteHeader(resp.StatusCode)
	_, _ = io.Copy(w, resp.Body)
}
