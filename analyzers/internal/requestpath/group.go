package requestpath

import (
	"fmt"
	"go/token"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"golang.org/x/tools/go/analysis"
)

// Site is a call on a request path: the call and the request path it is
// on.
type Site struct {
	Call   Call
	Reason *Reason
}

// A Group is the calls on request paths of one package that reach one
// root cause through the same callee chain, in the order they were added.
type Group struct {
	Key   string // the callee chain, "store.Lookup → net.Dial"
	Sites []Site
}

// Groups collects calls on request paths by their callee chain, so that
// one root cause (a helper that blocks, spawns or creates a pool) is one
// finding, whatever the number of request paths that call it: reported at
// its first call, with the other calls as related locations, which JSON,
// SARIF and the LSP carry, and an ignore directive on the reported line
// covers them all. Add calls in source order: the first added is the one
// reported, and groups come in the order of their first call, so the
// output is deterministic.
type Groups struct {
	order []string
	sites map[string][]Site
}

// Add adds call, on the request path r, to the group of key.
func (gs *Groups) Add(key string, call Call, r *Reason) {
	if gs.sites == nil {
		gs.sites = map[string][]Site{}
	}
	if gs.sites[key] == nil {
		gs.order = append(gs.order, key)
	}
	gs.sites[key] = append(gs.sites[key], Site{call, r})
}

// All returns the groups in the order of their first call.
func (gs *Groups) All() []Group {
	all := make([]Group, len(gs.order))
	for i, key := range gs.order {
		all[i] = Group{Key: key, Sites: gs.sites[key]}
	}
	return all
}

// First returns the group's first call, the one reported.
func (g Group) First() Site { return g.Sites[0] }

// Callee is the short name of the function the calls call (the chain's
// first link): "store.Lookup", "(*a.Storage).UserByID".
func (g Group) Callee() string { return analysisutil.ShortName(g.First().Call.Callee) }

// More says how many other calls there are, "1 more call site" or "3 more
// call sites", or "" when there is none.
func (g Group) More() string {
	switch n := len(g.Sites) - 1; n {
	case 0:
		return ""
	case 1:
		return "1 more call site"
	default:
		return fmt.Sprintf("%d more call sites", n)
	}
}

// Elsewhere is what a grouped message says after the first call's request
// path: ", and at 2 more call sites (3 request paths in all, see related
// locations)", or "" for a group of one call.
func (g Group) Elsewhere() string {
	if len(g.Sites) == 1 {
		return ""
	}
	paths := map[token.Pos]bool{}
	for _, s := range g.Sites {
		paths[s.Reason.Root().Pos] = true
	}
	n := fmt.Sprintf("%d request paths", len(paths))
	if len(paths) == 1 {
		n = "1 request path"
	}
	return fmt.Sprintf(", and at %s (%s in all, see related locations)", g.More(), n)
}

// Diagnostic returns the diagnostic of the group, at its first call, with
// the other calls as related locations ("also calls store.Lookup in
// net/http handler put"). The caller sets the message.
func (g Group) Diagnostic() analysis.Diagnostic {
	e := g.First().Call.Expr()
	d := analysis.Diagnostic{Pos: e.Pos(), End: e.End()}
	for _, s := range g.Sites[1:] {
		e := s.Call.Expr()
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: e.Pos(), End: e.End(),
			Message: "also calls " + g.Callee() + " in " + s.Reason.String()})
	}
	return d
}
