package requestpool

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/callgraph"
	"github.com/lifelint/lifelint/analyzers/internal/config"
	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
	"github.com/lifelint/lifelint/analyzers/internal/registry"
	"github.com/lifelint/lifelint/analyzers/internal/requestpath"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

//go:embed doc.go
var doc string

// Meta is the pass's registry entry.
var Meta = registry.Meta{
	Name:     "requestpool",
	Title:    "report connection pools and clients created per request, message or tick",
	Since:    "v0.1.0",
	Severity: registry.Warning,
}

// New returns the pass reading the request-path model from rp (a
// requestpath analyzer built on the desired configuration).
func New(rp *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:      Meta.Name,
		Doc:       analysisutil.MustExtractDoc(doc, Meta.Name),
		URL:       registry.URL(Meta.Name),
		Requires:  []*analysis.Analyzer{inspect.Analyzer, rp},
		FactTypes: []analysis.Fact{new(createsPool)},
		Run: func(pass *analysis.Pass) (any, error) {
			return run(pass, pass.ResultOf[rp].(*requestpath.Info))
		},
	}
}

// Analyzer is the pass with the default configuration.
var Analyzer = New(requestpath.Analyzer)

// createsPool is the summary of a function that creates a pool or a
// connection-owning client every time it is called.
type createsPool struct {
	Chain callgraph.Chain // from the function's first call to the constructor
	What  string          // what the constructor creates
	// Module is the module of the function's package: callers in other
	// modules trust the summary only when it is Unconditional
	// (callgraph.TrustedChain).
	Module string
	// Unconditional marks a chain whose every step runs on every normal
	// path (callgraph.MustSummaries): the function creates the pool
	// whenever it is called. Chain is then that chain.
	Unconditional bool `json:",omitempty"`
}

func (*createsPool) AFact() {}

func (f *createsPool) String() string {
	return fmt.Sprintf("creates %s: %s%s", f.What, f.Chain, callgraph.EveryPath(f.Unconditional))
}

// trusted reports whether the fact may be used here (callgraph.TrustedChain).
func (f *createsPool) trusted(pass *analysis.Pass) bool {
	return callgraph.TrustedChain(pass, f.Module, f.Unconditional)
}

// site is a place that creates a pool directly.
type site struct {
	cur   inspector.Cursor
	decl  *ast.FuncDecl
	ctor  string // "sql.Open", "&http.Transport{}"
	what  string
	racy  bool // a sync.Map get-or-create without LoadOrStore
	inGo  bool
	guard bool // sync.Once or a held mutex
}

// mayCreate is the fast path: a package of the standard library (whose
// pools the tables list), or one that imports no pool constructor's
// package and no package with pool-creating functions, creates no pool.
func mayCreate(pass *analysis.Pass, cfg *config.Config) bool {
	if analysisutil.IsStdlib(pass) {
		return false
	}
	direct := map[*types.Package]bool{}
	for _, imp := range pass.Pkg.Imports() {
		if cfg.Compiled.PoolPackages[imp.Path()] {
			return true
		}
		direct[imp] = true
	}
	// Facts are few (functions that create pools), so this scan is cheap.
	for _, f := range pass.AllObjectFacts() {
		if direct[f.Object.Pkg()] {
			return true
		}
	}
	return false
}

