package requestpath

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
)

// longRunning reports whether decl runs a loop that lives as long as its
// context: an endless worker loop (see isWorkerLoop), or a loop over
// messages or ticks. Such a function is a worker started once, not a
// per-operation function; its loop bodies are request paths of their own.
// An endless loop that leaves on success is a retry loop, and its function
// stays per-operation (issue 15: loops are classified by their exits).
func (c *classifier) longRunning(decl *ast.FuncDecl) bool {
	found := false
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ForStmt:
			if n.Cond == nil && c.isWorkerLoop(n.Body) {
				found = true
			}
		case *ast.RangeStmt:
			if _, kind := c.chanKind(c.pass.TypesInfo.TypeOf(n.X)); kind != 0 || c.rangeWorker(decl, n) {
				found = true
			}
		}
		return !found
	})
	return found
}

// isWorkerLoop reports whether the exits of the loop with the given body
// (its returns, and breaks and gotos that leave it) all sit on a stop path:
// in a select case that receives (ctx.Done(), a stop or closed channel), or
// under an if that tests an error, a context's Err, or a closed channel's
// ok. An endless loop with an exit anywhere else leaves when its work
// succeeds: a retry loop; a range loop over a channel with such an exit
// waits for one message: a search.
func (c *classifier) isWorkerLoop(body *ast.BlockStmt) bool {
	worker := true
	var visit func(n ast.Node, guarded bool, depth int)
	visit = func(n ast.Node, guarded bool, depth int) {
		if !worker || n == nil {
			return
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return
		case *ast.ReturnStmt:
			if !guarded {
				worker = false
			}
			return
		case *ast.BranchStmt:
			// A break of this loop (depth 0: not inside an inner loop,
			// switch or select) or any labelled jump leaves it.
			if (n.Tok == token.BREAK && (n.Label != nil || depth == 0)) || n.Tok == token.GOTO {
				if !guarded {
					worker = false
				}
			}
			return
		case *ast.IfStmt:
			visit(n.Init, guarded, depth)
			visit(n.Body, guarded || c.stopCond(n.Cond), depth)
			visit(n.Else, guarded, depth)
			return
		case *ast.CommClause:
			recv := n.Comm != nil && analysisutil.RecvChan(n.Comm) != nil
			for _, st := range n.Body {
				visit(st, guarded || recv, depth)
			}
			return
		case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			ast.Inspect(n, func(m ast.Node) bool {
				if m == n {
					return true
				}
				visit(m, guarded, depth+1)
				return false
			})
			return
		}
		ast.Inspect(n, func(m ast.Node) bool {
			if m == n {
				return true
			}
			visit(m, guarded, depth)
			return false
		})
	}
	for _, st := range body.List {
		visit(st, false, 0)
	}
	return worker
}

// rangeWorker reports whether loop, a range loop directly in decl, is a
// worker's loop over a channel of no known message type (see chanWorker):
// its body runs per message. Its own receive is its wait.
func (c *classifier) rangeWorker(decl *ast.FuncDecl, loop *ast.RangeStmt) bool {
	t := c.pass.TypesInfo.TypeOf(loop.X)
	if t == nil {
		return false
	}
	if _, ok := t.Underlying().(*types.Chan); !ok {
		return false // a slice, map, integer or iterator: one operation's items
	}
	return c.chanWorker(decl, loop.X) && c.isWorkerLoop(loop.Body)
}

// ownsContext reports whether fn is a method of a type that keeps the
// context it runs under in a field waited on somewhere in the package
// (fieldctx.go): its per-message work has that context to honour.
func (c *classifier) ownsContext(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	if recv == nil {
		return false
	}
	named := recvNamed(recv.Type())
	return named != nil && c.in.contextField(named) != ""
}

// chanWorker reports whether decl, receiving in a worker loop from ch, a
// channel of no known message type, is a worker whose loop runs per
// message (issue 15 item 2: a loop whose only exit is a closed channel or
// a stop is a worker). That needs the context a per-operation function
// would have (decl takes one, or its receiver keeps a waited-on one in a
// field), so the per-message work has a context to honour, whatever decl's
// name (Consume, Run: the loop is what makes it long-running); and a
// channel from outside decl, a
// parameter or a field: a channel decl makes is the join of its own
// goroutines (a fan-in), which ends with the operation.
func (c *classifier) chanWorker(decl *ast.FuncDecl, ch ast.Expr) bool {
	if decl == nil {
		return false
	}
	info := c.pass.TypesInfo
	fn, _ := info.Defs[decl.Name].(*types.Func)
	if fn == nil || !takesContext(fn.Signature()) && !c.ownsContext(fn) {
		return false
	}
	switch x := ast.Unparen(ch).(type) {
	case *ast.Ident:
		if v, ok := info.Uses[x].(*types.Var); ok {
			for p := range fn.Signature().Params().Variables() {
				if p == v {
					return true
				}
			}
		}
	case *ast.SelectorExpr:
		sel := info.Selections[x]
		return sel != nil && sel.Kind() == types.FieldVal
	}
	return false
}

