// Package config owns lifelint's shared options: the Settings users write
// (flags, .lifelint.yml, golangci-lint settings, all with the same keys) and
// the lifelintconfig pseudo-analyzer that every pass requires to read them.
package config

import (
	"errors"
	"flag"
	"fmt"
	pathpkg "path"
	"reflect"
	"regexp"
	"strings"
	"sync"

	"github.com/lifelint/lifelint/analyzers/internal/knowledge"
	"golang.org/x/tools/go/analysis"
)

// Settings are the user-facing options. The same keys serve the
// -lifelintconfig.* flags, the .lifelint.yml file and the golangci-lint
// plugin settings (kebab-case, because viper lowercases keys).
type Settings struct {
	// Enable lists the passes to run; empty means all. Disable removes
	// passes from that set.
	Enable  []string `json:"enable,omitempty" yaml:"enable,omitempty"`
	Disable []string `json:"disable,omitempty" yaml:"disable,omitempty"`
	// Handlers adds handler shapes. An entry is either a function
	// signature whose parameters and results are type keys,
	// "func(*example.com/bus.Message) error", or a named type
	// "example.com/bus.Handler": a func type (functions of its shape are
	// handlers), an interface (its implementations' methods are handlers)
	// or any other type (loops over a channel of it run per message).
	Handlers []string `json:"handlers,omitempty" yaml:"handlers,omitempty"`
	// Blocking adds functions that block without a context, as
	// (*types.Func).FullName keys: "example.com/queue.Wait",
	// "(*example.com/queue.Client).Pop".
	Blocking []string `json:"blocking,omitempty" yaml:"blocking,omitempty"`
	// Pools adds constructors of connection pools and clients, as keys
	// like Blocking, or "&example.com/x.Type" for a struct type whose
	// composite literal (or new) creates one.
	Pools []string `json:"pools,omitempty" yaml:"pools,omitempty"`
	// Exclude lists path globs (relative to the module root) whose
	// diagnostics are dropped. Used by the CLI; golangci-lint has its own
	// exclusions.
	Exclude []string `json:"exclude,omitempty" yaml:"exclude,omitempty"`
}

// Config is the parsed, validated form of Settings merged with the
// built-in knowledge tables. It is immutable once built.
type Config struct {
	Settings Settings

	HandlerFuncs  []knowledge.HandlerFunc
	HandlerIfaces []knowledge.HandlerIface
	// HandlerTypes are user-named types whose kind is decided when a
	// package that sees them is analyzed.
	HandlerTypes []string
	Blocking     map[string]knowledge.Blocking
	Pools        map[string]knowledge.Pool
	PoolTypes    map[string]knowledge.Pool

	// Compiled are the typed matchers built from the tables above.
	Compiled Compiled
}

var (
	// funcKeyRE matches (*types.Func).FullName keys:
	// "path.F", "(path.T).M", "(*path.T).M".
	funcKeyRE = regexp.MustCompile(`^(\(\*?[^()\s*]+\.[A-Za-z_][A-Za-z0-9_]*\)\.[A-Za-z_][A-Za-z0-9_]*|[^()\s*]+\.[A-Za-z_][A-Za-z0-9_]*)$`)
	// typeKeyRE matches a type key: "error", "path.T", "*path.T".
	typeKeyRE = regexp.MustCompile(`^(error|\*?[^()\s*,]+\.[A-Za-z_][A-Za-z0-9_]*)$`)
)

