// Package exclude matches files against the exclude globs of the
// configuration (.lifelint.yml's exclude), for the CLI and the language
// server. The passes never see exclusions: the drivers drop findings.
package exclude

import (
	"os"
	pathpkg "path"
	"path/filepath"
	"strings"
	"sync"
)

// Match reports whether the slash-separated path matches glob. "**"
// matches any number of path elements; other elements use path.Match
// syntax. A malformed glob matches nothing (config.Validate rejects it
// before any matching).
func Match(glob, path string) bool {
	gs := strings.Split(strings.Trim(glob, "/"), "/")
	var ps []string
	if path != "" {
		ps = strings.Split(strings.Trim(path, "/"), "/")
	}
	return match(gs, ps)
}

func match(gs, ps []string) bool {
	for len(gs) > 0 {
		if gs[0] == "**" {
			for i := 0; i <= len(ps); i++ {
				if match(gs[1:], ps[i:]) {
					return true
				}
			}
			return false
		}
		if len(ps) == 0 {
			return false
		}
		if ok, err := pathpkg.Match(gs[0], ps[0]); err != nil || !ok {
			return false
		}
		gs, ps = gs[1:], ps[1:]
	}
	return len(ps) == 0
}

// Matcher matches absolute file names against globs relative to the root
// of each file's module (the nearest directory above it with a go.mod).
// It is safe for concurrent use.
type Matcher struct {
	globs []string

	mu    sync.Mutex
	roots map[string]string // directory -> module root, "" for none
}

// New returns a Matcher for globs, or nil when there are none.
func New(globs []string) *Matcher {
	if len(globs) == 0 {
		return nil
	}
	return &Matcher{globs: globs, roots: map[string]string{}}
}

// Excluded reports whether file matches one of the globs. A nil Matcher
// excludes nothing; so does a file outside any module.
func (m *Matcher) Excluded(file string) bool {
	if m == nil {
		return false
	}
	root := m.moduleRoot(filepath.Dir(file))
	if root == "" {
		return false
	}
	rel, err := filepath.Rel(root, file)
	if err != nil {
		return false
	}
	rel = filepath.ToSlash(rel)
	for _, g := range m.globs {
		if Match(g, rel) {
			return true
		}
	}
	return false
}

func (m *Matcher) moduleRoot(dir string) string {
	m.mu.Lock()
	defer m.mu.Unlock()
	var seen []string
	root := ""
	for {
		if r, ok := m.roots[dir]; ok {
			root = r
			break
		}
		seen = append(seen, dir)
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			root = dir
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	for _, d := range seen {
		m.roots[d] = root
	}
	return root
}
