// Package fix holds the findings that have a mechanical fix.
package fix

import (
	"context"
	"database/sql"
	"net/http"
	"os/exec"

	"github.com/gin-gonic/gin"
	"github.com/jmoiron/sqlx"
)

type Store struct {
	db  *sql.DB
	dbx *sqlx.DB
}

func (s *Store) Get(ctx context.Context, id int) (string, error) {
	var name string
	err := s.db.QueryRow("select name from users where id = $1", id).Scan(&name) // want `\(\*sql.DB\).QueryRow in per-operation function \(\*Store\).Get`
	return name, err
}

func (s *Store) Handle(w http.ResponseWriter, r *http.Request) {
	tx, err := s.db.Begin() // want `\(\*sql.DB\).Begin in net/http handler \(\*Store\).Handle`
	if err != nil {
		return
	}
	_, _ = tx.Exec("update t set n = n + 1") // want `\(\*sql.Tx\).Exec in`
	_ = tx.Commit()
	_ = s.db.Ping() // want `\(\*sql.DB\).Ping in net/http handler \(\*Store\).Handle: .*; use PingContext\(ctx\)`
	var names []string
	_ = s.dbx.Select(&names, "select name from users") // want `\(\*sqlx.DB\).Select in`
	var n int
	_ = sqlx.Get(s.dbx, &n, "select count(*) from users") // want `sqlx.Get in`
}

func Thumb(w http.ResponseWriter, r *http.Request) {
	out, _ := exec.Command("convert", "in.png", "out.jpg").Output() // want `\(\*exec.Cmd\).Output in net/http handler Thumb`
	_, _ = w.Write(out)
	cmd := exec.Command("optipng", "out.png")
	_ = cmd.Run() // want `\(\*exec.Cmd\).Run in`
}

func Proxy(w http.ResponseWriter, r *http.Request) {
	req, err := http.NewRequest("GET", "http://upstream/x", nil) // want `http.NewRequest in net/http handler Proxy`
	if err != nil {
		return
	}
	resp, err := http.DefaultClient.Do(req)
	if err == nil {
		_ = resp.Body.Close()
	}
}

func Detach(w http.ResponseWriter, r *http.Request) {
	ctx := context.Background() // want `context.Background in net/http handler Detach, where the request context is available`
	_ = ctx
}

func GinShow(c *gin.Context) {
	_, _ = lookup(c, 1) // want `\*gin.Context passed as a context.Context in gin handler GinShow`
}

func lookup(ctx context.Context, id int) (string, error) { return "", ctx.Err() }
