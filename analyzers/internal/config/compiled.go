package config

import (
	"maps"
	"slices"

	"github.com/lifelint/lifelint/analyzers/internal/analysisutil"
	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
)

// The knowledge tables and the user's entries, compiled once per analysis
// (when the Config is built) into typed matchers, so that no package parses
// a key again.

// Shape is a compiled handler function shape.
type Shape struct {
	Framework  string
	Params     []analysisutil.TypeKey
	Results    []analysisutil.TypeKey
	AnyResults bool
}

// Iface is a compiled handler interface.
type Iface struct {
	Framework string
	Iface     analysisutil.TypeKey
	Methods   []string // empty: every method
}

// Elem is a compiled message element type: loops over channels of it run
// per message (or per tick, for the "tick" framework).
type Elem struct {
	Framework string
	Key       analysisutil.TypeKey
}

// Accessor is a compiled request-context accessor.
type Accessor struct {
	Key      analysisutil.TypeKey
	Accessor string
}

// Compiled holds the matchers.
type Compiled struct {
	Shapes          []Shape
	Ifaces          []Iface
	Elems           []Elem // in key order, for determinism
	RequestContexts []Accessor
	GRPCRegistrars  []analysisutil.TypeKey
}

func compile(c *Config) Compiled {
	var out Compiled
	for _, hf := range c.HandlerFuncs {
		out.Shapes = append(out.Shapes, Shape{Framework: hf.Framework, Params: analysisutil.ParseTypeKeys(hf.Params),
			Results: analysisutil.ParseTypeKeys(hf.Results), AnyResults: hf.AnyResults})
	}
	for _, hi := range c.HandlerIfaces {
		out.Ifaces = append(out.Ifaces, Iface{Framework: hi.Framework, Iface: analysisutil.ParseTypeKey(hi.Iface), Methods: hi.Methods})
	}
	for _, k := range slices.Sorted(maps.Keys(knowledge.MessageElems)) {
		out.Elems = append(out.Elems, Elem{Framework: knowledge.MessageElems[k], Key: analysisutil.ParseTypeKey(k)})
	}
	for _, rc := range knowledge.RequestContexts {
		out.RequestContexts = append(out.RequestContexts, Accessor{Key: analysisutil.ParseTypeKey(rc.Type), Accessor: rc.Accessor})
	}
	out.GRPCRegistrars = analysisutil.ParseTypeKeys(knowledge.GRPCRegistrars)
	return out
}
