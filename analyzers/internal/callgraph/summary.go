package callgraph

// The summary engine: per-function summaries that cross packages as facts,
// "F blocks via repo.Get → (*sql.DB).QueryRow", "F creates a pool via
// sql.Open". A pass supplies the direct findings of each function and the
// facts of imported functions; Summaries carries them up the intra-package
// call graph to a fixed point. Every pass uses this one engine, with one
// chain limit and one rendering.

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"golang.org/x/tools/go/ast/inspector"
)

// MaxChain bounds the length of a chain, so that messages stay one line.
const MaxChain = 4

// Chain is the path from a function to the call with the property:
// ["repo.Get", "(*sql.DB).QueryRow"]. The first step is the callee a
// caller sees.
type Chain []string

// String renders the chain with arrows.
func (c Chain) String() string { return strings.Join(c, " → ") }

// Prepend returns name followed by c, bounded by MaxChain.
func (c Chain) Prepend(name string) Chain {
	out := append(Chain{name}, c...)
	if len(out) > MaxChain {
		out = append(out[:MaxChain-1:MaxChain-1], out[len(out)-1])
	}
	return out
}

// Summaries returns the summary chain of every function declared in the
// package. base holds the direct findings of each declaration (the chain
// starts with the offending call); imported returns the chain of a function
// of another package (from its fact), or nil; skip excludes call sites that
// do not run as part of their function (calls in go statements,
// sync.Once.Do closures, ...). Declarations are visited in file order, so the
// result is deterministic.
func (g *Graph) Summaries(base map[*ast.FuncDecl]Chain, imported func(*types.Func) Chain, skip func(*ast.FuncDecl, Call) bool) map[*ast.FuncDecl]Chain {
	return g.summaries(base, imported, skip, nil)
}

// MustSummaries returns the unconditional summaries: the chains whose
// every step runs on every normal path through its function (see
// Unconditional), so that calling the function always reaches the last
// call of the chain. They are what another module may trust
// (TrustedChain). The arguments are those of Summaries, restricted by the
// caller: base holds only findings at unconditional sites, and imported
// returns only chains whose facts are unconditional. The engine then
// counts a call only at an unconditional position of its function, so a
// chain through a callee stays unconditional only if the local step is
// too. A function with such a chain also has a summary in Summaries (with
// the arguments unrestricted), which may be another, conditional, chain.
func (g *Graph) MustSummaries(base map[*ast.FuncDecl]Chain, imported func(*types.Func) Chain, skip func(*ast.FuncDecl, Call) bool) map[*ast.FuncDecl]Chain {
	memo := map[inspector.Cursor]bool{}
	return g.summaries(base, imported, skip, func(c Call) bool {
		u, ok := memo[c.Cursor]
		if !ok {
			u = Unconditional(c.Cursor)
			memo[c.Cursor] = u
		}
		return u
	})
}

// summaries is the engine of Summaries and MustSummaries: keep, when not
// nil, filters the calls whose callee has a summary (it is asked only
// about those, which are few).
func (g *Graph) summaries(base map[*ast.FuncDecl]Chain, imported func(*types.Func) Chain, skip func(*ast.FuncDecl, Call) bool, keep func(Call) bool) map[*ast.FuncDecl]Chain {
	out := make(map[*ast.FuncDecl]Chain, len(base))
	for d, c := range base {
		out[d] = c
	}
	// The loop runs once more than the longest chain is deep, so what
	// costs is asked only of calls that carry a chain: imported once per
	// callee, skip (which may walk the caller) after the chain is known.
	facts := map[*types.Func]Chain{}
	for changed := true; changed; {
		changed = false
		for _, d := range g.Decls {
			if out[d] != nil {
				continue
			}
			for _, call := range g.Calls[d] {
				if call.Callee == nil {
					continue
				}
				var c Chain
				if local := g.Local(call); local != nil {
					if local == d {
						continue
					}
					c = out[local]
				} else if f, ok := facts[call.Callee]; ok {
					c = f
				} else {
					c = imported(call.Callee)
					facts[call.Callee] = c
				}
				if c == nil || skip(d, call) {
					continue
				}
				if keep == nil || keep(call) {
					out[d] = c.Prepend(analysisutil.ShortName(call.Callee))
					changed = true
					break
				}
			}
		}
	}
	return out
}
