package callgraph

import (
	"cmp"
	"go/types"
	"slices"
)

// Dispatch returns the call sites in this package that may run the
// function fn: its static calls, and for a method, the calls of an
// interface method of the same name whose interface fn's receiver type (or
// a pointer to it) implements, in file order. complete reports that the
// package refers to fn, and to each of those interface methods, only as
// the callee of those sites: nothing takes them as a value or calls them
// at package level, so no call in the package goes unseen. Calls from other
// packages are not seen at all; a caller that needs them must say so.
func (g *Graph) Dispatch(fn *types.Func) (sites []Call, complete bool) {
	fn = fn.Origin()
	d := g.Funcs[fn]
	if d == nil {
		return nil, false
	}
	g.buildCallers()
	complete = g.OnlyCalled(d)
	sites = append(sites, g.callers[d]...)
	recv := fn.Signature().Recv()
	if recv == nil {
		return sites, complete
	}
	t := recv.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := t.(*types.Named)
	if !ok || named.TypeParams().Len() > 0 {
		return sites, complete
	}
	ptr := types.NewPointer(named)
	ifaces := map[*types.Func]int{}
	for _, dd := range g.Decls {
		for _, call := range g.Calls[dd] {
			m := call.Callee
			if m == nil || m.Name() != fn.Name() || m.Signature().Recv() == nil {
				continue
			}
			rt := m.Signature().Recv().Type()
			it, ok := rt.Underlying().(*types.Interface)
			if !ok {
				continue
			}
			if n, ok := types.Unalias(rt).(*types.Named); ok && n.TypeParams().Len() > 0 {
				// A generic interface: whether fn implements an
				// instance of it is not checked, so the call may be
				// one of fn's, unseen.
				complete = false
				continue
			}
			if !types.Implements(named, it) && !types.Implements(ptr, it) {
				continue
			}
			sites = append(sites, call)
			ifaces[m]++
		}
	}
	for m, n := range ifaces {
		if g.uses(m) != n {
			complete = false
		}
	}
	if len(ifaces) > 0 {
		sortCalls(sites)
	}
	return sites, complete
}

// uses counts the package's references to the object obj.
func (g *Graph) uses(obj types.Object) int {
	n := 0
	for _, o := range g.info.Uses {
		if o == obj {
			n++
		}
	}
	return n
}

// sortCalls orders call sites by position.
func sortCalls(sites []Call) {
	slices.SortFunc(sites, func(a, b Call) int { return cmp.Compare(a.Expr().Pos(), b.Expr().Pos()) })
}