// Build validates s and merges it with the built-in tables.
func Build(s Settings) (*Config, error) {
	c := &Config{
		Settings:      s,
		HandlerFuncs:  append([]knowledge.HandlerFunc(nil), knowledge.HandlerFuncs...),
		HandlerIfaces: append([]knowledge.HandlerIface(nil), knowledge.HandlerIfaces...),
		Blocking:      make(map[string]knowledge.Blocking, len(knowledge.BlockingCalls)+len(s.Blocking)),
		Pools:         make(map[string]knowledge.Pool, len(knowledge.PoolConstructors)+len(s.Pools)),
		PoolTypes:     make(map[string]knowledge.Pool, len(knowledge.PoolTypes)),
	}
	for k, v := range knowledge.BlockingCalls {
		c.Blocking[k] = v
	}
	for k, v := range knowledge.PoolConstructors {
		c.Pools[k] = v
	}
	for k, v := range knowledge.PoolTypes {
		c.PoolTypes[k] = v
	}
	var errs []error
	for _, h := range s.Handlers {
		h = strings.TrimSpace(h)
		if err := checkHandler(h); err != nil {
			errs = append(errs, err)
			continue
		}
		if strings.HasPrefix(h, "func(") {
			hf, _ := ParseSignature(h)
			hf.Framework = "configured"
			c.HandlerFuncs = append(c.HandlerFuncs, hf)
		} else {
			c.HandlerTypes = append(c.HandlerTypes, h)
		}
	}
	for _, b := range s.Blocking {
		b = strings.TrimSpace(b)
		if err := checkBlocking(b); err != nil {
			errs = append(errs, err)
			continue
		}
		c.Blocking[b] = knowledge.Blocking{Reason: "blocks without a context (configured)", Alternative: "a context-aware variant"}
	}
	for _, p := range s.Pools {
		p = strings.TrimSpace(p)
		if err := checkPool(p); err != nil {
			errs = append(errs, err)
			continue
		}
		if t, ok := strings.CutPrefix(p, "&"); ok {
			c.PoolTypes[t] = knowledge.Pool{What: "connection pool (configured)"}
		} else {
			c.Pools[p] = knowledge.Pool{What: "connection pool (configured)"}
		}
	}
	for _, g := range s.Exclude {
		if err := checkExclude(g); err != nil {
			errs = append(errs, err)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	c.Compiled = compile(c)
	return c, nil
}

func checkHandler(h string) error {
	if strings.HasPrefix(h, "func(") {
		if _, err := ParseSignature(h); err != nil {
			return fmt.Errorf("handlers: %q: %v", h, err)
		}
		return nil
	}
	if !typeKeyRE.MatchString(h) || strings.HasPrefix(h, "*") || h == "error" {
		return fmt.Errorf("handlers: %q is neither a signature like \"func(*example.com/bus.Message) error\" nor a named type like \"example.com/bus.Handler\"", h)
	}
	return nil
}

func checkBlocking(b string) error {
	if !funcKeyRE.MatchString(b) {
		return fmt.Errorf("blocking: %q is not a function key like \"example.com/queue.Wait\" or \"(*example.com/queue.Client).Pop\"", b)
	}
	return nil
}

func checkPool(p string) error {
	if t, ok := strings.CutPrefix(p, "&"); ok {
		if !typeKeyRE.MatchString(t) || strings.HasPrefix(t, "*") || t == "error" {
			return fmt.Errorf("pools: %q is not a struct type like \"&example.com/db.Pool\"", p)
		}
		return nil
	}
	if !funcKeyRE.MatchString(p) {
		return fmt.Errorf("pools: %q is not a function key like \"example.com/db.Open\" or a struct type like \"&example.com/db.Pool\"", p)
	}
	return nil
}

func checkExclude(g string) error {
	for _, elem := range strings.Split(g, "/") {
		if _, err := pathpkg.Match(elem, ""); err != nil {
			return fmt.Errorf("exclude: %q: %v", g, err)
		}
	}
	return nil
}

// ParseSignature parses "func(T1, T2) R" or "func(T1) (R1, R2)" where each
// T is a type key; "...", as the only result, means any results.
func ParseSignature(s string) (knowledge.HandlerFunc, error) {
	var hf knowledge.HandlerFunc
	rest, ok := strings.CutPrefix(strings.TrimSpace(s), "func(")
	if !ok {
		return hf, fmt.Errorf("must start with \"func(\"")
	}
	params, results, ok := strings.Cut(rest, ")")
	if !ok {
		return hf, fmt.Errorf("missing \")\" after the parameters")
	}
	var err error
	if hf.Params, err = typeList(params); err != nil {
		return hf, err
	}
	results = strings.TrimSpace(results)
	switch {
	case results == "...":
		hf.AnyResults = true
	case strings.HasPrefix(results, "("):
		inner, ok := strings.CutSuffix(results[1:], ")")
		if !ok {
			return hf, fmt.Errorf("missing \")\" after the results")
		}
		if hf.Results, err = typeList(inner); err != nil {
			return hf, err
		}
	case results != "":
		if hf.Results, err = typeList(results); err != nil {
			return hf, err
		}
	}
	if len(hf.Params) == 0 {
		return hf, fmt.Errorf("a handler signature needs at least one parameter")
	}
	return hf, nil
}

func typeList(s string) ([]string, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	var out []string
	for _, t := range strings.Split(s, ",") {
		t = strings.TrimSpace(t)
		if !typeKeyRE.MatchString(t) {
			return nil, fmt.Errorf("%q is not a type key like \"*example.com/bus.Message\", \"context.Context\" or \"error\"", t)
		}
		out = append(out, t)
	}
	return out, nil
}

// ---- the lifelintconfig pseudo-analyzer ----

// listFlag is a flag.Value that appends comma-separated entries; commas
// inside parentheses (signatures) do not split.
type listFlag struct {
	list  *[]string
	check func(string) error
}

func (f listFlag) String() string {
	if f.list == nil {
		return ""
	}
	return strings.Join(*f.list, ",")
}

func (f listFlag) Set(v string) error {
	for _, e := range SplitList(v) {
		if err := f.add(e); err != nil {
			return err
		}
	}
	return nil
}

func (f listFlag) add(e string) error {
	if e = strings.TrimSpace(e); e == "" {
		return nil
	}
	if err := f.check(e); err != nil {
		return err
	}
	*f.list = append(*f.list, e)
	return nil
}

// Name is the name of the pseudo-analyzer, and so the prefix of its flags
// (-lifelintconfig.blocking=...).
const Name = "lifelintconfig"

// NewAnalyzer returns a lifelintconfig analyzer whose Result is the
// *Config built from base plus whatever its flags add. It keeps its state
// in the returned value only, so several instances can coexist.
func NewAnalyzer(base Settings) (*analysis.Analyzer, error) {
	if _, err := Build(base); err != nil {
		return nil, err
	}
	s := base
	s.Handlers = append([]string(nil), base.Handlers...)
	s.Blocking = append([]string(nil), base.Blocking...)
	s.Pools = append([]string(nil), base.Pools...)
	var (
		once sync.Once
		cfg  *Config
		err  error
	)
	a := &analysis.Analyzer{
		Name:       Name,
		Doc:        "lifelintconfig: shared options of the lifelint passes (reports nothing)\n\nIts flags extend the knowledge tables; entries are comma-separated.",
		URL:        "https://github.com/lifelint/lifelint#configuration",
		ResultType: reflect.TypeFor[*Config](),
		Run: func(*analysis.Pass) (any, error) {
			once.Do(func() { cfg, err = Build(s) })
			return cfg, err
		},
	}
	a.Flags.Init(Name, flag.ContinueOnError)
	a.Flags.Var(listFlag{&s.Handlers, checkHandler}, "handlers", "extra handler shapes: signatures like \"func(*example.com/bus.Message) error\" or named types like example.com/bus.Handler")
	a.Flags.Var(listFlag{&s.Blocking, checkBlocking}, "blocking", "extra functions that block without a context, like (*example.com/queue.Client).Pop")
	a.Flags.Var(listFlag{&s.Pools, checkPool}, "pools", "extra pool or client constructors, like example.com/db.Open, or &example.com/db.Pool for a struct type")
	return a, nil
}

// Analyzer is the default lifelintconfig instance, configured by flags only.
var Analyzer = mustAnalyzer()

func mustAnalyzer() *analysis.Analyzer {
	a, err := NewAnalyzer(Settings{})
	if err != nil {
		panic(err) // the built-in tables are invalid: a programming error
	}
	return a
}
