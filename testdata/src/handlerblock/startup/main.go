// Command startup does at start what handlers must not: all silent.
package main

import (
	"context"
	"database/sql"
	"net"
	"net/http"
	"os/exec"
	"time"
)

func main() {
	time.Sleep(time.Second)
	db, _ := sql.Open("postgres", "")
	_ = db.Ping()
	_, _ = db.Exec("create table if not exists t (id int)")
	_, _ = http.Get("http://localhost/health")
	_ = exec.Command("migrate", "up").Run()
	_, _ = net.Dial("tcp", "localhost:5432")
	ctx := context.Background()
	ctx, cancel := context.WithTimeout(context.TODO(), time.Second)
	defer cancel()
	_ = ctx
	<-time.After(time.Millisecond)
}

func init() {
	time.Sleep(time.Millisecond)
}
