package unsupervisedgo

import (
	"go/ast"
	"go/types"
)

// makeOf returns the make(chan ...) call that defines the local channel
// v, if v is defined by one and never reassigned.
func (c *checker) makeOf(v *types.Var) *ast.CallExpr {
	if mk, ok := c.makes[v]; ok {
		return mk
	}
	var mk *ast.CallExpr
	for _, o := range c.index()[v] {
		if o.kind == opWrite {
			c.makes[v] = nil
			return nil
		}
	}
	if call, ok := ast.Unparen(c.defOf(v)).(*ast.CallExpr); ok && isBuiltin(c.info, call.Fun, "make") {
		if t := c.info.TypeOf(call); t != nil {
			if _, ok := t.Underlying().(*types.Chan); ok {
				mk = call
			}
		}
	}
	c.makes[v] = mk
	return mk
}
