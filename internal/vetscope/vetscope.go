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
// format unitchecker reads, and rewrites the config to point at it.
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

// WriteSkipped writes the skip marker as the package's vetx output. It
// writes no stdout file: see Prepare.
func (c *Config) WriteSkipped() error {
	var buf bytes.Buffer
	buf.WriteString(vetxMagic)
	buf.Write(make([]byte, 8))
	buf.WriteString(skipMarker)
	return os.WriteFile(c.VetxOutput, buf.Bytes(), 0o666)
}

// isSkipped reports whether the vetx file is a skip marker.
func isSkipped(name string) (bool, error) {
	f, err := os.Open(name)
	if err != nil {
		return false, err
	}
	defer f.Close()
	head := make([]byte, 12+len(skipMarker)+1)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return false, nil
	}
	head = head[:n]
	return n == 12+len(skipMarker) && string(head[:4]) == vetxMagic &&
		binary.LittleEndian.Uint64(head[4:12]) == 0 && string(head[12:]) == skipMarker, nil
}

// Prepare makes the vet config at cfgFile ready for unitchecker, and
// returns the name of the config to run it on: cfgFile itself, or a copy
// with these changes.
//
// When some imports have skip markers as their vetx files, it writes a
// vetx file with the types of each (from the compiler's export data, with
// no facts), and the copy points at them. The files go in the package's
// object directory, or in go vet's work directory above it where the
// packages of one go vet run share them; cmd/go removes both.
//
// When go vet asks only for facts (VetxOnly), the copy names no stdout
// file. unitchecker prints nothing then, but it creates the file it is
// given, and cmd/go caches a file it finds and replays it on every rerun,
// for every dependency: a cache lookup, an open and, under go vet -json
// (the lifelint command's), a copy to stdout with a 32 KiB buffer of its
// own, all for no output. Without the file cmd/go caches no stdout and
// replays none. Whether a package vetted for itself has its output is the
// driver's check: a package first vetted as a dependency replays no output
// either way, since cmd/go's key does not tell the two apart, and
// internal/driver.Run analyses it again.
func Prepare(cfgFile string, cfg *Config) (string, error) {
	var skipped []string
	for path, vetx := range cfg.PackageVetx {
		ok, err := isSkipped(vetx)
		if err != nil {
			return "", err
		}
		if ok {
			skipped = append(skipped, path)
		}
	}
	dropStdout := cfg.VetxOnly && cfg.Stdout != ""
	if len(skipped) == 0 && !dropStdout {
		return cfgFile, nil
	}
	slices.Sort(skipped)
	objdir := filepath.Dir(cfgFile)
	dir := objdir
	if len(skipped) > 0 && goObjdir.MatchString(filepath.Base(objdir)) {
		shared := filepath.Join(filepath.Dir(objdir), "lifelint-types")
		if err := os.Mkdir(shared, 0o777); err == nil || errors.Is(err, os.ErrExist) {
			dir = shared
		}
	}
	conv := converter{fset: token.NewFileSet(), imports: map[string]*types.Package{}}
	vetx := map[string]string{}
	for _, path := range skipped {
		archive := cfg.PackageFile[path]
		if archive == "" {
			return "", fmt.Errorf("no export data for %q, whose facts were skipped", path)
		}
		sum := sha256.Sum256([]byte(path + "\x00" + archive))
		name := filepath.Join(dir, hex.EncodeToString(sum[:12])+".vetx")
		if _, err := os.Stat(name); err != nil {
			if err := conv.write(name, path, archive); err != nil {
				return "", fmt.Errorf("types of %q from %s: %v", path, archive, err)
			}
		}
		vetx[path] = name
	}

	// Rewrite PackageVetx and Stdout only, keeping every other field as
	// it is.
	data, err := os.ReadFile(cfgFile)
	if err != nil {
		return "", err
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return "", err
	}
	if len(vetx) > 0 {
		pv := map[string]string{}
		for path, name := range cfg.PackageVetx {
			pv[path] = name
		}
		for path, name := range vetx {
			pv[path] = name
		}
		if raw["PackageVetx"], err = json.Marshal(pv); err != nil {
			return "", err
		}
	}
	if dropStdout {
		delete(raw, "Stdout")
	}
	if data, err = json.Marshal(raw); err != nil {
		return "", err
	}
	out := filepath.Join(objdir, "lifelint-vet.cfg")
	if err := os.WriteFile(out, data, 0o666); err != nil {
		return "", err
	}
	return out, nil
}

// goObjdir matches the name of cmd/go's object directories ($WORK/b001).
var goObjdir = regexp.MustCompile(`^b[0-9]+$`)

// converter turns compiler export data into unitchecker's vetx format.
type converter struct {
	fset    *token.FileSet
	imports map[string]*types.Package
}

// write writes the vetx file name with the types of package path, read
// from the export data in archive, and no facts. It writes a temporary
// file and renames it, so that concurrent vet processes that convert the
// same package never read a partial file.
func (c *converter) write(name, path, archive string) error {
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
	buf.Write(lens[:])
	buf.Write(data)
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
