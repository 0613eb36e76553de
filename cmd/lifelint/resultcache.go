package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/lifelint/lifelint/internal/configfile"
	"github.com/lifelint/lifelint/internal/driver"
)

// The result cache. A rerun over trees in which nothing changed gets go
// vet's results from go vet's cache, but go vet must still hash every
// source file of every package and dependency and look up every action to
// know that nothing changed: on the bench's full set that is 5 to 7 s of
// both cores. The CLI keeps the last result of each command line with a
// fingerprint of everything the result depends on, and returns it without
// running go vet while the fingerprint holds:
//
//   - the command line: the patterns, the directory, the build tags, the
//     passes, the vet tool flags (with the configuration file's settings),
//     -test and -facts-from; and the configuration file's path and
//     content, for its exclusions;
//   - the lifelint executable (its path, size and modification time);
//   - what the listing cache fingerprints besides the trees (listcache.go):
//     the go command, the GO* and CGO_* environment, the go env file,
//     $GOWORK, and go.mod, go.sum, go.work and go.work.sum in the working
//     directory and above; and the C toolchain's environment (CC, CXX,
//     PKG_CONFIG, ...), which cgo output depends on;
//   - in the trees the listing depends on (the main modules and the
//     directories of the path patterns): every directory and every file,
//     by size and modification time (testdata and _ directories included:
//     an import path may name them; directories whose names start with a
//     dot are skipped, as no import path can). A symbolic link counts by
//     its target; a link to a directory makes the result not kept.
//
// As for the listing, the module cache and the standard library are pinned
// by go.mod, go.sum and the go command. A result is kept only when the
// listing could be (listRoots), when go vet succeeded with no analysis
// error, and when nothing in the fingerprint was modified in the two
// seconds before the run or during it. LIFELINT_TRACE (which records the
// vet tool's work) and -cache=false always run go vet. The records are
// JSON files under os.UserCacheDir()/lifelint/results.

// resultRecord is a remembered result.
type resultRecord struct {
	Version     int            `json:"version"`
	Fingerprint string         `json:"fingerprint"`
	Roots       []string       `json:"roots"`
	Result      *driver.Result `json:"result"`
}

const resultRecordVersion = 1

// resultCache reads and writes result records. dir is "" when results are
// not kept.
type resultCache struct{ dir string }

// newResultCache returns the result cache, off when use is false or
// LIFELINT_TRACE is set.
func newResultCache(use bool) resultCache {
	if !use || os.Getenv(traceEnv) != "" {
		return resultCache{}
	}
	return resultCache{dir: userCacheDir("results")}
}

