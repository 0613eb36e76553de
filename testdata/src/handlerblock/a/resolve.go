package a

import (
	"net"
	"net/http"
)

// Resolving a host name in a handler without the request context.
func resolve(w http.ResponseWriter, r *http.Request) {
	_, _ = net.ResolveTCPAddr("tcp", "db.internal:5432") // want `net.ResolveTCPAddr in net/http handler resolve: it resolves a host name without a context`
}

// resolveFixed is the fixed form.
func resolveFixed(w http.ResponseWriter, r *http.Request) {
	_, _ = net.DefaultResolver.LookupNetIP(r.Context(), "ip", "db.internal") // ok
}
