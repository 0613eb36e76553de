package configured

import (
	"net/http"

	"requestpool/configured/db"
)

func Handler(w http.ResponseWriter, r *http.Request) {
	p, _ := db.Open("dsn") // want `db.Open creates a connection pool \(configured\) in net/http handler Handler`
	_ = p
	q := &db.Pool{} // want `&db.Pool\{\} creates a connection pool \(configured\)`
	_ = q
}
