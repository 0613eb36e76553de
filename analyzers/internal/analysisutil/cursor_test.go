package analysisutil

import (
	"go/ast"
	"go/parser"
	"go/token"
	"testing"

	"golang.org/x/tools/go/ast/inspector"
)

// TestFind checks that Find agrees with Root().FindNode for every node of
// two files (nodes that share a range with a child, such as an ExprStmt
// and its call, and a FuncDecl's overlapping Name and Type among them),
// and that it reports a node of another file set as absent.
func TestFind(t *testing.T) {
	const a = `package p

func f(ch chan int) (int, error) {
	go func() { ch <- 1 }()
	g()
	x := (<-ch)
	for v := range ch {
		_ = v
	}
	return x, nil
}

func g() {}
`
	const b = `package p

type T struct{ ch chan int }

func (t *T) m() { defer func() { recover() }(); select { case <-t.ch: default: } }
`
	fset := token.NewFileSet()
	var files []*ast.File
	for i, src := range []string{a, b} {
		f, err := parser.ParseFile(fset, []string{"a.go", "b.go"}[i], src, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	insp := inspector.New(files)
	n := 0
	for c := range insp.Root().Preorder() {
		want := c
		got, ok := Find(insp, c.Node())
		if !ok || got != want {
			t.Errorf("Find(%T at %v) = %v, %v; want the node's own cursor", c.Node(), fset.Position(c.Node().Pos()), got.Node(), ok)
		}
		n++
	}
	if n < 50 {
		t.Fatalf("only %d nodes visited", n)
	}
	other, err := parser.ParseFile(token.NewFileSet(), "c.go", a, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := Find(insp, other.Decls[0]); ok {
		t.Error("Find of another file's node: found, want absent")
	}
}
