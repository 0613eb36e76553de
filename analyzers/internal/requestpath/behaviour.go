package requestpath

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
)

// Startup, factory and lifetime code recognised by behaviour (issue 15):
// whatever its name, a function is not per-operation when it
//   - returns the pool it created, itself or inside a struct, slice or map
//     (it hands ownership to its caller: a factory, judged at its calls);
//   - creates its own root context (signal.NotifyContext, or a canceller
//     over context.Background);
//   - blocks until its context is done (<-ctx.Done() as a statement);
//   - runs a server and then stops it (a serve and a stop method of one
//     receiver type).

// byBehaviour reports whether decl is factory or lifetime code, and
// whether the only sign of it is a root context of its own. A factory that
// is no lifetime code is recorded (IsFactory).
func (c *classifier) byBehaviour(decl *ast.FuncDecl) (startup, rootOnly bool) {
	root, other := c.lifetime(decl)
	if other {
		return true, false
	}
	if c.returnsPool(decl) {
		if !root {
			c.in.factory[decl] = true
		}
		return true, false
	}
	return root, root
}

// lifetime reports whether decl's own body (not its literals) creates a
// root context (root), or subscribes to signals, waits for its context to
// end, or serves and then stops (other).
func (c *classifier) lifetime(decl *ast.FuncDecl) (root, other bool) {
	info := c.pass.TypesInfo
	// serves and stops hold the receiver types of the serve and stop
	// calls: a server is run and then stopped when one type has both
	// (db.Close() next to srv.ListenAndServe() stops no server).
	serves, stops := map[string]bool{}, map[string]bool{}
	isComm := map[ast.Stmt]bool{} // select cases: <-ctx.Done() there is one way out, not a wait
	inspectOwn(decl.Body, func(n ast.Node) {
		if cc, ok := n.(*ast.CommClause); ok && cc.Comm != nil {
			isComm[cc.Comm] = true
		}
	})
	inspectOwn(decl.Body, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.CallExpr:
			name := analysisutil.CalleeName(info, n)
			switch {
			case knowledge.SignalHandlers[name]:
				other = true
			case analysisutil.IsCanceller(name) && len(n.Args) > 0:
				if arg, ok := ast.Unparen(n.Args[0]).(*ast.CallExpr); ok && isRoot(analysisutil.CalleeName(info, arg)) {
					root = true
				}
			}
			if fn := analysisutil.Callee(info, n); fn != nil && fn.Signature().Recv() != nil {
				recv, _ := analysisutil.NamedKey(fn.Signature().Recv().Type())
				serves[recv] = serves[recv] || knowledge.ServeMethods[fn.Name()]
				stops[recv] = stops[recv] || knowledge.StopMethods[fn.Name()]
			}
		case *ast.ExprStmt:
			if isComm[n] {
				return
			}
			if u, ok := ast.Unparen(n.X).(*ast.UnaryExpr); ok && u.Op == token.ARROW {
				if call, ok := ast.Unparen(u.X).(*ast.CallExpr); ok && knowledge.DoneChannels[analysisutil.CalleeName(info, call)] {
					other = true
				}
			}
		}
	})
	for recv := range serves {
		if serves[recv] && stops[recv] {
			other = true
		}
	}
	return root, other
}

// returnsPool reports whether decl returns a pool it creates: a pool
// constructor's result, a variable assigned one, or a composite literal
// holding either (return &Store{db: db}).
func (c *classifier) returnsPool(decl *ast.FuncDecl) bool {
	return c.returnsPoolIn(decl.Type, decl.Body)
}

// returnsPoolIn is returnsPool for the function with type ft and body body,
// a declaration's or a literal's.
func (c *classifier) returnsPoolIn(ft *ast.FuncType, body *ast.BlockStmt) bool {
	if ft.Results == nil || body == nil {
		return false
	}
	info := c.pass.TypesInfo
	isCtor := func(e ast.Expr) bool {
		switch e := ast.Unparen(e).(type) {
		case *ast.CallExpr:
			_, ok := c.cfg.Pools[analysisutil.CalleeName(info, e)]
			return ok
		case *ast.CompositeLit:
			key, _ := analysisutil.NamedKey(info.TypeOf(e))
			_, ok := c.cfg.PoolTypes[key]
			return ok
		}
		return false
	}
	// pools holds the locals that hold a pool. holds reports whether e is
	// a pool: a constructor call, one of those locals, or its address or a
	// composite literal that holds one (a method call on it is not).
	pools := map[types.Object]bool{}
	var holds func(e ast.Expr) bool
	holds = func(e ast.Expr) bool {
		switch e := ast.Unparen(e).(type) {
		case *ast.Ident:
			return pools[info.ObjectOf(e)]
		case *ast.UnaryExpr:
			return e.Op == token.AND && holds(e.X)
		case *ast.KeyValueExpr:
			return holds(e.Value)
		case *ast.CompositeLit:
			if isCtor(e) {
				return true
			}
			for _, elt := range e.Elts {
				if holds(elt) {
					return true
				}
			}
		case *ast.CallExpr:
			return isCtor(e)
		}
		return false
	}
	// Two rounds: db := sql.Open(...), then s := &Store{db: db}.
	for range 2 {
		inspectOwn(body, func(n ast.Node) {
			as, ok := n.(*ast.AssignStmt)
			if !ok || len(as.Rhs) == 0 {
				return
			}
			// v, err := ctor(...) assigns the pool to the first variable.
			if len(as.Rhs) == 1 && len(as.Lhs) > 1 {
				if id, ok := as.Lhs[0].(*ast.Ident); ok && holds(as.Rhs[0]) {
					pools[info.ObjectOf(id)] = true
				}
				return
			}
			for i, lhs := range as.Lhs {
				if id, ok := lhs.(*ast.Ident); ok && i < len(as.Rhs) && holds(as.Rhs[i]) {
					pools[info.ObjectOf(id)] = true
				}
			}
		})
	}
	// Named results are returned by a bare return.
	namedPool := false
	for _, field := range ft.Results.List {
		for _, name := range field.Names {
			namedPool = namedPool || pools[info.ObjectOf(name)]
		}
	}
	returned := false
	inspectOwn(body, func(n ast.Node) {
		if ret, ok := n.(*ast.ReturnStmt); ok && !returned {
			returned = len(ret.Results) == 0 && namedPool
			for _, r := range ret.Results {
				returned = returned || holds(r)
			}
		}
	})
	return returned
}

// inspectOwn calls f for every node of body that runs as part of its
// function: nested function literals are skipped.
func inspectOwn(body *ast.BlockStmt, f func(ast.Node)) {
	ast.Inspect(body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if n != nil {
			f(n)
		}
		return true
	})
}

// isRoot reports a context root that is not derived from a parent
// (Background, TODO; not WithoutCancel).
func isRoot(name string) bool {
	r, ok := knowledge.ContextRoots[name]
	return ok && !r.Detaches
}
