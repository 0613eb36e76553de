package requestpath

import (
	"go/ast"
	"go/types"
	"slices"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
)

// propagate demotes per-operation candidates (exported or not) that only
// startup code calls, then carries membership down the intra-package call graph to
// helpers that have no reason of their own.
func (c *classifier) propagate() {
	g := c.in.Graph
	for _, d := range g.Decls {
		r := c.in.funcs[d]
		if r == nil || r.Kind != PerOperation {
			continue
		}
		if c.in.OnlyStartupCallers(d) {
			delete(c.in.funcs, d)
		}
	}
	// Worklist over declarations in file order, for determinism.
	queue := slices.Clone(g.Decls)
	for len(queue) > 0 {
		d := queue[0]
		queue = queue[1:]
		for _, call := range g.Calls[d] {
			callee := g.Local(call)
			if callee == nil || c.in.funcs[callee] != nil || call.Go || c.inSpawned(call) {
				// A function started as a goroutine (go f(), g.Go(func()
				// { f() })) runs beside the request, not as part of it.
				continue
			}
			via := c.in.At(call.Cursor)
			if via == nil {
				continue
			}
			fn := c.pass.TypesInfo.Defs[callee.Name].(*types.Func)
			c.in.funcs[callee] = &Reason{Kind: Called, Name: funcDisplayName(fn), Pos: callee.Pos(), Via: via}
			queue = append(queue, callee)
		}
	}
}

// inSpawned reports whether call lies in a function literal handed to a
// spawner (knowledge.Spawners: errgroup's Go, wg.Go), which runs it in a
// goroutine of its own.
func (c *classifier) inSpawned(call Call) bool {
	for lit := range call.Cursor.Enclosing((*ast.FuncLit)(nil)) {
		p, ok := lit.Parent().Node().(*ast.CallExpr)
		if !ok {
			continue
		}
		if _, ok := knowledge.Spawners[analysisutil.CalleeName(c.pass.TypesInfo, p)]; ok {
			return true
		}
	}
	return false
}
