package handlerblock

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
	"github.com/lifelint/lifelint/analyzers/internal/requestpath"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// Channel parameters of per-operation functions (issue 15 items 5b, 5c). A
// function that received a context and sends to or receives from a channel
// its caller handed it cannot know that the other end is still there: the
// caller may have given up on the operation. It has the context to give up
// too, so a bare operation there blocks without watching it. The rule
// stays silent whenever this package shows the other end or the buffer:
// when the function is run as a goroutine or taken as a value, when a
// caller hands it a buffered channel or one the caller also uses in a
// goroutine or literal, and when the function replaces the channel or
// hands it to code of its own (a literal, a goroutine).

// paramChan reports whether ch, operated on at cur, is a channel parameter
// of a per-operation function whose other end this package does not show.
func (c *checker) paramChan(cur inspector.Cursor, ch ast.Expr) bool {
	info := c.pass.TypesInfo
	v, d := localAt(info, cur, ch)
	if v == nil || !analysisutil.DirectlyIn(cur, d) {
		return false
	}
	if _, ok := v.Type().Underlying().(*types.Chan); !ok {
		return false
	}
	idx := paramIndex(info, d, v)
	if idx < 0 {
		return false
	}
	r := c.rp.Func(d)
	if r == nil || r.Kind != requestpath.PerOperation || c.rp.At(cur) != r {
		return false
	}
	if _, ok := c.rp.RequestContext(cur); !ok {
		return false // a context named _: the function chose not to watch it
	}
	if known, ok := c.paramChans[v]; ok {
		return known
	}
	unknown := !c.ownsParam(d, v) && !c.callersShowEnd(d, idx)
	c.paramChans[v] = unknown
	return unknown
}

// paramIndex returns the index of v among d's parameters, or -1.
func paramIndex(info *types.Info, d *ast.FuncDecl, v *types.Var) int {
	i := 0
	for _, field := range d.Type.Params.List {
		if len(field.Names) == 0 {
			i++
		}
		for _, name := range field.Names {
			if info.Defs[name] == v {
				return i
			}
			i++
		}
	}
	return -1
}

// ownsParam reports whether d does more with the channel parameter v than
// operate on it: it assigns it (a nil channel disabling a case, a default
// made here), takes its address, or uses it in a function literal or a go
// statement (the goroutine it starts is the other end).
func (c *checker) ownsParam(d *ast.FuncDecl, v *types.Var) bool {
	return assignedIn(c.pass.TypesInfo, v, d.Body) || usedInLitOrGo(c.pass.TypesInfo, d.Body, v) // guards.go
}

// usedInLitOrGo reports whether a function literal or a go statement in
// body uses v.
func usedInLitOrGo(info *types.Info, body *ast.BlockStmt, v *types.Var) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.FuncLit, *ast.GoStmt:
			ast.Inspect(n, func(m ast.Node) bool {
				if id, ok := m.(*ast.Ident); ok && info.Uses[id] == v {
					found = true
				}
				return !found
			})
			return false
		}
		return !found
	})
	return found
}

// callersShowEnd reports whether this package's use of d says how its
// channel parameter idx is served: d is taken as a value (its callers are
// unseen), started as a goroutine, directly or through an interface (go f(), a literal run by go or a
// spawner: its blocking is judged with its launcher, by unsupervisedgo),
// or given by a caller a buffered channel or one the caller also hands to
// a goroutine or literal of its own (the other end).
func (c *checker) callersShowEnd(d *ast.FuncDecl, idx int) bool {
	fn, ok := c.pass.TypesInfo.Defs[d.Name].(*types.Func)
	if !ok {
		return true
	}
	sites, complete := c.rp.Graph.Dispatch(fn) // static calls, and calls through an interface
	if !complete {
		return true
	}
	for _, call := range sites {
		if call.Go || c.spawned(call.Cursor) {
			return true
		}
		args := call.Expr().Args
		if idx < len(args) && (c.bufferedChan(call.Cursor, args[idx]) || c.servedByCaller(call.Cursor, args[idx])) {
			return true
		}
	}
	return false
}

// spawned reports whether cur lies in a function literal that runs in a
// goroutine of its own: started by go, or handed to a spawner (errgroup's
// Go, wg.Go, a local supervisor helper).
func (c *checker) spawned(cur inspector.Cursor) bool {
	for lit := range cur.Enclosing((*ast.FuncLit)(nil)) {
		if c.rp.Detached(lit.Node().(*ast.FuncLit)) {
			return true
		}
		if p, ok := lit.Parent().Node().(*ast.CallExpr); ok {
			if _, ok := knowledge.Spawners[analysisutil.CalleeName(c.pass.TypesInfo, p)]; ok {
				return true
			}
		}
	}
	return false
}

