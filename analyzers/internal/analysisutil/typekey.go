package analysisutil

import (
	"go/types"
	"strings"
)

// TypeKey is a parsed knowledge type key: "error", "path.Name",
// "*path.Name". Keys are parsed once, when the configuration is built, and
// matched against types with Matches.
type TypeKey struct {
	Ptr        bool
	Path, Name string
}

var errorType = types.Universe.Lookup("error").Type()

// ParseTypeKey parses a type key. It does not validate it; the
// configuration does.
func ParseTypeKey(s string) TypeKey {
	var k TypeKey
	s, k.Ptr = strings.CutPrefix(strings.TrimSpace(s), "*")
	if s == "error" {
		k.Name = "error"
		return k
	}
	if i := strings.LastIndexByte(s, '.'); i > 0 {
		k.Path, k.Name = s[:i], s[i+1:]
	}
	return k
}

// ParseTypeKeys parses each of ss.
func ParseTypeKeys(ss []string) []TypeKey {
	ks := make([]TypeKey, len(ss))
	for i, s := range ss {
		ks[i] = ParseTypeKey(s)
	}
	return ks
}

// Matches reports whether t is the type the key names; generic types match
// by origin.
func (k TypeKey) Matches(t types.Type) bool {
	if k.Path == "" && k.Name == "error" {
		return !k.Ptr && types.Identical(t, errorType)
	}
	if k.Ptr {
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
	return obj.Name() == k.Name && obj.Pkg() != nil && obj.Pkg().Path() == k.Path
}

// TupleMatches reports whether the types of tup are, in order, those keys
// name.
func TupleMatches(tup *types.Tuple, keys []TypeKey) bool {
	if tup.Len() != len(keys) {
		return false
	}
	for i, k := range keys {
		if !k.Matches(tup.At(i).Type()) {
			return false
		}
	}
	return true
}

// NamedKey renders the named type t, or the type a pointer t points to, as
// a knowledge key "path.Name" and as source text "pkg.Name". Generic types
// render by origin. It returns empty strings for other types.
func NamedKey(t types.Type) (key, short string) {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return "", ""
	}
	obj := n.Origin().Obj()
	return obj.Pkg().Path() + "." + obj.Name(), obj.Pkg().Name() + "." + obj.Name()
}
