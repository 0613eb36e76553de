// Package vetjson decodes the output of `go vet -vettool=<lifelint>
// -json`: the JSON trees that x/tools' unitchecker prints (package ID ->
// analyzer -> diagnostics or error). internal/driver runs go vet.
package vetjson

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// TextEdit replaces the bytes [Start, End) of Filename with New.
type TextEdit struct {
	Filename string `json:"filename"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	New      string `json:"new"`
}

// SuggestedFix is a set of edits applied together.
type SuggestedFix struct {
	Message string     `json:"message"`
	Edits   []TextEdit `json:"edits"`
}

// Diagnostic is one diagnostic as go vet -json prints it.
type Diagnostic struct {
	Posn           string         `json:"posn"` // file:line:col (1-based, byte column)
	End            string         `json:"end"`
	Message        string         `json:"message"`
	SuggestedFixes []SuggestedFix `json:"suggested_fixes,omitempty"`
	Related        []Related      `json:"related,omitempty"`
}

// Related is a secondary location of a diagnostic (the other call sites of
// a grouped finding).
type Related struct {
	Posn    string `json:"posn"`
	End     string `json:"end"`
	Message string `json:"message"`
}

// Finding is a Diagnostic with its package and analyzer.
type Finding struct {
	Package  string
	Analyzer string
	Diagnostic
}

// Position is a decoded "file:line:col".
type Position struct {
	File         string
	Line, Column int
}

// ParsePosn decodes "file:line:col" (file may contain colons).
func ParsePosn(s string) (Position, error) {
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return Position{}, fmt.Errorf("bad position %q", s)
	}
	j := strings.LastIndexByte(s[:i], ':')
	if j < 0 {
		return Position{}, fmt.Errorf("bad position %q", s)
	}
	line, err1 := strconv.Atoi(s[j+1 : i])
	col, err2 := strconv.Atoi(s[i+1:])
	if err1 != nil || err2 != nil {
		return Position{}, fmt.Errorf("bad position %q", s)
	}
	return Position{File: s[:j], Line: line, Column: col}, nil
}

// Decode parses the concatenated JSON trees go vet -json writes (one per
// package, on stderr) and returns findings and analysis errors, sorted.
// Non-JSON text (type errors, "# pkg" headers) is returned in other.
func Decode(data []byte) (findings []Finding, errs []string, other string) {
	var rest bytes.Buffer
	for len(bytes.TrimSpace(data)) > 0 {
		start := bytes.IndexByte(data, '{')
		if start < 0 {
			rest.Write(data)
			break
		}
		rest.Write(data[:start])
		data = data[start:]
		dec := json.NewDecoder(bytes.NewReader(data))
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err != nil {
			// Not a JSON tree: keep the line as text and move on.
			nl := bytes.IndexByte(data, '\n')
			if nl < 0 {
				nl = len(data) - 1
			}
			rest.Write(data[:nl+1])
			data = data[nl+1:]
			continue
		}
		data = bytes.TrimLeft(data[dec.InputOffset():], "\r\n")
		for pkg, byAnalyzer := range tree {
			for analyzer, raw := range byAnalyzer {
				var diags []Diagnostic
				if err := json.Unmarshal(raw, &diags); err == nil {
					for _, d := range diags {
						findings = append(findings, Finding{Package: pkg, Analyzer: analyzer, Diagnostic: d})
					}
					continue
				}
				var e struct {
					Err string `json:"error"`
				}
				if json.Unmarshal(raw, &e) == nil && e.Err != "" {
					errs = append(errs, fmt.Sprintf("%s: %s: %s", pkg, analyzer, e.Err))
				}
			}
		}
	}
	slices.SortFunc(findings, func(a, b Finding) int {
		if c := strings.Compare(a.Posn, b.Posn); c != 0 {
			return c
		}
		if c := strings.Compare(a.Analyzer, b.Analyzer); c != 0 {
			return c
		}
		return strings.Compare(a.Message, b.Message)
	})
	findings = slices.CompactFunc(findings, func(a, b Finding) bool {
		return a.Posn == b.Posn && a.Analyzer == b.Analyzer && a.Message == b.Message
	})
	slices.Sort(errs)
	return findings, errs, rest.String()
}
