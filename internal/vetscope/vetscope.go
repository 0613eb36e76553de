// Package vetscope is the vet tool's fast path for dependencies.
//
// go vet -vettool runs the tool on every dependency of the packages it
// vets, the standard library and third-party modules included, with
// VetxOnly set: only for the facts that the importers read. lifelint
// trusts a summary from outside the module under analysis only when it is
// unconditional (the knowledge tables decide for libraries, see
// analyzers/internal/callgraph/trust.go), and those few are not worth
// analysing every dependency for: for a dependency outside the modules
// under analysis it writes a vetx file with no types and no facts, a skip
// marker, without parsing, type checking or analysing anything (the
// command's -facts-from brings such modules back into the scope).
//
// The vetx file of x/tools' unitchecker also carries the types that the
// importers type-check against. A package that is analysed and imports a
// skipped one gets them from the compiler's export data of that import
// instead (the vet config's PackageFile, which go vet builds for every
// dependency): Prepare converts it into a vetx file of its own, in the
// format unitchecker reads, and rewrites the config to point at it. The
// analysed packages' own vetx files carry no types either, only facts
// (see FactWriter in facts.go): their importers get the types the same
// way.
//
// Which modules are under analysis comes from the vet tool's flag
// -lifelint.scope (cmd/go puts the vet tool's flags in its cache key, so
// results under different scopes do not mix). Without the flag only the
// standard library is skipped.
package vetscope

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"go/token"
	"go/types"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/tools/go/gcexportdata"
)

// FlagName is the vet tool flag that names the modules under analysis.
const FlagName = "lifelint.scope"

// Std is the scope entry that puts the standard library under analysis
// (the CLI adds it when a pattern names a standard package).
const Std = "std"

// All is the scope entry that puts every dependency under analysis: no
// package is skipped, as before the fast path.
const All = "all"

// FlagUsage documents FlagName.
const FlagUsage = "comma-separated module `paths` under analysis (\"" + Std + "\" for the standard library, \"" + All + "\" for every dependency); " +
	"dependencies outside them are not analysed for facts (set by the lifelint command)"

// Scope is the set of modules under analysis.
type Scope struct {
	// Known is set when the flag was given: modules outside Modules are
	// then out of scope. Otherwise only the standard library is.
	Known   bool
	Std     bool
	All     bool
	Modules []string // sorted
}

// ParseScope parses the value of the flag.
func ParseScope(v string) Scope {
	s := Scope{Known: true}
	for m := range strings.SplitSeq(v, ",") {
		switch m = strings.TrimSpace(m); m {
		case "":
		case Std:
			s.Std = true
		case All:
			s.All = true
		default:
			s.Modules = append(s.Modules, m)
		}
	}
	slices.Sort(s.Modules)
	s.Modules = slices.Compact(s.Modules)
	return s
}

// String is the flag value of s, canonical: equal scopes give equal
// values, so equal go vet cache keys.
func (s Scope) String() string {
	list := slices.Clone(s.Modules)
	if s.Std {
		list = append([]string{Std}, list...)
	}
	if s.All {
		return All
	}
	return strings.Join(list, ",")
}

// ScopeFromArgs finds -lifelint.scope in the vet tool's arguments (the
// flags before the .cfg file, as go vet passes them).
func ScopeFromArgs(args []string) Scope {
	var s Scope
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" || !strings.HasPrefix(a, "-") {
			break
		}
		name, val, hasVal := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if name != FlagName {
			continue
		}
		if !hasVal {
			if i+1 >= len(args) {
				break
			}
			i++
			val = args[i]
		}
		s = ParseScope(val)
	}
	return s
}

// Config is the part of go vet's vet config (the .cfg file) that the fast
// path reads.
type Config struct {
	ID          string
	Dir         string
	ImportPath  string
	ModulePath  string
	Module      *struct{ Path string }
	GoFiles     []string
	PackageFile map[string]string
	PackageVetx map[string]string
	VetxOnly    bool
	VetxOutput  string
	Stdout      string
	FixArchive  string
}

// ReadConfig reads a vet config file.
func ReadConfig(name string) (*Config, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	cfg := new(Config)
	if err := json.Unmarshal(data, cfg); err != nil {
		return nil, fmt.Errorf("cannot decode JSON config file %s: %v", name, err)
	}
	return cfg, nil
}

// module returns the path of the package's module, or "".
func (c *Config) module() string {
	if c.Module != nil && c.Module.Path != "" {
		return c.Module.Path
	}
	return c.ModulePath
}

