package driver

import (
	"bytes"
	"context"
	"os/exec"
	"strings"
	"sync"
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

// countPackages returns how many packages go vet analyzes for the
// patterns, the way cmd/go counts them: one per package with Go files
// (its test variant when it has tests) and one more for an external test
// package.
func countPackages(ctx context.Context, o *Options) (int, error) {
	args := []string{"list", "-e", "-f", "{{if or .GoFiles .CgoFiles .TestGoFiles}}p{{end}}{{if .XTestGoFiles}}x{{end}}"}
	if o.Tags != "" {
		args = append(args, "-tags="+o.Tags)
	}
	cmd := exec.CommandContext(ctx, "go", append(args, o.Patterns...)...)
	cmd.Dir = o.Dir
	out, err := cmd.Output()
	if err != nil {
		return 0, err
	}
	return strings.Count(string(out), "p") + strings.Count(string(out), "x"), nil
}
