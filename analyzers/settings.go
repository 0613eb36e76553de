package analyzers

import (
	"fmt"
	"slices"
	"strings"

	"github.com/lifelint/lifelint/analyzers/internal/config"
	"github.com/lifelint/lifelint/analyzers/internal/requestpath"
	"golang.org/x/tools/go/analysis"
)

// Settings are lifelint's user options; the same keys serve the
// -lifelintconfig.* flags, .lifelint.yml and the golangci-lint plugin.
type Settings = config.Settings

// Config is the default lifelintconfig pseudo-analyzer. Drivers that expose
// flags (the lifelint binary, go vet -vettool) list it beside All so that
// its -lifelintconfig.* flags exist.
var Config = config.Analyzer

// Names returns the names of all passes, sorted.
func Names() []string {
	names := make([]string, len(All))
	for i, a := range All {
		names[i] = a.Name
	}
	slices.Sort(names)
	return names
}

// New builds fresh instances of the enabled passes on the given settings.
// The values share no state with All or with other calls.
func New(s Settings) ([]*analysis.Analyzer, error) {
	if err := checkNames(s.Enable, "enable"); err != nil {
		return nil, err
	}
	if err := checkNames(s.Disable, "disable"); err != nil {
		return nil, err
	}
	cfg, err := config.NewAnalyzer(s)
	if err != nil {
		return nil, err
	}
	rp := requestpath.New(cfg)
	var out []*analysis.Analyzer
	for _, c := range constructors {
		a := c(rp)
		if len(s.Enable) > 0 && !slices.Contains(s.Enable, a.Name) {
			continue
		}
		if slices.Contains(s.Disable, a.Name) {
			continue
		}
		out = append(out, a)
	}
	return out, nil
}

func checkNames(names []string, key string) error {
	known := Names()
	for _, n := range names {
		if !slices.Contains(known, n) {
			return fmt.Errorf("%s: unknown pass %q (known passes: %s)", key, n, strings.Join(known, ", "))
		}
	}
	return nil
}
