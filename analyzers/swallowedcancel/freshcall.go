package swallowedcancel

import (
	"go/ast"
	"go/types"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
)

// freshArgs returns the fresh errors (freshErr) that call passes for a
// parameter of type error, exactly: not for any or ...any (log.Print,
// fmt.Println), not to a builtin or a conversion, not to a callee that
// also takes ...any after it (logr's Error(err, msg, kv...), klog.ErrorS:
// loggers), nor to knowledge.ErrorSinks (errors.Join, span.RecordError).
// freshPassed asks only for calls whose result is dropped or returned,
// so field builders used as arguments (zap.Error(err)) are not seen.
func (c *checker) freshArgs(call *ast.CallExpr) []ast.Expr {
	info := c.pass.TypesInfo
	if tv, ok := info.Types[call.Fun]; !ok || tv.IsType() || tv.IsBuiltin() {
		return nil
	}
	sig, ok := info.TypeOf(call.Fun).Underlying().(*types.Signature)
	if !ok || knowledge.ErrorSinks[analysisutil.CalleeName(info, call)] {
		return nil
	}
	params := sig.Params()
	if params.Len() == 0 {
		return nil
	}
	if sig.Variadic() {
		if s, ok := params.At(params.Len() - 1).Type().(*types.Slice); ok && isAny(s.Elem()) {
			return nil
		}
	}
	errT := types.Universe.Lookup("error").Type()
	var out []ast.Expr
	for i, a := range call.Args {
		var t types.Type
		switch {
		case i < params.Len()-1 || (!sig.Variadic() && i < params.Len()):
			t = params.At(i).Type()
		case sig.Variadic() && !call.Ellipsis.IsValid():
			t = params.At(params.Len() - 1).Type().(*types.Slice).Elem()
		default:
			continue
		}
		if types.Identical(t, errT) && c.freshErr(a) {
			out = append(out, a)
		}
	}
	return out
}

// isAny reports whether t is the empty interface.
func isAny(t types.Type) bool {
	i, ok := t.Underlying().(*types.Interface)
	return ok && i.Empty()
}
