package callgraph

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"golang.org/x/tools/go/ast/inspector"
)

// TestUnconditional: calls of yes… run on every normal path through their
// function, calls of no… may not.
func TestUnconditional(t *testing.T) {
	const src = `package p

func straight() error {
	yes1()
	x := yes2(yes3())
	{
		yes4()
	}
	if err := yes5(); err != nil && no1() {
		no2()
		return err
	} else {
		no3()
	}
	no4() // after an early return
	return nil
}

func heads(xs []int, ch chan int) {
	switch yes6() {
	case 1:
		no5()
	}
	for i := yes7(); i < yes8(); i = no6() {
		no7()
	}
	for range yes9(xs) {
		no8()
	}
	select {
	case ch <- no9():
	}
	go no10()
	defer no11()
	f := func() { no12() }
	func() { no13() }()
	_ = yes10() || no14()
	ch <- yes11()
L:
	yes12()
	goto L
}

func closures() {
	f := func() error {
		return nil // a literal's return does not leave closures
	}
	yes13(f)
	goto M
M:
	no15() // after a goto
}

var v = no16()
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for cur := range inspector.New([]*ast.File{f}).Root().Preorder((*ast.CallExpr)(nil)) {
		id, ok := cur.Node().(*ast.CallExpr).Fun.(*ast.Ident)
		if !ok {
			continue
		}
		var want bool
		switch {
		case strings.HasPrefix(id.Name, "yes"):
			want = true
		case strings.HasPrefix(id.Name, "no"):
		default:
			continue
		}
		n++
		if got := Unconditional(cur); got != want {
			t.Errorf("%s: Unconditional(%s()) = %t, want %t", fset.Position(id.Pos()), id.Name, got, want)
		}
	}
	if n != 29 {
		t.Errorf("checked %d calls, want 29", n)
	}
}