func run(pass *analysis.Pass, rp *requestpath.Info) (any, error) {
	cfg := rp.Config
	if !mayCreate(pass, cfg) {
		return nil, nil
	}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	g := rp.Graph

	// Direct creation sites, in one walk. decl is nil for package-level
	// code (a handler literal assigned to a package variable).
	gd := newGuards(pass.TypesInfo, rp)
	var sites []site
	for c := range insp.Root().Preorder((*ast.CallExpr)(nil), (*ast.CompositeLit)(nil)) {
		ctor, what := creation(pass.TypesInfo, cfg, c)
		if ctor == "" {
			continue
		}
		s := site{cur: c, ctor: ctor, what: what, inGo: analysisutil.InGoStmt(c)}
		for d := range c.Enclosing((*ast.FuncDecl)(nil)) {
			s.decl = d.Node().(*ast.FuncDecl)
		}
		s.guard = gd.guarded(c)
		s.racy = !s.guard && racyGetOrCreate(pass.TypesInfo, c)
		sites = append(sites, s)
	}
	reportHandouts(pass, rp, gd, insp.Root(), sites)

	// Summaries: a function creates a pool when it does so directly (not
	// guarded, not in a goroutine) or calls one that does.
	base := map[*ast.FuncDecl]callgraph.Chain{}
	mustBase := map[*ast.FuncDecl]callgraph.Chain{} // the unconditional sites
	whatOf := map[*ast.FuncDecl]string{}
	mustWhatOf := map[*ast.FuncDecl]string{}
	for _, s := range sites {
		// A site inside its own request path (a loop body, a handler or
		// closure literal) runs per message or per call of that literal,
		// not when the function is called.
		// A racy get-or-create is a cache that leaks on races, reported
		// where it is; it does not create a pool per call.
		if s.decl == nil || s.guard || s.racy || s.inGo || rp.At(s.cur) != rp.Func(s.decl) {
			continue
		}
		if mustBase[s.decl] == nil && callgraph.Unconditional(s.cur) {
			mustBase[s.decl] = callgraph.Chain{s.ctor}
			mustWhatOf[s.decl] = s.what
		}
		if base[s.decl] == nil {
			base[s.decl] = callgraph.Chain{s.ctor}
			whatOf[s.decl] = s.what
		}
	}
	imported := func(fn *types.Func) callgraph.Chain {
		var f createsPool
		if pass.ImportObjectFact(fn, &f) && f.trusted(pass) {
			return f.Chain
		}
		return nil
	}
	// guarded walks the enclosing function, so it is asked only for calls
	// that can carry a summary (a local callee, or one with a fact).
	skip := func(d *ast.FuncDecl, c requestpath.Call) bool {
		if c.Go || rp.At(c.Cursor) != rp.Func(d) {
			return true
		}
		if g.Local(c) == nil && imported(c.Callee) == nil {
			return false // nothing to carry: the guard does not matter
		}
		return gd.guarded(c.Cursor)
	}
	chains := g.Summaries(base, imported, skip)
	mustChains := g.MustSummaries(mustBase, func(fn *types.Func) callgraph.Chain {
		var f createsPool
		if pass.ImportObjectFact(fn, &f) && f.Unconditional {
			return f.Chain
		}
		return nil
	}, skip)
	// what names what d's chain creates, following it (the unconditional
	// chain when must is set).
	var what func(d *ast.FuncDecl, must bool, seen map[*ast.FuncDecl]bool) string
	what = func(d *ast.FuncDecl, must bool, seen map[*ast.FuncDecl]bool) string {
		wo, ch := whatOf, chains
		if must {
			wo, ch = mustWhatOf, mustChains
		}
		if w := wo[d]; w != "" {
			return w
		}
		if seen[d] {
			return ""
		}
		seen[d] = true
		for _, c := range g.Calls[d] {
			if c.Callee == nil || skip(d, c) || must && !callgraph.Unconditional(c.Cursor) {
				continue
			}
			if local := g.Local(c); local != nil && ch[local] != nil {
				return what(local, must, seen)
			}
			var f createsPool
			if pass.ImportObjectFact(c.Callee, &f) && (must && f.Unconditional || !must && f.trusted(pass)) {
				return f.What
			}
		}
		return "connection pool"
	}
	for _, d := range g.Decls {
		if !rp.ExportsSummary(d) {
			continue
		}
		if c := chains[d]; c != nil {
			if fn, ok := pass.TypesInfo.Defs[d.Name].(*types.Func); ok {
				f := &createsPool{Chain: c, What: what(d, false, map[*ast.FuncDecl]bool{}), Module: callgraph.Module(pass)}
				if m := mustChains[d]; m != nil {
					f.Chain, f.What, f.Unconditional = m, what(d, true, map[*ast.FuncDecl]bool{}), true
				}
				pass.ExportObjectFact(fn.Origin(), f)
			}
		}
	}

	// Diagnostics on request paths: direct creation...
	for _, s := range sites {
		if s.guard || g.Generated(s.cur.Node().Pos()) {
			continue
		}
		n := s.cur.Node()
		r := rp.At(s.cur)
		if s.racy {
			// A racy get-or-create leaks wherever it is: concurrent
			// callers each create one for the same key.
			where := "its function"
			if r != nil {
				where = r.String()
			} else if fn := analysisutil.EnclosingFunc(s.cur); fn.Valid() {
				if d, ok := fn.Node().(*ast.FuncDecl); ok {
					where = analysisutil.ShortName(pass.TypesInfo.Defs[d.Name].(*types.Func))
				}
			}
			pass.ReportRangef(n, "%s creates %s in a racy get-or-create (sync.Map Load, create, Store) in %s: concurrent callers each create one for the same key and all but one leak; use LoadOrStore of a sync.OnceValue per key, or a mutex", s.ctor, article(s.what), where)
			continue
		}
		if r == nil {
			continue
		}
		if r.Kind == requestpath.Called && !s.inGo && s.decl != nil && rp.At(s.cur) == rp.Func(s.decl) {
			continue // part of the helper's summary: reported at the calls on request paths
		}
		pass.ReportRangef(n, "%s creates %s in %s: %s", s.ctor, article(s.what), r, advice)
	}
	// ...and calls of functions that create one, one finding per callee
	// chain (reportCalls).
	var calls requestpath.Groups
	whats := map[string]string{}
	direct := make(map[inspector.Cursor]bool, len(sites))
	for _, s := range sites {
		direct[s.cur] = true
	}
	for _, d := range g.Decls {
		for _, c := range g.Calls[d] {
			if c.Callee == nil || c.Go || g.Generated(c.Expr().Pos()) {
				continue
			}
			if direct[c.Cursor] {
				continue // a known constructor: reported as a direct site
			}
			var chain callgraph.Chain
			var w string
			if local := g.Local(c); local != nil {
				if lr := rp.Func(local); lr != nil && lr.Kind != requestpath.Called {
					continue // a request path by its own shape: reported where it creates the pool
				}
				chain, w = chains[local], what(local, false, map[*ast.FuncDecl]bool{})
			} else {
				var f createsPool
				if !pass.ImportObjectFact(c.Callee, &f) || !f.trusted(pass) {
					continue
				}
				chain, w = f.Chain, f.What
			}
			if chain == nil {
				continue
			}
			r := rp.At(c.Cursor)
			if r == nil || gd.guarded(c.Cursor) {
				continue
			}
			if r.Kind == requestpath.Called && rp.At(c.Cursor) == rp.Func(d) && !c.Go {
				continue // part of d's summary: reported at the request path's call of d
			}
			key := chain.Prepend(analysisutil.ShortName(c.Callee)).String()
			calls.Add(key, c, r)
			whats[key] = w
		}
	}
	reportCalls(pass, &calls, whats)
	return nil, nil
}

