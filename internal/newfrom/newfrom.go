// Package newfrom finds the lines a change added, for
// `lifelint -new-from-rev REV` and `-new-from-patch FILE`: on an existing
// codebase, report only the findings on new or changed lines (as
// golangci-lint's options of the same names do).
package newfrom

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// Lines are the added or changed lines of each file (absolute, cleaned
// path), 1-based; a nil set for a file means every line (a new file).
type Lines map[string]map[int]bool

// Has reports whether line of file is new.
func (l Lines) Has(file string, line int) bool {
	set, ok := l[filepath.Clean(file)]
	return ok && (set == nil || set[line])
}

// FromPatch reads a unified diff (git diff, diff -u) whose paths are
// relative to dir. Only the lines of the new side count.
func FromPatch(r io.Reader, dir string) (Lines, error) {
	out := Lines{}
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 64<<20)
	var (
		set              map[int]bool // the current file's lines; nil: a deletion
		newLine          int
		oldLeft, newLeft int // lines of the current hunk still to read
		lineNo           int
	)
	for sc.Scan() {
		lineNo++
		text := sc.Text()
		if oldLeft > 0 || newLeft > 0 {
			// Inside a hunk, the header's counts say what is a hunk line
			// (a line "+++ x" there is an added line "++ x").
			switch {
			case strings.HasPrefix(text, "+"):
				if set != nil {
					set[newLine] = true
				}
				newLine++
				newLeft--
			case strings.HasPrefix(text, "-"):
				oldLeft--
			case strings.HasPrefix(text, `\`):
				// "\ No newline at end of file"
			default: // context: " x", or "" from editors that strip it
				newLine++
				oldLeft--
				newLeft--
			}
			continue
		}
		switch {
		case strings.HasPrefix(text, "+++ "):
			name := strings.TrimPrefix(text, "+++ ")
			if i := strings.IndexByte(name, '\t'); i >= 0 {
				name = name[:i] // diff -u puts a time stamp after a tab
			}
			if name == "/dev/null" {
				set = nil
				continue
			}
			if uq, err := strconv.Unquote(name); err == nil {
				name = uq // git quotes unusual names
			}
			name = strings.TrimPrefix(name, "b/")
			set = map[int]bool{}
			out[filepath.Join(dir, filepath.FromSlash(name))] = set
		case strings.HasPrefix(text, "@@ "):
			var err error
			if newLine, oldLeft, newLeft, err = hunkHeader(text); err != nil {
				return nil, fmt.Errorf("line %d: %v", lineNo, err)
			}
		}
	}
	return out, sc.Err()
}

// hunkHeader decodes "@@ -a,b +c,d @@": the first line of the new side
// and the line counts of both sides (a missing count is 1).
func hunkHeader(h string) (start, oldN, newN int, err error) {
	f := strings.Fields(h)
	if len(f) < 3 || !strings.HasPrefix(f[1], "-") || !strings.HasPrefix(f[2], "+") {
		return 0, 0, 0, fmt.Errorf("bad hunk header %q", h)
	}
	rng := func(s string) (first, n int, err error) {
		a, b, ok := strings.Cut(s, ",")
		if first, err = strconv.Atoi(a); err != nil {
			return 0, 0, err
		}
		n = 1
		if ok {
			n, err = strconv.Atoi(b)
		}
		return first, n, err
	}
	_, oldN, err1 := rng(f[1][1:])
	start, newN, err2 := rng(f[2][1:])
	if err1 != nil || err2 != nil || oldN < 0 || newN < 0 {
		return 0, 0, 0, fmt.Errorf("bad hunk header %q", h)
	}
	return start, oldN, newN, nil
}

// FromRev returns the lines of the files under dir that differ from
// revision rev of its git repository: committed, staged and unstaged
// changes, and untracked files (not ignored) as wholly new.
func FromRev(dir, rev string) (Lines, error) {
	git := func(args ...string) ([]byte, error) {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			return nil, fmt.Errorf("git %s: %v: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
		}
		return out, nil
	}
	// --relative: paths relative to dir, changes outside it left out.
	patch, err := git("diff", "--no-color", "--no-ext-diff", "--no-renames", "--src-prefix=a/", "--dst-prefix=b/", "--relative", "-U0", rev, "--")
	if err != nil {
		return nil, err
	}
	lines, err := FromPatch(bytes.NewReader(patch), dir)
	if err != nil {
		return nil, err
	}
	untracked, err := git("ls-files", "-z", "--others", "--exclude-standard")
	if err != nil {
		return nil, err
	}
	for name := range strings.SplitSeq(string(untracked), "\x00") {
		if name != "" {
			lines[filepath.Join(dir, filepath.FromSlash(name))] = nil
		}
	}
	return lines, nil
}
