package callgraph

import "golang.org/x/tools/go/analysis"

// The trust boundary. Blocking and pool summaries describe what a function
// does on some path; inside the module under analysis that is the user's
// own code and worth reporting at its callers. Across a module boundary it
// is a library's internals (a rarely-taken DNS lookup deep in an HTTP
// client, a dial in a reconnect path), and there the knowledge tables
// decide instead: a context-aware library API must not look blocking
// because of a branch its caller never takes. The tables decide, and so
// does an unconditional summary (MustSummaries): a library function that
// reaches a table entry on every normal path (a Ping that always dials
// without a context) does what the entry does whenever it is called,
// whatever module it lives in.

// Module returns the path of the module of the package under analysis, or
// "" when the driver does not say (GOPATH mode, analysistest).
func Module(pass *analysis.Pass) string {
	if pass.Module == nil {
		return ""
	}
	return pass.Module.Path
}

// Trusted reports whether a summary fact exported by a package of module
// factModule may be used by the package under analysis: both are in the
// same module, or either module is unknown.
func Trusted(pass *analysis.Pass, factModule string) bool {
	m := Module(pass)
	return m == "" || factModule == "" || m == factModule
}

// EveryPath is how a fact's String marks an unconditional chain: "blocks:
// time.Sleep (on every path)". It is "" for other chains.
func EveryPath(unconditional bool) string {
	if unconditional {
		return " (on every path)"
	}
	return ""
}

// TrustedChain reports whether a summary fact exported by a package of
// module factModule may be used by the package under analysis: a fact of
// the same module (Trusted) always, a fact of another module only when its
// chain is unconditional (the fact's summary came from MustSummaries).
func TrustedChain(pass *analysis.Pass, factModule string, unconditional bool) bool {
	return unconditional || Trusted(pass, factModule)
}
