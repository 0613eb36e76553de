package unsupervisedgo

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"golang.org/x/tools/go/ast/inspector"
)

// Callee summaries: what a function does, when called, to the channels
// and trackers it receives as parameters. Functions of this package are
// summarised from their bodies (through their own callees); functions of
// other packages through paramsFact.

// opMask is a set of operations on one channel or tracker.
type opMask uint8

const (
	mSend  opMask = 1 << iota // ch <- v
	mRecv                     // <-ch, range ch
	mClose                    // close(ch)
	mDone                     // wg.Done()
	mWait                     // wg.Wait()
)

var maskNames = []string{"sends", "receives", "closes", "calls Done", "calls Wait"}

func (m opMask) String() string {
	var parts []string
	for i, name := range maskNames {
		if m&(1<<i) != 0 {
			parts = append(parts, name)
		}
	}
	return strings.Join(parts, ", ")
}

// paramSum summarises what a function does to its parameter Index.
type paramSum struct {
	Index int
	Sync  opMask // in the caller's goroutine, before the call returns
	Async opMask // in goroutines the function starts
	Sends int    // the most synchronous sends on one path
	Loop  bool   // synchronous sends in a loop
}

func (s paramSum) String() string {
	var parts []string
	if s.Sync != 0 {
		x := s.Sync.String()
		if s.Sync&mSend != 0 {
			if s.Loop {
				x += " (in a loop)"
			} else if s.Sends > 1 {
				x += fmt.Sprintf(" (%d on one path)", s.Sends)
			}
		}
		parts = append(parts, x)
	}
	if s.Async != 0 {
		parts = append(parts, s.Async.String()+" in a goroutine")
	}
	return fmt.Sprintf("param %d: %s", s.Index, strings.Join(parts, "; "))
}

// paramsFact summarises an exported function's operations on its
// channel and tracker parameters, for callers in other packages.
// Parameters the function hands somewhere the pass cannot follow are
// left out: callers treat them as escaping. Like spawnsFact, it is used
// only within its Module: for third-party code the knowledge tables
// decide (DESIGN.md, trust boundary), and an unknown callee is an escape.
type paramsFact struct {
	Params []paramSum
	Module string
}

func (*paramsFact) AFact() {}
func (f *paramsFact) String() string {
	parts := make([]string, len(f.Params))
	for i, p := range f.Params {
		parts[i] = p.String()
	}
	return strings.Join(parts, "; ")
}

// argSummary returns what the callee of call does with its argument i,
// if the pass knows.
func (c *checker) argSummary(call *ast.CallExpr, i int) (paramSum, bool) {
	fn := analysisutil.Callee(c.info, call)
	if fn == nil {
		return paramSum{}, false
	}
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Variadic() && i >= sig.Params().Len()-1 {
		return paramSum{}, false
	}
	for _, s := range c.summary(fn) {
		if s.Index == i {
			return s, true
		}
	}
	return paramSum{}, false
}

// summary returns the parameter summaries of fn.
func (c *checker) summary(fn *types.Func) []paramSum {
	fn = fn.Origin()
	if s, ok := c.sums[fn]; ok {
		return s
	}
	if fn.Pkg() != c.pass.Pkg {
		var f paramsFact
		if fn.Pkg() != nil && c.pass.ImportObjectFact(fn, &f) && c.sameModule(f.Module) {
			c.sums[fn] = f.Params
			return f.Params
		}
		c.sums[fn] = nil
		return nil
	}
	d := c.rp.Graph.Funcs[fn]
	c.sums[fn] = nil // recursion: nothing known yet
	if d == nil {
		return nil
	}
	var out []paramSum
	i := 0
	for _, f := range d.Type.Params.List {
		names := f.Names
		if len(names) == 0 {
			i++
			continue
		}
		for _, n := range names {
			if v, ok := c.info.Defs[n].(*types.Var); ok && interesting(v.Type()) {
				if s, ok := c.summariseParam(d, v, i); ok && (s.Sync != 0 || s.Async != 0) {
					out = append(out, s)
				}
			}
			i++
		}
	}
	c.sums[fn] = out
	return out
}