// stopCond reports whether an if condition tests for a stop: an error
// (err != nil, errors.Is), a context's Err or Done, or a channel's ok.
func (c *classifier) stopCond(cond ast.Expr) bool {
	found := false
	ast.Inspect(cond, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BinaryExpr:
			if n.Op == token.NEQ {
				if t := c.pass.TypesInfo.TypeOf(n.X); t != nil && types.Implements(t, errorIface) {
					found = true
				}
			}
		case *ast.UnaryExpr:
			if n.Op == token.NOT {
				if t := c.pass.TypesInfo.TypeOf(n.X); t != nil && types.Identical(t, types.Typ[types.Bool]) {
					found = true // !ok of a receive, !running of a stop flag
				}
			}
		case *ast.CallExpr:
			if fn := analysisutil.Callee(c.pass.TypesInfo, n); fn != nil && analysisutil.IsPkgFunc(fn, "errors", "Is") {
				found = true
			}
		}
		return !found
	})
	return found
}

var errorIface = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

// receiverLoop reports the framework if the loop body calls a
// message-receiving function directly (not in a nested literal).
func (c *classifier) receiverLoop(body inspector.Cursor) string {
	if !body.Valid() {
		return ""
	}
	fw := ""
	body.Inspect([]ast.Node{(*ast.CallExpr)(nil), (*ast.FuncLit)(nil)}, func(cur inspector.Cursor) bool {
		if fw != "" {
			return false
		}
		switch n := cur.Node().(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if f, ok := c.recvs[analysisutil.CalleeName(c.pass.TypesInfo, n)]; ok {
				fw = f
				return false
			}
		}
		return true
	})
	return fw
}

// directlyInLoop reports whether the select at cur is a statement of a for
// or range loop body (not inside a nested function literal).
func directlyInLoop(cur inspector.Cursor) bool {
	for c := cur.Parent(); c.Node() != nil; c = c.Parent() {
		switch c.Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return true
		case *ast.FuncLit, *ast.FuncDecl:
			return false
		}
	}
	return false
}

// waitThenWork marks the statements after the wait of a "wait, then work"
// worker loop as a per-tick region: for { time.Sleep(d); work() } and
// for { select { case <-stop: return; case <-t.C: } work() }. The wait
// itself is the loop's pacing, not part of the tick.
//
// A worker loop of decl that waits by receiving from a channel
// (for { v, ok := <-in; if !ok { return }; work(v) }) runs the statements
// after the receive once per message, like the body of for v := range in
// (issue 15 item 2: a loop whose exit is a closed channel is a worker),
// when the channel's element is a known message type or chanWorker holds;
// a receive of a tick is a tick's wait.
func (c *classifier) waitThenWork(decl *ast.FuncDecl, loop *ast.ForStmt) {
	for i, st := range loop.Body.List {
		r := &Reason{Kind: TickLoop, Framework: "tick", Pos: loop.Pos()}
		if ch := analysisutil.RecvChan(st); ch != nil { // v, ok := <-in as a statement
			switch fw, kind := c.chanKind(c.pass.TypesInfo.TypeOf(ch)); {
			case kind == MessageLoop:
				r = &Reason{Kind: MessageLoop, Framework: fw, Pos: loop.Pos()}
			case kind == 0 && c.chanWorker(decl, ch):
				r = &Reason{Kind: MessageLoop, Framework: ChannelFramework, Pos: loop.Pos()}
			case kind == 0:
				return
			}
		} else if !c.isWait(st) {
			continue
		}
		for _, after := range loop.Body.List[i+1:] {
			c.in.regions[after] = r
		}
		return
	}
}

// isWait reports whether st paces a loop: a call of a sleep (a Receive-less
// blocking table entry of package time: time.Sleep), or a select with a
// case that receives a tick (a ticker's channel, time.After) and does
// nothing else.
func (c *classifier) isWait(st ast.Stmt) bool {
	info := c.pass.TypesInfo
	switch st := st.(type) {
	case *ast.ExprStmt:
		call, ok := ast.Unparen(st.X).(*ast.CallExpr)
		return ok && knowledge.Sleeps[analysisutil.CalleeName(info, call)]
	case *ast.SelectStmt:
		for _, cl := range st.Body.List {
			cc := cl.(*ast.CommClause)
			ch := analysisutil.RecvChan(cc.Comm)
			if ch == nil || len(cc.Body) > 0 {
				continue
			}
			if _, kind := c.chanKind(info.TypeOf(ch)); kind == TickLoop {
				return true
			}
		}
	}
	return false
}
