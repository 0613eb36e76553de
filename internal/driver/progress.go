package driver

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os/exec"
	"slices"
	"strings"
	"sync"

	"github.com/lifelint/lifelint/internal/vetjson"
)

// treeCounter is go vet's stdout: it keeps the bytes and counts the JSON
// trees as they arrive. The vet tool prints one tree per analyzed package
// ("{}" when it has no findings), and json.MarshalIndent puts the closing
// brace of a tree, and only that brace, at the start of a line, so a line
// "}" or "{}" ends a package.
type treeCounter struct {
	buf     bytes.Buffer
	lineAt  int // offset in buf of the current line's start
	trees   int
	onCount func(n int)
}

func (c *treeCounter) Write(p []byte) (int, error) {
	c.buf.Write(p)
	data := c.buf.Bytes()
	for {
		nl := bytes.IndexByte(data[c.lineAt:], '\n')
		if nl < 0 {
			break
		}
		line := bytes.TrimRight(data[c.lineAt:c.lineAt+nl], "\r")
		c.lineAt += nl + 1
		if string(line) == "}" || string(line) == "{}" {
			c.trees++
			if c.onCount != nil {
				c.onCount(c.trees)
			}
		}
	}
	return len(p), nil
}

// progress reports to o.Progress: done counts the packages go vet has
// finished, total comes from a `go list` beside go vet (-1 until it
// answers). Calls are serialized.
type progress struct {
	o *Options

	mu          sync.Mutex
	done, total int
}

func (p *progress) set(done, total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if done >= 0 {
		p.done = done
	}
	if total >= 0 {
		p.total = total
	}
	p.o.Progress(p.done, p.total)
}

// listUnits returns the vet units go vet analyzes for the patterns and
// prints a result for, the way cmd/go makes them: the package (its test
// variant when it has tests) if it has Go files, and its external test
// package, named "path_test". Packages go list reports errors for are
// left out: go vet fails on them.
func listUnits(ctx context.Context, o *Options) ([]string, error) {
	args := []string{"list", "-e", "-f", "{{if not (or .Error .DepsErrors)}}{{if or .GoFiles .CgoFiles .TestGoFiles}}{{.ImportPath}}\n{{end}}{{if .XTestGoFiles}}{{.ImportPath}}_test\n{{end}}{{end}}"}
	if o.Tags != "" {
		args = append(args, "-tags="+o.Tags)
	}
	cmd := exec.CommandContext(ctx, "go", append(args, o.Patterns...)...)
	cmd.Dir = o.Dir
	out, err := cmd.Output()
	if err != nil {
		return nil, err
	}
	return strings.Fields(string(out)), nil
}

// missingUnits returns the units that printed nothing: no finding (the
// directive collector reports a marker in every package) and no error.
func missingUnits(units []string, raw []vetjson.Finding, errs []string) []string {
	seen := map[string]bool{}
	unit := func(id string) string { u, _, _ := strings.Cut(id, " "); return u }
	for _, r := range raw {
		seen[unit(r.Package)] = true
	}
	for _, e := range errs {
		seen[unit(strings.SplitN(e, ": ", 2)[0])] = true
	}
	var out []string
	for _, u := range units {
		if !seen[u] {
			out = append(out, u)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// packagesOf returns the packages (patterns) that analyze the units.
func packagesOf(units []string) []string {
	var out []string
	for _, u := range units {
		out = append(out, strings.TrimSuffix(u, "_test"))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func hashOf(list []string) string {
	sum := sha256.Sum256([]byte(strings.Join(list, "\n")))
	return hex.EncodeToString(sum[:8])
}
