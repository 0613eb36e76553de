package analysisutil

import "testing"

func TestShortKey(t *testing.T) {
	for key, want := range map[string]string{
		"time.Sleep":                             "time.Sleep",
		"(*database/sql.DB).Query":               "(*sql.DB).Query",
		"github.com/redis/go-redis/v9.NewClient": "go-redis.NewClient",
		"github.com/jackc/pgx/v5/pgxpool.New":    "pgxpool.New",
		"(*github.com/jackc/pgx/v5.Conn).Query":  "(*pgx.Conn).Query",
		"(net/http.Handler).ServeHTTP":           "(http.Handler).ServeHTTP",
		"gopkg.in/telebot.v3.NewBot":             "telebot.v3.NewBot",
	} {
		if got := ShortKey(key); got != want {
			t.Errorf("ShortKey(%q) = %q, want %q", key, got, want)
		}
	}
}

func TestExtractDoc(t *testing.T) {
	src := "// Package p does things.\n//\n// # Analyzer foo\n//\n// foo: finds foo\n//\n// Body.\npackage p\n"
	got, err := ExtractDoc(src, "foo")
	if err != nil || got != "finds foo\n\nBody." {
		t.Fatalf("ExtractDoc = %q, %v", got, err)
	}
	if _, err := ExtractDoc(src, "bar"); err == nil {
		t.Fatal("ExtractDoc(bar): want error")
	}
}
