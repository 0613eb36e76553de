// Package registry holds the metadata every lifelint pass registers: its
// title, the version that added it, its severity and its docs page. SARIF
// rules, `lifelint help` and the README table are built from it.
package registry

// Severity of a pass's findings.
type Severity string

const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// Meta describes one pass. Modelled on staticcheck's RawDocumentation.
type Meta struct {
	Name     string   // the Analyzer.Name
	Title    string   // first line of the doc: at most 80 chars, no period
	Since    string   // lifelint version that added the pass
	Severity Severity // default severity
	// NonDefault passes are off unless enabled.
	NonDefault bool
}

// DocsBase is where the generated docs/<pass>.md pages live.
const DocsBase = "https://github.com/lifelint/lifelint/blob/main/docs/"

// URL returns the docs page of the named pass.
func URL(name string) string { return DocsBase + name + ".md" }
