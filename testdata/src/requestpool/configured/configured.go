package configured

import (
	"net/http"

	"requestpool/configured/db"
)

func Handler(w http.ResponseWriter, r *http.Request) {
	p, _ := db.Open("dsn") // want `db.Open creates a new connection pool \(configured\) per call`
	_ = p
	q := &db.Pool{} // want `&db.Pool\{\} creates a new connection pool \(configured\)`
	_ = q
}
