package main

import (
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/lifelint/lifelint/internal/driver"
)

// progressEnv forces the progress line on a stderr that is not a
// terminal (LIFELINT_PROGRESS=1), or turns it off (=0).
const progressEnv = "LIFELINT_PROGRESS"

// wantProgress reports whether to show the progress line on stderr: when
// it is a terminal, unless LIFELINT_PROGRESS says otherwise.
func wantProgress(stderr io.Writer) bool {
	switch os.Getenv(progressEnv) {
	case "1":
		return true
	case "0":
		return false
	}
	f, ok := stderr.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// statusLine is a single updating line on a terminal ("lifelint: 12/340
// packages analyzed"). Other output to the same terminal (go vet's
// messages) goes through Write, which takes the line away first and puts it
// back after, so the two never mix.
type statusLine struct {
	mu    sync.Mutex
	w     io.Writer
	shown string
	last  time.Time
	now   func() time.Time
}

func newStatusLine(w io.Writer) *statusLine {
	return &statusLine{w: w, now: time.Now}
}

// eraseLocked removes the shown line. s.mu is held.
func (s *statusLine) eraseLocked() {
	if s.shown != "" {
		fmt.Fprint(s.w, "\r\033[K")
	}
}

// Write passes go vet's stderr through.
func (s *statusLine) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.eraseLocked()
	n, err := s.w.Write(p)
	if s.shown != "" && len(p) > 0 && p[len(p)-1] == '\n' {
		fmt.Fprint(s.w, s.shown)
	} else {
		s.shown = ""
	}
	return n, err
}

// Update shows done/total (total < 0: unknown), at most ten times a
// second except for the last package.
func (s *statusLine) Update(done, total int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if now := s.now(); now.Sub(s.last) >= 100*time.Millisecond || done == total {
		s.last = now
		line := fmt.Sprintf("lifelint: %d packages analyzed", done)
		if total >= 0 {
			line = fmt.Sprintf("lifelint: %d/%d packages analyzed", done, total)
		}
		s.eraseLocked()
		fmt.Fprint(s.w, line)
		s.shown = line
	}
}

// Start shows the line before go vet has finished any package: loading
// and downloading can take minutes on a fresh machine.
func (s *statusLine) Start() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.shown = "lifelint: loading packages"
	fmt.Fprint(s.w, s.shown)
}

// Done removes the line for good.
func (s *statusLine) Done() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.eraseLocked()
	s.shown = ""
}

// summary is the final stderr line: "3 findings: handlerblock 2,
// swallowedcancel 1", or "no findings"; suppressed findings are counted
// after it.
func summary(findings, ignored []driver.Finding) string {
	byPass := map[string]int{}
	for _, f := range findings {
		byPass[f.Pass]++
	}
	var b strings.Builder
	switch len(findings) {
	case 0:
		b.WriteString("no findings")
	case 1:
		b.WriteString("1 finding: ")
	default:
		fmt.Fprintf(&b, "%d findings: ", len(findings))
	}
	for i, p := range slices.Sorted(maps.Keys(byPass)) {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s %d", p, byPass[p])
	}
	if n := len(ignored); n > 0 {
		fmt.Fprintf(&b, " (%d suppressed by //lifelint:ignore)", n)
	}
	return b.String()
}
