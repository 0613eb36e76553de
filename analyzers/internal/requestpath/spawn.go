package requestpath

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
)

// Supervisor helpers: a function of this package that runs a func
// parameter in a goroutine (func (s *Server) startGoRoutine(f func()) {
// s.wg.Add(1); go func() { defer s.wg.Done(); f() }() }). A literal handed
// to one runs beside the request, like the body of a go statement, so it
// is detached from the request path it is written in.

// spawnedArg reports whether the literal at cur is an argument of a call
// of a local function that runs that parameter in a goroutine.
func (c *classifier) spawnedArg(cur inspector.Cursor) bool {
	call, ok := cur.Parent().Node().(*ast.CallExpr)
	if !ok || ast.Unparen(call.Fun) == cur.Node() {
		return false
	}
	idx := -1
	for i, a := range call.Args {
		if a == cur.Node() {
			idx = i
		}
	}
	if idx < 0 {
		return false
	}
	callee := c.in.Graph.Local(Call{Callee: calleeOf(c.pass.TypesInfo, call)})
	return callee != nil && c.spawnedParams(callee)[idx]
}

func calleeOf(info *types.Info, call *ast.CallExpr) *types.Func {
	var id *ast.Ident
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		id = f.Sel
	default:
		return nil
	}
	fn, _ := info.Uses[id].(*types.Func)
	if fn == nil {
		return nil
	}
	return fn.Origin()
}

// spawnedParams returns the indices of decl's parameters that decl calls
// in a go statement: go f(), or a call of f inside a literal it starts.
func (c *classifier) spawnedParams(decl *ast.FuncDecl) map[int]bool {
	if out, ok := c.spawns[decl]; ok {
		return out
	}
	info := c.pass.TypesInfo
	params := map[types.Object]int{}
	i := 0
	for _, field := range decl.Type.Params.List {
		if len(field.Names) == 0 {
			i++
		}
		for _, name := range field.Names {
			params[info.Defs[name]] = i
			i++
		}
	}
	out := map[int]bool{}
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		g, ok := n.(*ast.GoStmt)
		if !ok {
			return true
		}
		ast.Inspect(g.Call, func(m ast.Node) bool {
			if call, ok := m.(*ast.CallExpr); ok {
				if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
					if j, ok := params[info.Uses[id]]; ok {
						out[j] = true
					}
				}
			}
			return true
		})
		return false
	})
	if c.spawns == nil {
		c.spawns = map[*ast.FuncDecl]map[int]bool{}
	}
	c.spawns[decl] = out
	return out
}
