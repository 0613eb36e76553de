package requestpath

import (
	"go/types"
	"slices"
	"strings"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/config"
	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
)

func (c *classifier) matchShape(sig *types.Signature) string {
	for _, s := range c.shapes {
		if s.sig != nil {
			if identicalIgnoringRecv(s.sig, sig) {
				return s.Framework
			}
			continue
		}
		if analysisutil.TupleMatches(sig.Params(), s.Params) && (s.AnyResults || analysisutil.TupleMatches(sig.Results(), s.Results)) {
			return s.Framework
		}
	}
	return ""
}

func identicalIgnoringRecv(a, b *types.Signature) bool {
	return types.Identical(types.NewSignatureType(nil, nil, nil, a.Params(), a.Results(), a.Variadic()),
		types.NewSignatureType(nil, nil, nil, b.Params(), b.Results(), b.Variadic()))
}

// ifaceMethod reports whether fn, a method of recv's type, implements a
// handler interface method.
func (c *classifier) ifaceMethod(recv types.Type, fn *types.Func) (string, Kind) {
	base := recv
	if p, ok := base.(*types.Pointer); ok {
		base = p.Elem()
	}
	ptr := types.NewPointer(base)
	for _, is := range c.ifaces {
		if len(is.methods) > 0 && !slices.Contains(is.methods, fn.Name()) {
			continue
		}
		if !hasMethod(is.iface, fn.Name()) {
			continue
		}
		if types.Implements(base, is.iface) || types.Implements(ptr, is.iface) {
			if is.framework == "grpc" {
				return "grpc", GRPCMethod
			}
			return is.framework, Handler
		}
	}
	return "", 0
}

func hasMethod(it *types.Interface, name string) bool {
	for m := range it.Methods() {
		if m.Name() == name {
			return true
		}
	}
	return false
}

// embedsUnimplemented reports whether the receiver's struct embeds a
// generated Unimplemented<S>Server that has a method named name.
func embedsUnimplemented(recv types.Type, name string) bool {
	if p, ok := recv.(*types.Pointer); ok {
		recv = p.Elem()
	}
	st, ok := recv.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for f := range st.Fields() {
		if !f.Embedded() {
			continue
		}
		ft := f.Type()
		if p, ok := ft.(*types.Pointer); ok {
			ft = p.Elem()
		}
		n, ok := types.Unalias(ft).(*types.Named)
		if !ok {
			continue
		}
		tn := n.Obj().Name()
		if !strings.HasPrefix(tn, knowledge.GRPCUnimplementedPrefix) || !strings.HasSuffix(tn, knowledge.GRPCRegisterSuffix) {
			continue
		}
		ms := types.NewMethodSet(types.NewPointer(n))
		for m := range ms.Methods() {
			if m.Obj().Name() == name {
				return true
			}
		}
	}
	return false
}

// isGeneratedStub reports whether t is a generated gRPC placeholder type
// (Unimplemented<S>Server, Unsafe<S>Server), whose methods never serve.
func isGeneratedStub(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	name := n.Obj().Name()
	return slices.ContainsFunc(knowledge.GRPCStubPrefixes, func(p string) bool { return strings.HasPrefix(name, p) })
}

// chanKind reports whether t is a channel of a message or tick element.
func (c *classifier) chanKind(t types.Type) (string, Kind) {
	if t == nil {
		return "", 0
	}
	ch, ok := t.Underlying().(*types.Chan)
	if !ok {
		return "", 0
	}
	for _, e := range c.elems {
		if (e.typ != nil && types.Identical(e.typ, ch.Elem())) || (e.typ == nil && e.Key.Matches(ch.Elem())) {
			if e.Framework == "tick" {
				return "tick", TickLoop
			}
			return e.Framework, MessageLoop
		}
	}
	return "", 0
}

// lookup finds the named type k in this package or its direct imports.
func (c *classifier) lookup(k analysisutil.TypeKey) *types.TypeName {
	pkg := c.pass.Pkg
	if pkg.Path() != k.Path {
		pkg = nil
		for _, imp := range c.pass.Pkg.Imports() {
			if imp.Path() == k.Path {
				pkg = imp
				break
			}
		}
	}
	if pkg == nil {
		return nil
	}
	tn, _ := pkg.Scope().Lookup(k.Name).(*types.TypeName)
	return tn
}

func (c *classifier) lookupIface(k analysisutil.TypeKey) *types.Interface {
	if tn := c.lookup(k); tn != nil {
		it, _ := tn.Type().Underlying().(*types.Interface)
		return it
	}
	return nil
}

// grpcServices finds generated Register<S>Server(registrar, S Server)
// functions in this package and its direct imports that use grpc, and
// returns their service interfaces.
func (c *classifier) grpcServices() []ifaceShape {
	var out []ifaceShape
	pkgs := append([]*types.Package{c.pass.Pkg}, c.pass.Pkg.Imports()...)
	for _, p := range pkgs {
		if p != c.pass.Pkg && !analysisutil.Imports(p, knowledge.GRPCPackage) {
			continue
		}
		scope := p.Scope()
		for _, name := range scope.Names() {
			if !strings.HasPrefix(name, knowledge.GRPCRegisterPrefix) || !strings.HasSuffix(name, knowledge.GRPCRegisterSuffix) {
				continue
			}
			fn, ok := scope.Lookup(name).(*types.Func)
			if !ok || fn.Signature().Params().Len() != 2 {
				continue
			}
			ps := fn.Signature().Params()
			if !slices.ContainsFunc(c.cfg.Compiled.GRPCRegistrars, func(k analysisutil.TypeKey) bool { return k.Matches(ps.At(0).Type()) }) {
				continue
			}
			if it, ok := ps.At(1).Type().Underlying().(*types.Interface); ok {
				out = append(out, ifaceShape{framework: "grpc", iface: it})
			}
		}
	}
	return out
}

// prepare resolves the handler tables against the types this package sees.
func (c *classifier) prepare() {
	comp := &c.cfg.Compiled
	for _, s := range comp.Shapes {
		c.shapes = append(c.shapes, shape{Shape: s})
	}
	for _, hi := range comp.Ifaces {
		if it := c.lookupIface(hi.Iface); it != nil {
			c.ifaces = append(c.ifaces, ifaceShape{framework: hi.Framework, iface: it, methods: hi.Methods})
		}
	}
	for _, e := range comp.Elems {
		c.elems = append(c.elems, elemShape{Elem: e})
	}
	c.recvs = knowledge.MessageReceivers
	// User-named types: func types become shapes, interfaces become handler
	// interfaces, anything else a message element type.
	for _, h := range c.cfg.HandlerTypes {
		obj := c.lookup(analysisutil.ParseTypeKey(h))
		if obj == nil {
			continue
		}
		switch u := obj.Type().Underlying().(type) {
		case *types.Signature:
			c.shapes = append(c.shapes, shape{Shape: config.Shape{Framework: "configured"}, sig: u})
		case *types.Interface:
			c.ifaces = append(c.ifaces, ifaceShape{framework: "configured", iface: u})
		default:
			c.elems = append(c.elems, elemShape{Elem: config.Elem{Framework: "configured"}, typ: obj.Type()})
		}
	}
	c.ifaces = append(c.ifaces, c.grpcServices()...)
}
