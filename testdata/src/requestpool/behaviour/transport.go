package behaviour

import (
	"bytes"
	"context"
	"net/http"
)

// post sends one report with a Transport of its own. Keep-alives are off,
// so the Transport closes the connection after the request and keeps
// nothing: one per call leaks no connection.
func post(url string, body []byte) error {
	tr := &http.Transport{DisableKeepAlives: true, MaxIdleConnsPerHost: -1} // ok: pools nothing
	c := &http.Client{Transport: tr}
	resp, err := c.Post(url, "application/json", bytes.NewReader(body))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// postPooled keeps its idle connection in a Transport nobody reuses.
func postPooled(url string, body []byte, keep bool) error {
	tr := &http.Transport{DisableKeepAlives: keep}
	c := &http.Client{Transport: tr}
	resp, err := c.Post(url, "application/json", bytes.NewReader(body))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func Report(ctx context.Context, url string) error {
	if err := post(url, nil); err != nil { // ok
		return err
	}
	return postPooled(url, nil, false) // want `behaviour.postPooled → &http.Transport\{\} creates an HTTP transport \(connection pool\) in per-operation function Report`
}