// resultKey names the result of a run: listKey (the listing's key: the
// directory, tags, -facts-from, patterns and the go flags' environment),
// the lifelint executable tool, the configuration file cfgPath ("" to look
// for one from wd, "none" for none) and the driver options that change
// what go vet reports.
func resultKey(listKey, tool, cfgPath, wd string, o *driver.Options) string {
	h := sha256.New()
	field := func(s string) {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	field(listKey)
	if fi, err := os.Stat(tool); err == nil {
		field(fmt.Sprintf("%s\t%d\t%d", tool, fi.Size(), fi.ModTime().UnixNano()))
	} else {
		field(tool)
	}
	field(configID(wd, cfgPath))
	field(fmt.Sprintf("%t\t%s", o.NoTests, o.Tags))
	field(strings.Join(o.Known, ","))
	field(strings.Join(o.Enabled, ","))
	for _, f := range o.VetFlags {
		field(f)
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// configID identifies the configuration file a run from wd reads (the
// same search as resolveConfig): its path and a hash of its content.
func configID(wd, cfgPath string) string {
	if cfgPath == "" {
		var err error
		if cfgPath, err = configfile.Find(wd); err != nil {
			return "error"
		}
	}
	if cfgPath == "" || cfgPath == "none" {
		return "none"
	}
	data, err := os.ReadFile(cfgPath)
	if err != nil {
		return "unreadable\t" + cfgPath
	}
	return fmt.Sprintf("%s\t%x", cfgPath, sha256.Sum256(data))
}

// lookup returns the result remembered under key when its fingerprint
// still holds.
func (c resultCache) lookup(key, wd string) (*driver.Result, bool) {
	if c.dir == "" {
		return nil, false
	}
	data, err := os.ReadFile(filepath.Join(c.dir, key+".json"))
	if err != nil {
		return nil, false
	}
	var r resultRecord
	if json.Unmarshal(data, &r) != nil || r.Version != resultRecordVersion || r.Result == nil || len(r.Roots) == 0 {
		return nil, false
	}
	sum, ok := resultFingerprint(wd, r.Roots, time.Time{})
	if !ok || sum != r.Fingerprint {
		return nil, false
	}
	return r.Result, true
}

// store remembers res, the result of a run over the trees roots that
// started at start, under key when it can be kept (see above); it drops
// the record under key otherwise. Failures are ignored: the cache is an
// optimisation.
func (c resultCache) store(key, wd string, roots []string, res *driver.Result, start time.Time) {
	if c.dir == "" {
		return
	}
	if len(roots) == 0 || res == nil || res.VetFailed || len(res.Errors) > 0 {
		c.forget(key)
		return
	}
	sum, ok := resultFingerprint(wd, roots, start)
	if !ok {
		c.forget(key)
		return
	}
	data, err := json.Marshal(resultRecord{Version: resultRecordVersion, Fingerprint: sum, Roots: roots, Result: res})
	if err != nil {
		return
	}
	writeAtomic(c.dir, key+".json", data)
}

// forget drops the record under key.
func (c resultCache) forget(key string) {
	if c.dir != "" {
		os.Remove(filepath.Join(c.dir, key+".json"))
	}
}

// resultEnv are the variables outside GO* and CGO_* that a build, and so
// a vet result, depends on: cgo's C toolchain.
var resultEnv = []string{"AR", "CC", "CXX", "FC", "GCCGO", "PKG_CONFIG"}

// resultFingerprint hashes what a result from wd over the trees roots
// depends on besides the command line (see above). With a non-zero since,
// it fails when something it looked at was modified after since less two
// seconds. It fails when a root cannot be walked or holds a link to a
// directory.
func resultFingerprint(wd string, roots []string, since time.Time) (string, bool) {
	fp := newFingerprinter(since)
	if !hashSetting(fp.h, wd, fp.statPath) {
		return "", false
	}
	for _, name := range resultEnv {
		if v, ok := os.LookupEnv(name); ok {
			fmt.Fprintf(fp.h, "env\t%s=%s\n", name, v)
		}
	}
	for _, root := range slices.Sorted(slices.Values(roots)) {
		fmt.Fprintf(fp.h, "root\t%s\n", root)
		if !walkAll(fp.h, root, fp.check) {
			return "", false
		}
	}
	if fp.recent {
		return "", false
	}
	return hex.EncodeToString(fp.h.Sum(nil)), true
}

// walkAll feeds to h every directory and file under root in lexical
// order, a file by its size and modification time (a symbolic link by
// its target's), skipping the directories whose names start with a dot.
// check sees each of them. It reports false when root cannot be read or
// holds a link to a directory.
func walkAll(h hash.Hash, root string, check func(fs.FileInfo)) bool {
	ok := true
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			ok = false
			return filepath.SkipAll
		}
		if d.IsDir() && path != root && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		var fi fs.FileInfo
		if d.Type()&fs.ModeSymlink != 0 {
			fi, err = os.Stat(path)
			if err == nil && fi.IsDir() {
				ok = false
				return filepath.SkipAll
			}
		} else {
			fi, err = d.Info()
		}
		if err != nil {
			if d.Type()&fs.ModeSymlink != 0 {
				fmt.Fprintf(h, "link\t%s\tdangling\n", path) // a dangling link
				return nil
			}
			ok = false
			return filepath.SkipAll
		}
		check(fi)
		if fi.IsDir() {
			fmt.Fprintf(h, "dir\t%s\n", path)
		} else {
			fmt.Fprintf(h, "file\t%s\t%v\t%d\t%d\n", path, fi.Mode().Type(), fi.Size(), fi.ModTime().UnixNano())
		}
		return nil
	})
	return ok && err == nil
}
