package a

import "net/http"

// A helper of another package that queries under context.TODO is reported
// at the call, with the chain from its fact.
func (a *API) Name(w http.ResponseWriter, r *http.Request) {
	_ = a.repo.Name(1) // want `calls \(\*b.Repo\).Name → \(\*sql.DB\).QueryRowContext\(context.TODO\(\)\) in net/http handler \(\*API\).Name: it blocks without the request context`
}

// NameFixed is the fixed form.
func (a *API) NameFixed(w http.ResponseWriter, r *http.Request) {
	_ = a.repo.NameCtx(r.Context(), 1) // ok
}
