package plugin_test

import (
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"github.com/lifelint/lifelint/analyzers"
	"github.com/lifelint/lifelint/plugin"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
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
	// The default set is every pass but the opt-in (NonDefault) ones.
	var want []string
	for i, a := range analyzers.All {
		if !analyzers.Metas[i].NonDefault {
			want = append(want, a.Name)
		}
	}
	if got := names(as); !slices.Equal(got, want) {
		t.Errorf("passes = %v, want %v", got, want)
	}
	if slices.Contains(names(as), "shutdown") {
		t.Errorf("passes = %v: shutdown is opt-in", names(as))
	}
	if err := analysis.Validate(as); err != nil {
		t.Error(err)
	}
	// Enabling an opt-in pass by name serves it.
	as, err = analyzers.New(analyzers.Settings{Enable: []string{"shutdown"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := names(as); !slices.Equal(got, []string{"shutdown"}) {
		t.Errorf("enable shutdown: passes = %v", got)
	}
}

// recorder collects what analysistest would report as test failures.
type recorder struct{ errs []string }

func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

// TestSettings: the settings golangci-lint hands over reach the passes.
// disable and enable select passes; blocking, handlers and pools extend
// the tables, so the fixtures (testdata/src/pluginsettings) get their
// findings with the settings and none without them.
func TestSettings(t *testing.T) {
	// As golangci-lint hands them over after reading YAML.
	settings := map[string]any{
		"disable":  []any{"unsupervisedgo"},
		"blocking": []any{"(*pluginsettings/queue.Client).Pop"},
		"handlers": []any{"func(*pluginsettings/bus.Message) error"},
		"pools":    []any{"pluginsettings/db.Open", "&pluginsettings/db.Pool"},
	}
	as, err := build(t, settings)
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(names(as), "unsupervisedgo") {
		t.Error("disabled pass still built")
	}
	byName := func(as []*analysis.Analyzer, name string) *analysis.Analyzer {
		for _, a := range as {
			if a.Name == name {
				return a
			}
		}
		t.Fatalf("no pass %s among %v", name, names(as))
		return nil
	}
	testdata, err := filepath.Abs(filepath.Join("..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	fixtures := map[string]string{"handlerblock": "pluginsettings/blocking", "requestpool": "pluginsettings/pools"}
	for pass, pkg := range fixtures {
		analysistest.Run(t, testdata, byName(as, pass), pkg)
	}
	// Without the table settings the same fixtures get no finding: every
	// want line is unmet.
	plain, err := build(t, map[string]any{"disable": []any{"unsupervisedgo"}})
	if err != nil {
		t.Fatal(err)
	}
	for pass, pkg := range fixtures {
		var r recorder
		analysistest.Run(&r, testdata, byName(plain, pass), pkg)
		want := map[string]int{"handlerblock": 1, "requestpool": 2}[pass]
		unmet := 0
		for _, e := range r.errs {
			switch {
			case strings.Contains(e, "no diagnostic was reported matching"):
				unmet++
			case strings.Contains(e, "unexpected fact"):
				// a summary of a function that is no handler now
			default:
				t.Errorf("%s without settings: %s", pass, e)
			}
		}
		if unmet != want {
			t.Errorf("%s without settings: %d want lines unmet, want %d (the settings are what makes them match)", pass, unmet, want)
		}
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
