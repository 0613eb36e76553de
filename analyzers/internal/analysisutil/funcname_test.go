package analysisutil

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

// funcNameSrc has the receiver shapes FuncName spells itself and those it
// leaves to FullName.
const funcNameSrc = `package p

import "context"

type T struct{}

func (T) Value()    {}
func (*T) Pointer() {}

type G[X any] struct{ x X }

func (G[X]) Value()    {}
func (*G[X]) Pointer() {}

type A = T

func (A) ViaAlias() {}

type I interface {
	M()
	context.Context
}

type E struct {
	T
	*G[int]
	I
}

type Inst = G[string]

func F() {}

func Generic[X any](X) {}

func local() {
	type L interface{ LM() }
	var _ L
}
`

// TestFuncName checks FuncName against fn.Origin().FullName(), its
// definition, on every function and method of a source package with the
// receiver shapes above and of standard packages read from export data
// (whose interface methods have the interface as their receiver).
func TestFuncName(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", funcNameSrc, 0)
	if err != nil {
		t.Fatal(err)
	}
	imp := importer.ForCompiler(fset, "gc", nil)
	conf := types.Config{Importer: imp}
	info := &types.Info{Defs: map[*ast.Ident]types.Object{}}
	src, err := conf.Check("example.com/p", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	pkgs := []*types.Package{src}
	for _, path := range []string{"context", "database/sql", "net/http", "sync", "sync/atomic", "iter", "maps", "slices", "time", "os", "io", "bufio", "encoding/json", "errors"} {
		p, err := imp.Import(path)
		if err != nil {
			t.Fatal(err)
		}
		pkgs = append(pkgs, p)
	}
	var funcs []*types.Func
	addType := func(typ types.Type) {
		for _, ty := range []types.Type{typ, types.NewPointer(typ)} {
			ms := types.NewMethodSet(ty)
			for i := range ms.Len() {
				funcs = append(funcs, ms.At(i).Obj().(*types.Func))
			}
		}
		if it, ok := typ.Underlying().(*types.Interface); ok {
			for i := range it.NumMethods() {
				funcs = append(funcs, it.Method(i))
			}
		}
	}
	for _, p := range pkgs {
		for _, name := range p.Scope().Names() {
			switch obj := p.Scope().Lookup(name).(type) {
			case *types.Func:
				funcs = append(funcs, obj)
			case *types.TypeName:
				addType(obj.Type())
			}
		}
	}
	for _, obj := range info.Defs { // the function-local interface
		if tn, ok := obj.(*types.TypeName); ok && tn.Parent() != src.Scope() {
			addType(tn.Type())
		}
	}
	if len(funcs) < 1000 {
		t.Fatalf("only %d functions collected", len(funcs))
	}
	shapes := map[string]bool{}
	for _, fn := range funcs {
		want := fn.Origin().FullName()
		if got := FuncName(fn); got != want {
			t.Errorf("FuncName(%v) = %q, want %q", fn, got, want)
		}
		shapes[want] = true
	}
	for _, name := range []string{
		"example.com/p.F", "example.com/p.Generic", "(example.com/p.T).Value", "(*example.com/p.T).Pointer",
		"(example.com/p.G[X]).Value", "(*example.com/p.G[X]).Pointer", "(example.com/p.A).ViaAlias",
		"(example.com/p.I).M", "(context.Context).Done", "time.Sleep", "(*database/sql.DB).Query",
	} {
		if !shapes[name] {
			t.Errorf("no function %s among those checked", name)
		}
	}
}