// standard reports whether the package is in the standard library: it has
// no module and lies under $GOROOT/src (cmd/go sets GOROOT for the tools it
// runs). A GOPATH package has no module either, but lies elsewhere.
func (c *Config) standard() bool {
	if c.module() != "" || c.Dir == "" {
		return false
	}
	goroot := os.Getenv("GOROOT")
	if goroot == "" {
		return false
	}
	src := filepath.Join(goroot, "src") + string(filepath.Separator)
	return strings.HasPrefix(filepath.Clean(c.Dir)+string(filepath.Separator), src)
}

// Skip reports whether the package needs no analysis under scope s: go vet
// asks only for its facts (VetxOnly, no fixes) and it lies outside the
// modules under analysis. A package whose module is unknown (GOPATH mode,
// a module error) is always analysed.
func (c *Config) Skip(s Scope) bool {
	if s.All || !c.VetxOnly || c.FixArchive != "" || c.VetxOutput == "" {
		return false
	}
	if c.standard() {
		return !s.Std
	}
	m := c.module()
	if !s.Known || m == "" {
		return false
	}
	_, found := slices.BinarySearch(s.Modules, m)
	return !found
}

// The vetx file of unitchecker: "vetx", the lengths of the types and the
// facts sections (little-endian uint32), then the sections. A skip marker
// has both empty and this trailer, which unitchecker ignores.
const (
	vetxMagic  = "vetx"
	skipMarker = "lifelint: skipped, no types and no facts\n"
)

// WriteSkipped writes the skip marker as the package's vetx output, and
// the empty stdout go vet expects.
func (c *Config) WriteSkipped() error {
	var buf bytes.Buffer
	buf.WriteString(vetxMagic)
	buf.Write(make([]byte, 8))
	buf.WriteString(skipMarker)
	if err := os.WriteFile(c.VetxOutput, buf.Bytes(), 0o666); err != nil {
		return err
	}
	if c.Stdout != "" {
		if err := os.WriteFile(c.Stdout, nil, 0o666); err != nil {
			return err
		}
	}
	return nil
}

// vetxKind is what a dependency's vetx file holds.
type vetxKind int

const (
	fullVetx    vetxKind = iota // unitchecker's: types and facts
	skippedVetx                 // a skip marker: neither
	slimVetx                    // facts only (FactWriter)
)

// readVetx reports what the vetx file holds and, for a facts-only file,
// returns the facts. It reads only the header of a file with types.
func readVetx(name string) (vetxKind, []byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return fullVetx, nil, err
	}
	defer f.Close()
	var head [12]byte
	if _, err := io.ReadFull(f, head[:]); err != nil || string(head[:4]) != vetxMagic ||
		binary.LittleEndian.Uint32(head[4:8]) != 0 {
		return fullVetx, nil, nil // unitchecker reports a malformed file
	}
	n := binary.LittleEndian.Uint32(head[8:12])
	rest, err := io.ReadAll(io.LimitReader(f, int64(n)+int64(len(slimMarker))+1))
	if err != nil {
		return fullVetx, nil, err
	}
	switch {
	case n == 0 && string(rest) == skipMarker:
		return skippedVetx, nil, nil
	case uint64(len(rest)) == uint64(n)+uint64(len(slimMarker)) && string(rest[n:]) == slimMarker:
		return slimVetx, rest[:n], nil
	}
	return fullVetx, nil, nil
}

// isSkipped reports whether the vetx file is a skip marker.
func isSkipped(name string) (bool, error) {
	k, _, err := readVetx(name)
	return k == skippedVetx, err
}

