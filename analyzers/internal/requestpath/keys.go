package requestpath

import (
	"go/types"
	"strings"
)

// typeKey is a parsed knowledge type key: "error", "path.Name",
// "*path.Name".
type typeKey struct {
	ptr        bool
	path, name string
}

var errorType = types.Universe.Lookup("error").Type()

func parseKey(s string) typeKey {
	var k typeKey
	s, k.ptr = strings.CutPrefix(strings.TrimSpace(s), "*")
	if s == "error" {
		k.name = "error"
		return k
	}
	if i := strings.LastIndexByte(s, '.'); i > 0 {
		k.path, k.name = s[:i], s[i+1:]
	}
	return k
}

func parseKeys(ss []string) []typeKey {
	ks := make([]typeKey, len(ss))
	for i, s := range ss {
		ks[i] = parseKey(s)
	}
	return ks
}

// matches reports whether t is the type the key names; generic types match
// by origin.
func (k typeKey) matches(t types.Type) bool {
	if k.path == "" && k.name == "error" {
		return !k.ptr && types.Identical(t, errorType)
	}
	if k.ptr {
		p, ok := t.(*types.Pointer)
		if !ok {
			return false
		}
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	obj := n.Origin().Obj()
	return obj.Name() == k.name && obj.Pkg() != nil && obj.Pkg().Path() == k.path
}

func tupleMatches(tup *types.Tuple, keys []typeKey) bool {
	if tup.Len() != len(keys) {
		return false
	}
	for i, k := range keys {
		if !k.matches(tup.At(i).Type()) {
			return false
		}
	}
	return true
}
