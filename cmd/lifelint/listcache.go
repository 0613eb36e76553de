package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"go/parser"
	"go/token"
	"hash"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/lifelint/lifelint/internal/driver"
)

// The listing cache. Every run needs a go list -find of its patterns: the
// scope flag (scope.go) and the vet units whose output the driver checks
// (driver.Run). On a warm rerun, where go vet only replays its cache, that
// list is the one thing lifelint adds to go vet's own work (0.3 s of wall
// time and 0.5 s of CPU on the bench's full set, on a 2-core machine where
// go vet's replay keeps both cores busy). So the CLI keeps the last
// listing of each command line with a fingerprint of everything the list
// read, and reuses it without running go list while the fingerprint
// holds:
//
//   - the go command (its path, size and modification time), the GO* and
//     CGO_* environment and the go env file;
//   - go.mod, go.sum, go.work and go.work.sum in the working directory and
//     each directory above it (present or not), and $GOWORK;
//   - in the trees the listing depends on (the main modules its packages
//     came from and the directories of the patterns that are paths): the
//     names of the directories and of the .go, go.mod, go.sum and
//     modules.txt files; of each .go file, what go list -find reads of it
//     (everything up to its package clause, and whether it imports "C"),
//     read again only when its size or modification time changed; of the
//     others, size and modification time. Directories the go command
//     ignores (testdata, names starting with . or _) are skipped, and so
//     are other files (an editor's backup files change nothing). So an
//     edit of a function body keeps the listing; an edit of a build
//     constraint or a package clause, a new file or package, does not.
//
// Packages from the module cache or the standard library need no
// fingerprint of their own: their files are fixed by the versions that
// go.mod, go.sum and the go command pin. A listing is not kept when it
// depends on files outside these trees (a module replaced by a directory,
// GOPATH mode), when a pattern is a meta-pattern (all, std, cmd, tool,
// work) or a list of files, when a pattern matched no packages (a package
// added later would not be seen), or when a file or directory was modified
// in the two seconds before the list: a change made while go list ran
// could then go unseen (the go command's module index has the same rule).
// The records are JSON files under the user's cache directory
// (os.UserCacheDir()/lifelint/list).

// listRecord is a remembered listing.
type listRecord struct {
	Version     int      `json:"version"`
	Fingerprint string   `json:"fingerprint"`
	Roots       []string `json:"roots"` // the trees the fingerprint walks
	// Files are the signatures of the .go files under Roots, so that a
	// lookup reads again only the files that changed.
	Files map[string]fileSig `json:"files"`
	Flag  string             `json:"flag"`
	Units []string           `json:"units"`
}

const listRecordVersion = 1

// listCache reads and writes listing records. dir is "" when there is no
// cache directory: nothing is kept then.
type listCache struct{ dir string }

func newListCache() listCache { return listCache{dir: userCacheDir("list")} }

// lookup returns the listing remembered under key when its fingerprint
// still holds.
func (c listCache) lookup(key, wd string) (scoped, bool) {
	if c.dir == "" {
		return scoped{}, false
	}
	data, err := os.ReadFile(filepath.Join(c.dir, key+".json"))
	if err != nil {
		return scoped{}, false
	}
	var r listRecord
	if json.Unmarshal(data, &r) != nil || r.Version != listRecordVersion || r.Units == nil {
		return scoped{}, false
	}
	sum, _, ok := fingerprint(wd, r.Roots, time.Time{}, r.Files)
	if !ok || sum != r.Fingerprint {
		return scoped{}, false
	}
	return scoped{flag: r.Flag, units: r.Units, roots: r.Roots}, true
}

// store remembers the listing l of patterns, which resolved flag and
// whose go list started at start, under key, when it can be kept (see
// above). Failures are ignored: the cache is an optimisation.
func (c listCache) store(key, wd string, patterns []string, l *driver.Listing, flag string, start time.Time) {
	if c.dir == "" {
		return
	}
	roots, ok := listRoots(wd, patterns, l)
	if !ok {
		c.forget(key)
		return
	}
	sum, files, ok := fingerprint(wd, roots, start, nil)
	if !ok {
		c.forget(key)
		return
	}
	data, err := json.Marshal(listRecord{Version: listRecordVersion, Fingerprint: sum, Roots: roots, Files: files, Flag: flag, Units: l.Units})
	if err != nil {
		return
	}
	writeAtomic(c.dir, key+".json", data)
}

// forget drops the record under key, so that a listing that can no
// longer be kept is not replaced by an older one.
func (c listCache) forget(key string) {
	if c.dir != "" {
		os.Remove(filepath.Join(c.dir, key+".json"))
	}
}

// metaPatterns are the go command's patterns that name packages by
// something other than their directories.
var metaPatterns = []string{"all", "std", "cmd", "tool", "work"}

