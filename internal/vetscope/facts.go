package vetscope

import (
	"bytes"
	"encoding/binary"
	"encoding/gob"
	"fmt"
	"go/types"
	"os"
	"reflect"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/objectpath"
)

// Facts-only vetx files.
//
// unitchecker (x/tools v0.52) writes into a package's vetx file the deep
// export data of its types, every type it reaches through its
// dependencies included, then the facts. cmd/go hashes the vetx file of
// every dependency in every go vet run, a warm rerun with nothing to do
// included, and copies each into its cache: on a module of a thousand
// packages the types come to hundreds of megabytes, a hundred times the
// facts. go vet's own vetx files hold only facts, because its importers
// type-check against the compiler's export data.
//
// lifelint's vet tool does the same. Prepare gives unitchecker a config
// without VetxOutput, so that it writes no vetx file, and a FactWriter
// writes one with no types, the facts in unitchecker's encoding and the
// trailer slimMarker. An importer's Prepare gives unitchecker the types
// of such an import from the compiler's export data (as for a skipped
// dependency) with the facts copied from the file.

// slimMarker is the trailer of a facts-only vetx file.
const slimMarker = "lifelint: facts only, types from export data\n"

// encodedFact is one fact in unitchecker's vetx encoding: a gob-encoded
// slice of these, sorted by package path, object path and fact type. gob
// matches struct fields by name, so this is the decoder's type.
type encodedFact struct {
	PkgPath string          // path of the object's package
	Object  objectpath.Path // "" for a package fact
	Fact    analysis.Fact
}

// FactWriter writes a facts-only vetx file: after the Run of each
// analyzer that has facts, all the facts known so far. The last write,
// after the last such analyzer, holds them all.
type FactWriter struct {
	name string

	mu    sync.Mutex
	enc   objectpath.Encoder
	facts map[*analysis.Analyzer][]encodedFact
}

// Wrap wraps in place the Run of each analyzer in as, and of their
// requirements, that has fact types, so that w writes their facts when
// the Run returns. It must be called once, before the analyzers run.
func (w *FactWriter) Wrap(as []*analysis.Analyzer) {
	WrapRuns(as, func(a *analysis.Analyzer, run RunFunc) RunFunc {
		if len(a.FactTypes) == 0 {
			return run
		}
		return func(pass *analysis.Pass) (any, error) {
			res, err := run(pass)
			if err == nil {
				if werr := w.add(pass); werr != nil {
					return nil, werr
				}
			}
			return res, err
		}
	})
}

// RunFunc is the type of analysis.Analyzer's Run.
type RunFunc = func(*analysis.Pass) (any, error)

// WrapRuns replaces in place the Run of each analyzer in as and of their
// requirements, each once, with what wrap returns for it.
func WrapRuns(as []*analysis.Analyzer, wrap func(a *analysis.Analyzer, run RunFunc) RunFunc) {
	seen := map[*analysis.Analyzer]bool{}
	var walk func(a *analysis.Analyzer)
	walk = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, r := range a.Requires {
			walk(r)
		}
		if a.Run != nil {
			a.Run = wrap(a, a.Run)
		}
	}
	for _, a := range as {
		walk(a)
	}
}

// add records the facts of pass's analyzer and rewrites the file. Like
// unitchecker it keeps the facts about the package's own objects and
// package, and those about imported methods, fields and types (an
// importer may reach them through this package without importing theirs);
// it drops facts about other packages and their package-level functions
// and variables, and facts whose object has no path from its package.
func (w *FactWriter) add(pass *analysis.Pass) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	var out []encodedFact
	for _, f := range pass.AllObjectFacts() {
		obj := f.Object
		if obj == nil || obj.Pkg() == nil {
			continue
		}
		if obj.Pkg() != pass.Pkg {
			if _, isType := obj.(*types.TypeName); !isType && obj.Parent() == obj.Pkg().Scope() {
				continue
			}
		}
		path, err := w.enc.For(obj)
		if err != nil {
			continue
		}
		out = append(out, encodedFact{PkgPath: obj.Pkg().Path(), Object: path, Fact: f.Fact})
	}
	for _, f := range pass.AllPackageFacts() {
		if f.Package == pass.Pkg {
			out = append(out, encodedFact{PkgPath: f.Package.Path(), Fact: f.Fact})
		}
	}
	if w.facts == nil {
		w.facts = map[*analysis.Analyzer][]encodedFact{}
	}
	w.facts[pass.Analyzer] = out
	return w.write()
}

// write writes the file with the facts recorded so far.
func (w *FactWriter) write() error {
	var all []encodedFact
	for _, fs := range w.facts {
		all = append(all, fs...)
	}
	slices.SortFunc(all, func(x, y encodedFact) int {
		if c := strings.Compare(x.PkgPath, y.PkgPath); c != 0 {
			return c
		}
		if c := strings.Compare(string(x.Object), string(y.Object)); c != 0 {
			return c
		}
		return strings.Compare(reflect.TypeOf(x.Fact).String(), reflect.TypeOf(y.Fact).String())
	})
	var facts bytes.Buffer
	if len(all) > 0 {
		if err := gob.NewEncoder(&facts).Encode(all); err != nil {
			return fmt.Errorf("encoding the facts: %v", err)
		}
	}
	return writeSlim(w.name, facts.Bytes())
}

// writeSlim writes a facts-only vetx file.
func writeSlim(name string, facts []byte) error {
	var buf bytes.Buffer
	buf.WriteString(vetxMagic)
	var lens [8]byte
	binary.LittleEndian.PutUint32(lens[4:8], uint32(len(facts)))
	buf.Write(lens[:])
	buf.Write(facts)
	buf.WriteString(slimMarker)
	return os.WriteFile(name, buf.Bytes(), 0o666)
}
