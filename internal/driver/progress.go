package driver

import (
	"bytes"
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