// listRoots returns the trees whose files the listing l of patterns
// depends on, and false when the listing cannot be kept.
func listRoots(wd string, patterns []string, l *driver.Listing) ([]string, bool) {
	if l == nil || !l.ModulesKnown || l.Outside || l.NoMatch || l.Units == nil {
		return nil, false
	}
	roots := slices.Clone(l.MainDirs)
	for _, p := range patterns {
		if slices.Contains(metaPatterns, p) || strings.HasSuffix(p, ".go") || strings.HasPrefix(p, "-") {
			return nil, false
		}
		if !isLocalPattern(p) {
			continue // an import path: its packages are in l's modules
		}
		base := p
		if i := strings.Index(base, "..."); i >= 0 {
			base = base[:i]
			if !strings.HasSuffix(base, "/") {
				base = filepath.Dir(base) // ./x... walks x's parent
			}
		}
		if !filepath.IsAbs(base) {
			base = filepath.Join(wd, base)
		}
		roots = append(roots, filepath.Clean(base))
	}
	slices.Sort(roots)
	roots = slices.Compact(roots)
	// A root inside another is walked with it.
	return slices.DeleteFunc(roots, func(r string) bool {
		return slices.ContainsFunc(roots, func(o string) bool { return o != r && driver.Within(r, o) })
	}), true
}

// isLocalPattern reports whether a package pattern is a file system path
// (the go command's rule: ".", "..", or starting with ./, ../ or /).
func isLocalPattern(p string) bool {
	return p == "." || p == ".." || strings.HasPrefix(p, "./") || strings.HasPrefix(p, "../") || filepath.IsAbs(p)
}

// envNotListed are GO variables that cannot change what go list finds.
var envNotListed = []string{"GOCACHE", "GOCACHEPROG", "GOTMPDIR", "GOMAXPROCS", "GOGC", "GOMEMLIMIT", "GOTRACEBACK", "GOCOVERDIR"}

// fingerprintFiles are the files a listing depends on besides .go files.
var fingerprintFiles = []string{"go.mod", "go.sum", "go.work", "go.work.sum", "modules.txt"}

// fingerprint hashes what a listing from wd over roots depends on (see
// above), with memo the .go file signatures of the last fingerprint; it
// returns the signatures it saw. With a non-zero since, it fails when a
// file or directory it looked at was modified after since less two
// seconds. It fails when a root cannot be walked.
func fingerprint(wd string, roots []string, since time.Time, memo map[string]fileSig) (string, map[string]fileSig, bool) {
	fp := newFingerprinter(since)
	if !hashSetting(fp.h, wd, fp.statPath) {
		return "", nil, false
	}
	seen := map[string]fileSig{}
	for _, root := range roots {
		fmt.Fprintf(fp.h, "root\t%s\n", root)
		if !walkFingerprint(fp.h, root, memo, seen, fp.check) {
			return "", nil, false
		}
	}
	if fp.recent {
		return "", nil, false
	}
	return hex.EncodeToString(fp.h.Sum(nil)), seen, true
}

// fingerprinter is the state of a fingerprint: the hash, and whether a
// file or directory it looked at was modified after since less two
// seconds (never, with a zero since).
type fingerprinter struct {
	h      hash.Hash
	limit  time.Time
	recent bool
}

func newFingerprinter(since time.Time) *fingerprinter {
	fp := &fingerprinter{h: sha256.New()}
	if !since.IsZero() {
		fp.limit = since.Add(-2 * time.Second)
	}
	return fp
}

// check notes whether fi was modified too recently.
func (fp *fingerprinter) check(fi fs.FileInfo) {
	if !fp.limit.IsZero() && !fi.ModTime().Before(fp.limit) {
		fp.recent = true
	}
}

// statPath feeds name's type, size and modification time to the hash, or
// that it does not exist.
func (fp *fingerprinter) statPath(name string) {
	fi, err := os.Stat(name)
	if err != nil {
		fmt.Fprintf(fp.h, "%s\tnone\n", name)
		return
	}
	fp.check(fi)
	fmt.Fprintf(fp.h, "%s\t%v\t%d\t%d\n", name, fi.Mode().Type(), fi.Size(), fi.ModTime().UnixNano())
}