// servedByCaller reports whether e, an argument at cur, is a local or
// parameter of the calling function that the caller also uses in a
// function literal or a go statement: go consume(out); produce(ctx, out).
func (c *checker) servedByCaller(cur inspector.Cursor, e ast.Expr) bool {
	v, d := localAt(c.pass.TypesInfo, cur, e)
	return v != nil && usedInLitOrGo(c.pass.TypesInfo, d.Body, v)
}

// localAt returns the local variable or parameter that e, at cur, names,
// and the declaration around cur; nils for anything else.
func localAt(info *types.Info, cur inspector.Cursor, e ast.Expr) (*types.Var, *ast.FuncDecl) {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil, nil
	}
	v, _ := info.Uses[id].(*types.Var)
	d := analysisutil.EnclosingDecl(cur)
	if v == nil || v.IsField() || d == nil || (v.Pkg() != nil && v.Parent() == v.Pkg().Scope()) {
		return nil, nil
	}
	return v, d
}

// bufferedChan reports whether e, an argument at cur, is a channel made
// with a buffer: a make with a non-zero capacity, or a local of the
// enclosing function assigned only such makes.
func (c *checker) bufferedChan(cur inspector.Cursor, e ast.Expr) bool {
	info := c.pass.TypesInfo
	isBuffered := func(e ast.Expr) bool {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok || !isMakeCall(info, call) || len(call.Args) != 2 {
			return false
		}
		n := info.Types[call.Args[1]].Value
		return n == nil || constant.Sign(n) > 0 // a computed size: the caller sized it
	}
	if isBuffered(e) {
		return true
	}
	v, d := localAt(info, cur, e)
	if v == nil {
		return false
	}
	n, all := 0, true
	ast.Inspect(d.Body, func(m ast.Node) bool {
		switch m := m.(type) {
		case *ast.AssignStmt:
			for i, lhs := range m.Lhs {
				if lid, ok := lhs.(*ast.Ident); ok && (info.Defs[lid] == v || info.Uses[lid] == v) {
					n++
					all = all && len(m.Lhs) == len(m.Rhs) && isBuffered(m.Rhs[i])
				}
			}
		case *ast.ValueSpec:
			for i, name := range m.Names {
				if info.Defs[name] == v {
					n++
					all = all && len(m.Values) == len(m.Names) && isBuffered(m.Values[i])
				}
			}
		}
		return true
	})
	return n > 0 && all
}

// sendFix returns the mechanical fix of a bare send statement, or nil: the
// send becomes a select that also waits for the context, where giving up
// changes nothing else. That is where the send is the last statement of a
// function with no results, or is followed by return nil in a function
// whose one result is an error (which then returns the context's error).
func (c *checker) sendFix(cur inspector.Cursor, send *ast.SendStmt) func(ctx string) []analysis.TextEdit {
	fc := analysisutil.EnclosingFunc(cur)
	ft, body := analysisutil.FuncParts(fc.Node())
	blk, ok := cur.Parent().Node().(*ast.BlockStmt)
	if body == nil || !ok {
		return nil
	}
	i := 0
	for i < len(blk.List) && blk.List[i] != send {
		i++
	}
	giveUp := ""
	switch {
	case blk == body && i == len(blk.List)-1 && ft.Results == nil:
	case i+1 < len(blk.List) && c.returnsNilError(ft, blk.List[i+1]):
		giveUp = "return %s.Err()"
	default:
		return nil
	}
	indent := strings.Repeat("\t", c.pass.Fset.Position(send.Pos()).Column-1)
	return func(ctx string) []analysis.TextEdit {
		after := ":\n" + indent + "case <-" + ctx + ".Done():\n"
		if giveUp != "" {
			after += indent + "\t" + strings.ReplaceAll(giveUp, "%s", ctx) + "\n"
		}
		return []analysis.TextEdit{
			{Pos: send.Pos(), End: send.Pos(), NewText: []byte("select {\n" + indent + "case ")},
			{Pos: send.End(), End: send.End(), NewText: []byte(after + indent + "}")},
		}
	}
}

// returnsNilError reports whether st is return nil in a function whose only
// result is an error.
func (c *checker) returnsNilError(ft *ast.FuncType, st ast.Stmt) bool {
	ret, ok := st.(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 || ft.Results == nil || ft.Results.NumFields() != 1 {
		return false
	}
	info := c.pass.TypesInfo
	t := info.TypeOf(ft.Results.List[0].Type)
	return t != nil && types.Identical(t, errorType) && info.Types[ret.Results[0]].IsNil()
}

var errorType = types.Universe.Lookup("error").Type()
