package analyzers

import (
	"fmt"
	"slices"
	"strings"

	"github.com/lifelint/lifelint/analyzers/internal/callgraph"
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

// CallGraph is the call-graph layer every pass requires. The lifelint vet
// tool sets its -lifelintcallgraph.scope flag to the modules it analyses
// for facts, so that the passes know which missing facts mean "not
// computed".
var CallGraph = callgraph.Analyzer

// Names returns the names of all passes, sorted.
func Names() []string {
	names := make([]string, len(All))
	for i, a := range All {
		names[i] = a.Name
	}
	slices.Sort(names)
	return names
}

// Validate checks settings without building anything: the pass names in
// Enable and Disable, and every table entry and exclusion, with the rules
// the passes read them by. The configuration file, the CLI and the
// golangci-lint plugin all validate through it, so one value is accepted
// by all or by none.
func Validate(s Settings) error {
	if err := checkNames(s.Enable, "enable"); err != nil {
		return err
	}
	if err := checkNames(s.Disable, "disable"); err != nil {
		return err
	}
	return config.Validate(s)
}

// SplitList splits the value of a -lifelintconfig.* flag into entries as
// the flag does (commas inside signatures do not split); empty entries are
// kept for Validate to reject.
func SplitList(v string) []string { return config.SplitList(v) }

// New builds fresh instances of the enabled passes on the given settings.
// The values share no state with All or with other calls.
func New(s Settings) ([]*analysis.Analyzer, error) {
	if err := Validate(s); err != nil {
		return nil, err
	}
	cfg, err := config.NewAnalyzer(s)
	if err != nil {
		return nil, err
	}
	rp := requestpath.New(cfg)
	var out []*analysis.Analyzer
	for i, c := range constructors {
		a := c(rp)
		if len(s.Enable) > 0 && !slices.Contains(s.Enable, a.Name) {
			continue
		}
		if len(s.Enable) == 0 && Metas[i].NonDefault {
			continue // opt-in: runs only when Enable names it
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
