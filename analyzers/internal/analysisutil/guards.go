package analysisutil

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"golang.org/x/tools/go/ast/inspector"
)

// InOnce reports whether cur lies in a function literal passed to
// (*sync.Once).Do, sync.OnceFunc, sync.OnceValue or sync.OnceValues: code
// that runs at most once.
func InOnce(info *types.Info, cur inspector.Cursor) bool {
	for lit := range cur.Enclosing((*ast.FuncLit)(nil)) {
		call, ok := lit.Parent().Node().(*ast.CallExpr)
		if !ok {
			continue
		}
		switch CalleeName(info, call) {
		case "(*sync.Once).Do", "sync.OnceFunc", "sync.OnceValue", "sync.OnceValues":
			return true
		}
	}
	return false
}

// UnderLock reports whether cur runs while a sync.Mutex or sync.RWMutex
// locked earlier in the same function is held: a Lock call precedes it and
// no (non-deferred) Unlock lies between them.
func UnderLock(info *types.Info, cur inspector.Cursor) bool {
	fn := EnclosingFunc(cur)
	if !fn.Valid() {
		return false
	}
	pos := cur.Node().Pos()
	locked := false
	for c := range fn.Preorder((*ast.CallExpr)(nil)) {
		call := c.Node().(*ast.CallExpr)
		if call.Pos() >= pos {
			break
		}
		switch CalleeName(info, call) {
		case "(*sync.Mutex).Lock", "(*sync.RWMutex).Lock":
			locked = true
		case "(*sync.Mutex).Unlock", "(*sync.RWMutex).Unlock":
			if _, deferred := c.Parent().Node().(*ast.DeferStmt); !deferred {
				locked = false
			}
		}
	}
	return locked
}

// IsGenerated reports whether pos lies in a generated file.
func IsGenerated(pass *analysis.Pass, pos token.Pos) bool {
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return ast.IsGenerated(f)
		}
	}
	return false
}