// summariseParam summarises d's operations on its parameter v. It fails
// when v escapes into something the pass does not follow.
func (c *checker) summariseParam(d *ast.FuncDecl, v *types.Var, idx int) (paramSum, bool) {
	s := paramSum{Index: idx}
	for _, o := range c.index()[v] {
		async := c.runsAsync(o.cur, d)
		var m opMask
		switch o.kind {
		case opSend:
			m = mSend
		case opRecv:
			m = mRecv
		case opClose:
			m = mClose
		case opDone:
			m = mDone
		case opWait:
			m = mWait
		case opArg:
			sum, ok := c.argSummary(o.call, o.arg)
			if !ok {
				return s, false
			}
			m = sum.Sync
			s.Async |= sum.Async
		case opEscape:
			return s, false
		}
		if async {
			s.Async |= m
		} else {
			s.Sync |= m
		}
	}
	if s.Sync&mSend != 0 {
		n := c.maxSends(d.Body, func(x ast.Expr) bool { return c.keyOf(x) == v }, 1)
		s.Sends, s.Loop = n.n, n.loop
	}
	return s, true
}

// runsAsync reports whether the code at cur, inside d, runs in a
// goroutine d starts or in a closure d hands on, rather than before d
// returns.
func (c *checker) runsAsync(cur inspector.Cursor, d *ast.FuncDecl) bool {
	for f := range cur.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		if f.Node() == ast.Node(d) {
			return false
		}
		if _, ok := f.Node().(*ast.FuncLit); !ok || !c.runsInPlace(f) {
			return true
		}
	}
	return false
}

// runsInPlace reports whether the literal at cur runs in the goroutine
// of the code around it: called where it is written (func() { ... }(),
// defer func() { ... }()), or bound to a local variable that is only
// ever called. Literals handed to other functions (handlers, hooks,
// callbacks) may run in any goroutine, at any time.
func (c *checker) runsInPlace(cur inspector.Cursor) bool {
	lit := cur.Node().(*ast.FuncLit)
	if r, ok := c.inPlace[lit]; ok {
		return r
	}
	r := invokedInPlace(cur)
	if !r {
		if as, ok := cur.Parent().Node().(*ast.AssignStmt); ok && len(as.Lhs) == len(as.Rhs) {
			for i, rhs := range as.Rhs {
				if rhs != ast.Expr(lit) {
					continue
				}
				if id, ok := as.Lhs[i].(*ast.Ident); ok {
					if v, ok := c.info.Defs[id].(*types.Var); ok {
						r = c.onlyCalled(v)
					}
				}
			}
		}
	}
	c.inPlace[lit] = r
	return r
}

// onlyCalled reports whether every use of v calls it.
func (c *checker) onlyCalled(v *types.Var) bool {
	ops := c.index()[v]
	for _, o := range ops {
		if o.kind != opCall {
			return false
		}
	}
	return len(ops) > 0
}

// defOf returns the value a local variable is defined with (v := x, var
// v = x), or nil.
func (c *checker) defOf(v *types.Var) ast.Expr {
	cur, ok := c.insp.Root().FindByPos(v.Pos(), v.Pos()+token.Pos(len(v.Name())))
	if !ok {
		return nil
	}
	id, ok := cur.Node().(*ast.Ident)
	if !ok {
		return nil
	}
	switch p := cur.Parent().Node().(type) {
	case *ast.AssignStmt:
		for i, l := range p.Lhs {
			if l == id && len(p.Lhs) == len(p.Rhs) {
				return p.Rhs[i]
			}
		}
	case *ast.ValueSpec:
		for i, n := range p.Names {
			if n == id && i < len(p.Values) {
				return p.Values[i]
			}
		}
	}
	return nil
}