// advice ends every diagnostic but the racy get-or-create's.
const advice = "a pool per request exhausts connections; create it once at startup and inject it"

// article prefixes what with "a" or "an" by its first letter's sound:
// "an AMQP connection", "a Redis connection pool", "an HTTP transport".
func article(what string) string {
	if what == "" {
		return "a connection pool"
	}
	switch {
	case strings.ContainsRune("aeiouAEIO", rune(what[0])):
		return "an " + what
	case strings.HasPrefix(what, "HTTP"):
		// An initialism read letter by letter: "an HTTP".
		return "an " + what
	}
	return "a " + what
}

// creation reports whether the node at cur creates a pool: a call of a
// known constructor, or a composite literal or new() of a known pool type.
func creation(info *types.Info, cfg *config.Config, cur inspector.Cursor) (ctor, what string) {
	switch n := cur.Node().(type) {
	case *ast.CallExpr:
		if fn := analysisutil.Callee(info, n); fn != nil {
			if p, ok := cfg.Pools[analysisutil.FuncName(fn)]; ok {
				return analysisutil.ShortName(fn), p.What
			}
			return "", ""
		}
		if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && len(n.Args) == 1 {
			if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "new" {
				if key, short := analysisutil.NamedKey(info.TypeOf(n.Args[0])); key != "" {
					if p, ok := cfg.PoolTypes[key]; ok {
						return "new(" + short + ")", p.What
					}
				}
			}
		}
	case *ast.CompositeLit:
		if key, short := analysisutil.NamedKey(info.TypeOf(n)); key != "" {
			if p, ok := cfg.PoolTypes[key]; ok && !setTrue(info, n, p.Unpooled) {
				return "&" + short + "{}", p.What
			}
		}
	}
	return "", ""
}

