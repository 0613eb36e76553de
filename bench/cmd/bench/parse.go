package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// tool is one measured command.
type tool struct {
	id, name string
	argv     func(patterns []string) []string
	parse    func(stdout, stderr []byte) findings
}

// findings are the diagnostics of one run, by pass (or check).
type findings struct {
	byPass map[string]int
	lines  []string // file:line:col: message (pass), in output order
	errors int      // lines that are neither findings nor package headers
	panics int      // "panic: " lines: a crash of the tool on some package
}

func (f findings) total() int {
	n := 0
	for _, c := range f.byPass {
		n += c
	}
	return n
}

func (f *findings) add(pass, line string) {
	if f.byPass == nil {
		f.byPass = map[string]int{}
	}
	f.byPass[pass]++
	f.lines = append(f.lines, line)
}

// passes returns the pass names, most findings first.
func (f findings) passes() []string {
	var names []string
	for p := range f.byPass {
		names = append(names, p)
	}
	sort.Slice(names, func(i, j int) bool {
		if f.byPass[names[i]] != f.byPass[names[j]] {
			return f.byPass[names[i]] > f.byPass[names[j]]
		}
		return names[i] < names[j]
	})
	return names
}

var (
	// lifelint's text format: file:line:col: message (pass), with
	// ", ignored: reason" inside the parentheses under -show-ignored.
	lifelintLine = regexp.MustCompile(`^(.+?):(\d+):(\d+): (.*) \(([a-z][a-z0-9_]*)(?:, ignored: .*)?\)$`)
	// staticcheck's text format ends with the check code.
	staticcheckLine = regexp.MustCompile(`^(.+?):(\d+):(\d+): (.*) \(([A-Z]+[0-9]+)\)$`)
	// go vet's: file:line:col: message, under "# package" headers.
	positionLine = regexp.MustCompile(`^(.+?\.go):(\d+):(\d+): (.*)$`)
)

func parseLifelintText(stdout, stderr []byte) findings {
	return parseLines(lifelintLine, stdout, stderr)
}

func parseStaticcheck(stdout, stderr []byte) findings {
	return parseLines(staticcheckLine, stdout, stderr)
}

// parseLines counts the stdout lines that re matches by its fifth group
// (the pass or check) and every other non-empty line as an error.
func parseLines(re *regexp.Regexp, stdout, stderr []byte) findings {
	var f findings
	for line := range strings.Lines(string(stdout)) {
		line = strings.TrimRight(line, "\n")
		if m := re.FindStringSubmatch(line); m != nil {
			f.add(m[5], line)
		} else if line != "" {
			f.errors++
		}
	}
	f.errors += countNonEmpty(stderr)
	return f
}

// parseGoVet counts go vet's diagnostics. Its text output does not name
// the analyzer, so they all count under "(default analyzers)".
func parseGoVet(stdout, stderr []byte) findings {
	var f findings
	for line := range strings.Lines(string(stderr)) {
		line = strings.TrimRight(line, "\n")
		switch {
		case line == "" || strings.HasPrefix(line, "# "):
		case positionLine.MatchString(line) && !strings.HasPrefix(line, "vet: "):
			f.add("(default analyzers)", line)
		default:
			f.errors++
		}
	}
	f.errors += countNonEmpty(stdout)
	return f
}

// parseVetJSON reads `go vet -json` output: "# package" headers and one
// JSON object per package, {"pkg": {"analyzer": [{"posn", "message"}]}}.
func parseVetJSON(stdout, stderr []byte) findings {
	var f findings
	var buf bytes.Buffer
	for line := range strings.Lines(string(stderr)) {
		if !strings.HasPrefix(line, "#") {
			buf.WriteString(line)
		}
	}
	dec := json.NewDecoder(&buf)
	for {
		var obj map[string]map[string]json.RawMessage
		if err := dec.Decode(&obj); err != nil {
			if err.Error() != "EOF" {
				f.errors++
			}
			break
		}
		for _, byPass := range obj {
			for pass, raw := range byPass {
				var diags []struct {
					Posn    string `json:"posn"`
					Message string `json:"message"`
				}
				if err := json.Unmarshal(raw, &diags); err != nil {
					f.errors++ // {"error": "..."}
					continue
				}
				for _, d := range diags {
					f.add(pass, fmt.Sprintf("%s: %s (%s)", d.Posn, d.Message, pass))
				}
			}
		}
	}
	sort.Strings(f.lines)
	return f
}

// countPanics counts the crashes a tool printed.
func countPanics(stderr []byte) int {
	n := 0
	for line := range strings.Lines(string(stderr)) {
		if strings.HasPrefix(line, "panic: ") {
			n++
		}
	}
	return n
}

func countNonEmpty(b []byte) int {
	n := 0
	for line := range strings.Lines(string(b)) {
		if strings.TrimSpace(line) != "" {
			n++
		}
	}
	return n
}