// hashSetting feeds to h what every run from wd depends on besides the
// package trees: the go command (its path, size and modification time),
// the GO* and CGO_* environment, the go env file, $GOWORK and the module
// files in wd and each directory above it, each stated by statPath. It
// reports false when a run cannot be fingerprinted: no go command, or a
// -modfile or -overlay flag naming a file outside the fingerprint.
func hashSetting(h hash.Hash, wd string, statPath func(string)) bool {
	goCmd, err := exec.LookPath("go")
	if err != nil {
		return false
	}
	if goCmd, err = filepath.Abs(goCmd); err != nil {
		return false
	}
	fi, err := os.Stat(goCmd)
	if err != nil {
		return false
	}
	fmt.Fprintf(h, "go\t%s\t%d\t%d\n", goCmd, fi.Size(), fi.ModTime().UnixNano())
	env := slices.DeleteFunc(os.Environ(), func(kv string) bool {
		name, _, _ := strings.Cut(kv, "=")
		return !strings.HasPrefix(name, "GO") && !strings.HasPrefix(name, "CGO_") || slices.Contains(envNotListed, name)
	})
	slices.Sort(env)
	for _, kv := range env {
		fmt.Fprintf(h, "env\t%s\n", kv)
	}
	// -modfile and -overlay name files outside the fingerprint.
	if outsideFlag(os.Getenv("GOFLAGS")) {
		return false
	}
	if goenv := goEnvFile(); goenv != "" {
		data, _ := os.ReadFile(goenv)
		if outsideFlag(string(data)) {
			return false
		}
		fmt.Fprintf(h, "goenv\t%x\n", sha256.Sum256(data))
	}
	if w := os.Getenv("GOWORK"); w != "" && w != "off" {
		statPath(w)
	}
	for d := wd; ; d = filepath.Dir(d) {
		for _, name := range fingerprintFiles[:4] {
			statPath(filepath.Join(d, name))
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	return true
}

// outsideFlag reports whether go flags s name a file the fingerprint does
// not cover (-modfile, -overlay).
func outsideFlag(s string) bool {
	return strings.Contains(s, "-modfile") || strings.Contains(s, "-overlay")
}

// fileSig is what the fingerprint knows of a .go file: its size and
// modification time, and a hash of what go list -find reads of it (head).
type fileSig struct {
	Mod  int64  `json:"mod"`
	Size int64  `json:"size"`
	Head string `json:"head"`
}

// walkFingerprint feeds to h the directories under root and the .go and
// module files in them, in lexical order: a directory by its path, a .go
// file by the hash of its head (fileHead), a module file by its size and
// modification time. A .go file whose size and modification time are
// those in memo is not read again; seen collects the signatures. check
// sees every directory and file, for the two-second rule. It reports
// false when root cannot be read.
func walkFingerprint(h hash.Hash, root string, memo, seen map[string]fileSig, check func(fs.FileInfo)) bool {
	ok := true
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			ok = false
			return filepath.SkipAll
		}
		name := d.Name()
		isGo := strings.HasSuffix(name, ".go") && !d.IsDir()
		switch {
		case d.IsDir():
			if path != root && (name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
		case !isGo && !slices.Contains(fingerprintFiles, name):
			return nil
		}
		fi, err := d.Info()
		if err != nil {
			ok = false
			return filepath.SkipAll
		}
		check(fi)
		switch {
		case d.IsDir():
			fmt.Fprintf(h, "dir\t%s\n", path)
		case isGo && fi.Mode().IsRegular():
			sig := fileSig{Mod: fi.ModTime().UnixNano(), Size: fi.Size()}
			if m, hit := memo[path]; hit && m.Mod == sig.Mod && m.Size == sig.Size {
				sig.Head = m.Head
			} else if sig.Head, err = fileHead(path); err != nil {
				ok = false
				return filepath.SkipAll
			}
			seen[path] = sig
			fmt.Fprintf(h, "go\t%s\t%s\n", path, sig.Head)
		default:
			fmt.Fprintf(h, "file\t%s\t%v\t%d\t%d\n", path, fi.Mode().Type(), fi.Size(), fi.ModTime().UnixNano())
		}
		return nil
	})
	return ok && err == nil
}

// fileHead hashes what go list -find reads of a .go file: everything up
// to the end of its package clause (build constraints, the package name)
// and whether it imports "C" (with cgo off, such a file is ignored). An
// edit below the imports leaves it unchanged. A file whose head does not
// parse is hashed whole.
func fileHead(path string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	head := data
	cgo := false
	if f, err := parser.ParseFile(token.NewFileSet(), path, data, parser.ImportsOnly|parser.ParseComments); err == nil {
		if end := int(f.Name.End()) - 1; end >= 0 && end <= len(data) {
			head = data[:end]
		}
		for _, imp := range f.Imports {
			cgo = cgo || imp.Path.Value == `"C"`
		}
	}
	sum := sha256.Sum256(head)
	return fmt.Sprintf("%x:%t", sum[:16], cgo), nil
}

// goEnvFile returns the go command's environment file (go env GOENV)
// without running it: $GOENV, or go/env in the user's configuration
// directory.
func goEnvFile() string {
	if e, ok := os.LookupEnv("GOENV"); ok {
		if e == "off" {
			return ""
		}
		return e
	}
	d, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "go", "env")
}