// setTrue reports whether the composite literal lit sets its field named
// field to the constant true (&http.Transport{DisableKeepAlives: true}).
func setTrue(info *types.Info, lit *ast.CompositeLit, field string) bool {
	if field == "" {
		return false
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if k, ok := kv.Key.(*ast.Ident); ok && k.Name == field {
			v := info.Types[kv.Value].Value
			return v != nil && v.Kind() == constant.Bool && constant.BoolVal(v)
		}
	}
	return false
}

// guarded reports whether the creation (or call) at cur runs at most once
// per key: in a sync.Once function, or under a lock in a get-or-create
// cache that stores it.
func (g *guards) guarded(cur inspector.Cursor) bool {
	gd, ok := g.memo[cur]
	if !ok {
		info := g.info
		gd = analysisutil.InOnce(info, cur) || (g.locks.Held(cur) && storedAfter(cur)) ||
			inLazyCallback(info, g.rp, cur) || lazyField(info, cur)
		g.memo[cur] = gd
	}
	return gd
}

// guards answers guarded for the calls of one package, once per call.
type guards struct {
	info  *types.Info
	rp    *requestpath.Info
	locks *analysisutil.Locks
	memo  map[inspector.Cursor]bool
}

func newGuards(info *types.Info, rp *requestpath.Info) *guards {
	return &guards{info: info, rp: rp, locks: analysisutil.NewLocks(info), memo: map[inspector.Cursor]bool{}}
}

// lazyField reports whether cur lies in a lazy initialiser of a field: its
// function returns early when the field is set (if d.client != nil {
// return d.client, nil }) and assigns the field after cur. It creates at
// most one pool per value, not one per call.
func lazyField(info *types.Info, cur inspector.Cursor) bool {
	fn := analysisutil.EnclosingFunc(cur)
	if !fn.Valid() {
		return false
	}
	_, body := analysisutil.FuncParts(fn.Node())
	pos := cur.Node().Pos()
	for _, st := range body.List {
		is, ok := st.(*ast.IfStmt)
		if !ok || is.Pos() > pos || len(is.Body.List) == 0 {
			continue
		}
		if _, ret := is.Body.List[len(is.Body.List)-1].(*ast.ReturnStmt); !ret {
			continue
		}
		fields := setFields(info, is.Cond)
		if len(fields) == 0 {
			continue
		}
		// Every field the test needs set is assigned after cur: once they
		// are, the function returns before creating another.
		stored := map[*types.Var]bool{}
		for c := range fn.Preorder((*ast.AssignStmt)(nil)) {
			as := c.Node().(*ast.AssignStmt)
			if as.Pos() < pos {
				continue
			}
			for _, lhs := range as.Lhs {
				if f := fieldVar(info, lhs); f != nil {
					stored[f] = true
				}
			}
		}
		all := true
		for _, f := range fields {
			all = all && stored[f]
		}
		if all {
			return true
		}
	}
	return false
}

