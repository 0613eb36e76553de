// Package plugin registers lifelint as a golangci-lint v2 module plugin.
//
// Build a custom golangci-lint with .custom-gcl.yml (or the tools/gcl
// module), then enable it in .golangci.yml:
//
//	linters:
//	  enable: [lifelint]
//	  settings:
//	    custom:
//	      lifelint:
//	        type: module
//	        settings:
//	          disable: [requestpool]
//	          blocking: ["(*example.com/queue.Client).Pop"]
//
// The settings are those of .lifelint.yml and the -lifelintconfig.* flags:
// enable, disable, handlers, blocking and pools. exclude is CLI-only:
// golangci-lint has its own exclusions (linters.exclusions.paths), so the
// plugin rejects it rather than ignore it silently.
package plugin

import (
	"errors"
	"fmt"

	"github.com/golangci/plugin-module-register/register"
	"github.com/lifelint/lifelint/analyzers"
	"golang.org/x/tools/go/analysis"
)

// Name is the linter name in golangci-lint (and the //nolint key).
const Name = "lifelint"

func init() {
	register.Plugin(Name, New)
}

// Plugin is lifelint's golangci-lint plugin: the passes built on the
// decoded settings.
type Plugin struct {
	passes []*analysis.Analyzer
}

// New decodes and validates the settings and builds the passes once.
func New(settings any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[analyzers.Settings](settings)
	if err != nil {
		return nil, fmt.Errorf("lifelint: invalid settings: %w", err)
	}
	if len(s.Exclude) > 0 {
		return nil, errors.New("lifelint: invalid settings: exclude is not supported in golangci-lint; use linters.exclusions.paths")
	}
	if err := analyzers.Validate(s); err != nil {
		return nil, fmt.Errorf("lifelint: invalid settings: %w", err)
	}
	passes, err := analyzers.New(s)
	if err != nil {
		return nil, fmt.Errorf("lifelint: invalid settings: %w", err)
	}
	return &Plugin{passes: passes}, nil
}

// BuildAnalyzers returns the enabled passes.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) { return p.passes, nil }

// GetLoadMode asks for type information: every pass uses it.
func (p *Plugin) GetLoadMode() string { return register.LoadModeTypesInfo }
