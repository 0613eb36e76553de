package main_test

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestFactsOnlyVetx: the vet tool's vetx files hold facts and no types
// (internal/vetscope, FactWriter), and the facts still cross packages. The
// handler in package web calls a method of store.Client that dials
// without a context, through a *store.Client it gets from package conf:
// web does not import store, so the method's summary reaches web only if
// conf's vetx file re-exports it, as unitchecker's own encoding does for
// imported methods. go vet -work keeps the vetx files: each has an empty
// types section, and conf's and store's carry facts.
func TestFactsOnlyVetx(t *testing.T) {
	bin := lifelintTestBin(t)
	dir := writeModule(t, map[string]string{
		"store/store.go": `package store

import "net"

type Client struct{ Addr string }

// Fetch dials without a context.
func (c *Client) Fetch() error {
	conn, err := net.Dial("tcp", c.Addr)
	if err == nil {
		conn.Close()
	}
	return err
}
`,
		"conf/conf.go": `package conf

import "example.com/m/store"

func Client() *store.Client { return &store.Client{Addr: "db:5432"} }
`,
		"web/web.go": `package web

import (
	"net/http"

	"example.com/m/conf"
)

func get(w http.ResponseWriter, r *http.Request) {
	_ = conf.Client().Fetch()
}

func Register() { http.HandleFunc("/", get) }
`,
	})
	// A table entry that matches nothing gives this run cache keys of its
	// own, so that go vet runs the vet tool instead of replaying results.
	unique := fmt.Sprintf("-lifelintconfig.blocking=example.com/none%d.F", time.Now().UnixNano())
	cmd := exec.Command("go", "vet", "-work", "-vettool="+bin, unique, "./web")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	_ = cmd.Run()
	want := "web/web.go:10:6: calls (*store.Client).Fetch → net.Dial in net/http handler get"
	if !strings.Contains(out.String(), want) {
		t.Errorf("output lacks %q:\n%s", want, out.String())
	}
	m := regexp.MustCompile(`(?m)^WORK=(.+)$`).FindStringSubmatch(out.String())
	if m == nil {
		t.Fatalf("no WORK= line:\n%s", out.String())
	}
	work := strings.TrimSpace(m[1])
	t.Cleanup(func() { os.RemoveAll(work) })
	outs, _ := filepath.Glob(filepath.Join(work, "b*", "vet.out"))
	withFacts := 0
	for _, name := range outs {
		data, err := os.ReadFile(name)
		if err != nil || len(data) < 12 || string(data[:4]) != "vetx" {
			t.Errorf("%s: not a vetx file (%v)", name, err)
			continue
		}
		if n := binary.LittleEndian.Uint32(data[4:8]); n != 0 {
			t.Errorf("%s: %d bytes of types, want none", name, n)
		}
		if binary.LittleEndian.Uint32(data[8:12]) > 0 {
			withFacts++
		}
	}
	// web is the root: go vet asks for its vetx file too. store and conf
	// carry the method's summary; web's handler registration has none.
	if len(outs) < 3 || withFacts < 2 {
		t.Errorf("%d vetx files, %d with facts; want at least 3 and 2", len(outs), withFacts)
	}
}
