package plugin_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"github.com/lifelint/lifelint/analyzers"
	"github.com/lifelint/lifelint/plugin"
	"golang.org/x/tools/go/analysis"
)

func build(t *testing.T, settings any) ([]*analysis.Analyzer, error) {
	t.Helper()
	newPlugin, err := register.GetPlugin(plugin.Name)
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(settings)
	if err != nil {
		return nil, err
	}
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("load mode = %q, want %q", got, register.LoadModeTypesInfo)
	}
	return p.BuildAnalyzers()
}

func names(as []*analysis.Analyzer) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Name)
	}
	return out
}

func TestRegistered(t *testing.T) {
	as, err := build(t, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := names(as), analyzers.Names(); !slices.Equal(got, want) {
		t.Errorf("passes = %v, want %v", got, want)
	}
	if !slices.Contains(names(as), "shutdown") {
		t.Errorf("passes = %v, want shutdown among them", names(as))
	}
	if err := analysis.Validate(as); err != nil {
		t.Error(err)
	}
}

func TestSettings(t *testing.T) {
	// As golangci-lint hands them over after reading YAML.
	as, err := build(t, map[string]any{
		"disable":  []any{"requestpool"},
		"blocking": []any{"(*example.com/queue.Client).Pop"},
		"handlers": []any{"func(*example.com/bus.Message) error"},
		"pools":    []any{"example.com/db.Open", "&example.com/db.Pool"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(names(as), "requestpool") {
		t.Error("disabled pass still built")
	}
	as, err = build(t, map[string]any{"enable": []any{"handlerblock"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := names(as); !slices.Equal(got, []string{"handlerblock"}) {
		t.Errorf("enable: passes = %v", got)
	}
}

func TestInvalidSettings(t *testing.T) {
	for _, tc := range []struct {
		settings any
		want     string
	}{
		{map[string]any{"disabel": []any{"x"}}, `unknown field "disabel"`},
		{map[string]any{"enable": []any{"nosuchpass"}}, `unknown pass "nosuchpass"`},
		{map[string]any{"disable": []any{"HandlerBlock"}}, `unknown pass "HandlerBlock"`},
		{map[string]any{"handlers": []any{"func(*bus.Message"}}, `handlers:`},
		{map[string]any{"pools": []any{"&*example.com/db.Pool"}}, `pools:`},
		{map[string]any{"blocking": []any{"Sleep"}}, `"Sleep" is not a function key`},
		{map[string]any{"blocking": "time.Sleep"}, `cannot unmarshal string`},
		{map[string]any{"exclude": []any{"gen/**"}}, `exclude is not supported`},
	} {
		_, err := build(t, tc.settings)
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "lifelint: invalid settings") {
			t.Errorf("settings %v: error = %v, want one containing %q", tc.settings, err, tc.want)
		}
	}
}

// Each plugin instance gets its own analyzers: no state is shared with
// the defaults or between instances.
func TestFreshInstances(t *testing.T) {
	a, err := build(t, nil)
	if err != nil {
		t.Fatal(err)
	}
	b, err := build(t, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := range a {
		if a[i] == b[i] || slices.Contains(analyzers.All, a[i]) {
			t.Errorf("%s: instance shared", a[i].Name)
		}
	}
}

// The settings keys golangci-lint hands over are the json keys of
// analyzers.Settings; viper lowercases YAML keys, so they must be lowercase.
func TestSettingsKeysLowercase(t *testing.T) {
	typ := reflect.TypeFor[analyzers.Settings]()
	for i := range typ.NumField() {
		key, _, _ := strings.Cut(typ.Field(i).Tag.Get("json"), ",")
		if key == "" || key != strings.ToLower(key) {
			t.Errorf("field %s: json key %q is not lowercase", typ.Field(i).Name, key)
		}
	}
}