// setFields returns the fields that cond tests are set: d.client != nil,
// or a conjunction of such tests (d.ecs != nil && d.ec2 != nil). It
// returns nil for any other condition.
func setFields(info *types.Info, cond ast.Expr) []*types.Var {
	cond = ast.Unparen(cond)
	be, ok := cond.(*ast.BinaryExpr)
	if !ok {
		return nil
	}
	switch be.Op {
	case token.LAND:
		x, y := setFields(info, be.X), setFields(info, be.Y)
		if x == nil || y == nil {
			return nil
		}
		return append(x, y...)
	case token.NEQ:
		if f := fieldVar(info, be.X); f != nil {
			return []*types.Var{f}
		}
	}
	return nil
}

// fieldVar returns the struct field e selects, or nil.
func fieldVar(info *types.Info, e ast.Expr) *types.Var {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	if s, ok := info.Selections[sel]; ok && s.Kind() == types.FieldVal {
		v, _ := s.Obj().(*types.Var)
		return v
	}
	return nil
}

// inLazyCallback reports whether cur lies in a function literal handed to
// another call as an argument, such as the constructor callback of a
// resource cache (go-zero's ResourceManager.GetResource, singleflight,
// a lazy loader): the callee decides when, and how often, it runs, and such
// caches exist to create the pool once per key. Literals that are request
// paths of their own (handlers passed to HandleFunc) do not count.
func inLazyCallback(info *types.Info, rp *requestpath.Info, cur inspector.Cursor) bool {
	lit := analysisutil.EnclosingFunc(cur)
	if !lit.Valid() {
		return false
	}
	if _, ok := lit.Node().(*ast.FuncLit); !ok || rp.Func(lit.Node()) != nil {
		return false
	}
	call, ok := lit.Parent().Node().(*ast.CallExpr)
	if !ok || ast.Unparen(call.Fun) == lit.Node() {
		return false
	}
	// A spawner (errgroup's Go, wg.Go) runs its function right away, as
	// part of the caller.
	_, spawner := knowledge.Spawners[analysisutil.CalleeName(info, call)]
	return !spawner
}

// storedAfter reports whether the function around cur assigns to a map
// element or a field after cur: the store of a get-or-create cache. A lock
// alone does not make a pool shared; a pool created under a lock and then
// only used locally is still one per call.
func storedAfter(cur inspector.Cursor) bool {
	fn := analysisutil.EnclosingFunc(cur)
	if !fn.Valid() {
		return false
	}
	pos := cur.Node().Pos()
	for c := range fn.Preorder((*ast.AssignStmt)(nil)) {
		as := c.Node().(*ast.AssignStmt)
		if as.End() < pos {
			continue
		}
		for _, lhs := range as.Lhs {
			switch ast.Unparen(lhs).(type) {
			case *ast.IndexExpr, *ast.SelectorExpr:
				return true
			}
		}
	}
	return false
}

// racyGetOrCreate reports whether the creation at cur sits between a
// (*sync.Map).Load and a (*sync.Map).Store of the same function.
func racyGetOrCreate(info *types.Info, cur inspector.Cursor) bool {
	fn := analysisutil.EnclosingFunc(cur)
	if !fn.Valid() {
		return false
	}
	pos := cur.Node().Pos()
	load, store := false, false
	for c := range fn.Preorder((*ast.CallExpr)(nil)) {
		switch name := analysisutil.CalleeName(info, c.Node().(*ast.CallExpr)); {
		case knowledge.MapLoads[name]:
			load = load || c.Node().Pos() < pos
		case knowledge.MapStores[name]:
			store = store || c.Node().Pos() > pos
		}
	}
	return load && store
}
