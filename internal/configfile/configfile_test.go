package configfile

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	s, err := Parse([]byte("# comment\nenable: [handlerblock, requestpool]\ndisable:\n  - requestpool\nhandlers:\n  - \"func(*example.com/bus.Message) error\"\nblocking: [\"(*example.com/q.Client).Pop\"]\npools: [example.com/db.Open, \"&example.com/db.Pool\"]\nexclude: [\"internal/legacy/**\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(s.Enable, []string{"handlerblock", "requestpool"}) || !slices.Equal(s.Disable, []string{"requestpool"}) ||
		len(s.Handlers) != 1 || s.Blocking[0] != "(*example.com/q.Client).Pop" || s.Pools[1] != "&example.com/db.Pool" || s.Exclude[0] != "internal/legacy/**" {
		t.Errorf("settings = %+v", s)
	}
	for _, empty := range []string{"", "# nothing\n", "---\n"} {
		if s, err := Parse([]byte(empty)); err != nil || len(s.Enable)+len(s.Exclude) != 0 {
			t.Errorf("Parse(%q) = %+v, %v", empty, s, err)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"enable: [handlerblock]\nenabel: [x]\n", `line 2: unknown key "enabel"`},
		{"enable: [handlerblock\n", "line 1"},
		{"enable: handlerblock\n", "line 1: enable must be a list of strings, not a string"},
		{"enable:\n  - nosuchpass\n", `line 2: enable: unknown pass "nosuchpass"`},
		{"blocking:\n  - \"not a key\"\n", `line 2: blocking: "not a key"`},
		{"pools: [\"&*x.T\"]\n", "line 1: pools:"},
		{"handlers: [{a: b}]\n", "line 1: handlers: entries must be strings, not a mapping"},
		{"exclude: [\"[\"]\n", "line 1: exclude:"},
		{"- a\n- b\n", "line 1: the file must be a mapping"},
		{"enable: [handlerblock]\nenable: [requestpool]\n", `line 2: key "enable" appears twice`},
		{"enable: []\n---\ndisable: []\n", "line 2: a second YAML document"},
		{"\tenable: []\n", "line 1: found character that cannot start any token"},
		{"enable: []\n\tdisable: []\n", "line 2: "},
	} {
		_, err := Parse([]byte(tc.in))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Parse(%q) error = %v, want it to contain %q", tc.in, err, tc.want)
		}
	}
}

func TestFindAndLoad(t *testing.T) {
	root := t.TempDir()
	sub := filepath.Join(root, "a", "b")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if p, err := Find(sub); err != nil || (p != "" && strings.HasPrefix(p, root)) {
		t.Fatalf("Find without a file = %q, %v", p, err)
	}
	cfg := filepath.Join(root, "a", Name)
	if err := os.WriteFile(cfg, []byte("enable: [nosuch]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := Find(sub)
	if err != nil || p != cfg {
		t.Fatalf("Find = %q, %v, want %q", p, err, cfg)
	}
	if _, err := Load(p); err == nil || !strings.HasPrefix(err.Error(), cfg+": line 1: ") {
		t.Errorf("Load error = %v, want it to start with the path and line", err)
	}
}