// Prepare makes the vet config at cfgFile ready for unitchecker. The
// imports whose vetx files have no types (skip markers and facts-only
// files) get vetx files with their types from the compiler's export data
// and their facts, if any, copied. The package's own vetx file is the
// returned FactWriter's to write (nil when go vet asks for none): the
// copy of the config that Prepare writes and returns the name of has no
// VetxOutput, so that unitchecker writes none, and Prepare writes a
// facts-only file with no facts, so that the file exists even when no
// analyzer with facts runs. The converted files go in the package's
// object directory, or in go vet's work directory above it where the
// packages of one go vet run share them; cmd/go removes both.
func Prepare(cfgFile string, cfg *Config) (string, *FactWriter, error) {
	type typeless struct {
		path  string
		facts []byte
	}
	var imports []typeless
	for path, vetx := range cfg.PackageVetx {
		kind, facts, err := readVetx(vetx)
		if err != nil {
			return "", nil, err
		}
		if kind != fullVetx {
			imports = append(imports, typeless{path, facts})
		}
	}
	if len(imports) == 0 && cfg.VetxOutput == "" {
		return cfgFile, nil, nil
	}
	slices.SortFunc(imports, func(x, y typeless) int { return strings.Compare(x.path, y.path) })
	objdir := filepath.Dir(cfgFile)
	dir := objdir
	if goObjdir.MatchString(filepath.Base(objdir)) {
		shared := filepath.Join(filepath.Dir(objdir), "lifelint-types")
		if err := os.Mkdir(shared, 0o777); err == nil || errors.Is(err, os.ErrExist) {
			dir = shared
		}
	}
	conv := converter{fset: token.NewFileSet(), imports: map[string]*types.Package{}}
	vetx := map[string]string{}
	for _, imp := range imports {
		archive := cfg.PackageFile[imp.path]
		if archive == "" {
			return "", nil, fmt.Errorf("no export data for %q, whose vetx file has no types", imp.path)
		}
		sum := sha256.Sum256([]byte(imp.path + "\x00" + archive + "\x00" + cfg.PackageVetx[imp.path]))
		name := filepath.Join(dir, hex.EncodeToString(sum[:12])+".vetx")
		if _, err := os.Stat(name); err != nil {
			if err := conv.write(name, imp.path, archive, imp.facts); err != nil {
				return "", nil, fmt.Errorf("types of %q from %s: %v", imp.path, archive, err)
			}
		}
		vetx[imp.path] = name
	}

	// Rewrite PackageVetx and VetxOutput only, keeping every other field
	// as it is.
	data, err := os.ReadFile(cfgFile)
	if err != nil {
		return "", nil, err
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return "", nil, err
	}
	pv := map[string]string{}
	for path, name := range cfg.PackageVetx {
		pv[path] = name
	}
	for path, name := range vetx {
		pv[path] = name
	}
	if raw["PackageVetx"], err = json.Marshal(pv); err != nil {
		return "", nil, err
	}
	var w *FactWriter
	if cfg.VetxOutput != "" {
		w = &FactWriter{name: cfg.VetxOutput}
		if err := writeSlim(w.name, nil); err != nil {
			return "", nil, err
		}
		raw["VetxOutput"] = json.RawMessage(`""`)
	}
	if data, err = json.Marshal(raw); err != nil {
		return "", nil, err
	}
	out := filepath.Join(objdir, "lifelint-vet.cfg")
	if err := os.WriteFile(out, data, 0o666); err != nil {
		return "", nil, err
	}
	return out, w, nil
}

// goObjdir matches the name of cmd/go's object directories ($WORK/b001).
var goObjdir = regexp.MustCompile(`^b[0-9]+$`)

// converter turns compiler export data into unitchecker's vetx format.
type converter struct {
	fset    *token.FileSet
	imports map[string]*types.Package
}

// write writes the vetx file name with the types of package path, read
// from the export data in archive, and the encoded facts. It writes a temporary
// file and renames it, so that concurrent vet processes that convert the
// same package never read a partial file.
func (c *converter) write(name, path, archive string, facts []byte) error {
	f, err := os.Open(archive)
	if err != nil {
		return err
	}
	defer f.Close()
	r, err := gcexportdata.NewReader(bufio.NewReader(f))
	if err != nil {
		return err
	}
	pkg, err := gcexportdata.Read(r, c.fset, c.imports, path)
	if err != nil {
		return err
	}
	var typ bytes.Buffer
	if err := gcexportdata.Write(&typ, c.fset, pkg); err != nil {
		return err
	}
	// gcexportdata.Write prefixes the indexed format with 'i';
	// unitchecker's vetx holds the indexed data itself.
	data := typ.Bytes()
	if len(data) == 0 || data[0] != 'i' {
		return fmt.Errorf("unexpected export data format")
	}
	data = data[1:]
	var buf bytes.Buffer
	buf.WriteString(vetxMagic)
	var lens [8]byte
	binary.LittleEndian.PutUint32(lens[0:4], uint32(len(data)))
	binary.LittleEndian.PutUint32(lens[4:8], uint32(len(facts)))
	buf.Write(lens[:])
	buf.Write(data)
	buf.Write(facts)
	tmp, err := os.CreateTemp(filepath.Dir(name), ".tmp-*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(buf.Bytes()); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), name)
}
