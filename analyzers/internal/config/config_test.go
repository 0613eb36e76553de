package config

import (
	"slices"
	"strings"
	"testing"
)

func TestBuildValid(t *testing.T) {
	c, err := Build(Settings{
		Handlers: []string{"func(*example.com/bus.Message) error", "example.com/bus.Handler", "func(context.Context, *connectrpc.com/connect.Request) ..."},
		Blocking: []string{"example.com/q.Wait", "(*example.com/q.Client).Pop"},
		Pools:    []string{"example.com/db.Open", "&example.com/db.Pool"},
		Exclude:  []string{"internal/gen/**"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := c.Blocking["(*example.com/q.Client).Pop"]; !ok {
		t.Error("configured blocking function missing")
	}
	if _, ok := c.Blocking["time.Sleep"]; !ok {
		t.Error("built-in blocking table not merged")
	}
	if _, ok := c.PoolTypes["example.com/db.Pool"]; !ok {
		t.Error("configured pool type missing")
	}
	if got := c.HandlerTypes; len(got) != 1 || got[0] != "example.com/bus.Handler" {
		t.Errorf("HandlerTypes = %v", got)
	}
}

func TestBuildInvalid(t *testing.T) {
	for _, tc := range []struct {
		s    Settings
		want string
	}{
		{Settings{Blocking: []string{"Sleep"}}, `blocking: "Sleep" is not a function key`},
		{Settings{Blocking: []string{"(example.com/q.Client.Pop"}}, `blocking:`},
		{Settings{Handlers: []string{"func(int"}}, `missing ")"`},
		{Settings{Handlers: []string{"func(bogus)"}}, `"bogus" is not a type key`},
		{Settings{Handlers: []string{"*example.com/x.T"}}, `neither a signature`},
		{Settings{Pools: []string{"&*example.com/x.T"}}, `not a struct type`},
		{Settings{Exclude: []string{"a/[b"}}, `exclude: "a/[b"`},
	} {
		_, err := Build(tc.s)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Build(%+v) error = %v, want it to contain %q", tc.s, err, tc.want)
		}
	}
}

func TestFlags(t *testing.T) {
	a, err := NewAnalyzer(Settings{})
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Flags.Set("handlers", "func(net/http.ResponseWriter, *net/http.Request),example.com/x.H"); err != nil {
		t.Fatal(err)
	}
	if err := a.Flags.Set("blocking", "not a key"); err == nil {
		t.Fatal("invalid -blocking value accepted")
	}
	if got := a.Flags.Lookup("handlers").Value.String(); got != "func(net/http.ResponseWriter, *net/http.Request),example.com/x.H" {
		t.Errorf("handlers flag = %q", got)
	}
}

func TestValidate(t *testing.T) {
	valid := Settings{
		Handlers: []string{"func(*example.com/bus.Message) error", "example.com/bus.Handler"},
		Blocking: []string{"(*example.com/q.Client).Pop"},
		Pools:    []string{"&example.com/db.Pool"},
		Exclude:  []string{"internal/gen/**"},
	}
	if err := Validate(valid); err != nil {
		t.Errorf("Validate(%+v) = %v", valid, err)
	}
	for _, tc := range []struct {
		s    Settings
		want string
	}{
		{Settings{Blocking: []string{""}}, "blocking: empty entry"},
		{Settings{Pools: []string{" "}}, "pools: empty entry"},
		{Settings{Handlers: []string{""}}, "handlers: empty entry"},
		{Settings{Exclude: []string{""}}, "exclude: empty entry"},
		{Settings{Blocking: []string{"Sleep"}}, `blocking: "Sleep" is not a function key`},
		{Settings{Exclude: []string{"a/[b"}}, `exclude: "a/[b"`},
		{Settings{Handlers: []string{"func(bogus)"}}, `"bogus" is not a type key`},
	} {
		err := Validate(tc.s)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Validate(%+v) = %v, want an error containing %q", tc.s, err, tc.want)
		}
	}
}

func TestSplitList(t *testing.T) {
	for _, tc := range []struct {
		v    string
		want []string
	}{
		{"", []string{""}},
		{",", []string{"", ""}},
		{"a.F, (*b.T).M", []string{"a.F", "(*b.T).M"}},
		{"func(a.T, b.U) (c.V, error),x.H,", []string{"func(a.T, b.U) (c.V, error)", "x.H", ""}},
	} {
		if got := SplitList(tc.v); !slices.Equal(got, tc.want) {
			t.Errorf("SplitList(%q) = %q, want %q", tc.v, got, tc.want)
		}
	}
}
