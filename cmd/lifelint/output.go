package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/lifelint/lifelint/internal/docmd"
	"github.com/lifelint/lifelint/internal/driver"
	"github.com/lifelint/lifelint/internal/sarif"
)

// output is what the renderers print.
type output struct {
	wd          string // paths below it are printed relative to it
	srcRoot     string // SARIF's %SRCROOT%: the directory lifelint started in
	passes      []passInfo
	findings    []driver.Finding
	ignored     []driver.Finding
	showIgnored bool
}

var renderers = map[string]func(io.Writer, *output) error{
	"text":   renderText,
	"json":   renderJSON,
	"sarif":  renderSARIF,
	"github": renderGitHub,
}

// rel returns file relative to the working directory when it lies below
// it, with forward slashes; otherwise file unchanged.
func (o *output) rel(file string) string { return relTo(o.wd, file) }

func relTo(dir, file string) string {
	if r, err := filepath.Rel(dir, file); err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator)) && !filepath.IsAbs(r) {
		return filepath.ToSlash(r)
	}
	return file
}

// ---- text ----

func renderText(w io.Writer, o *output) error {
	bw := bufio.NewWriter(w)
	for _, f := range o.findings {
		fmt.Fprintf(bw, "%s:%d:%d: %s (%s)\n", o.rel(f.File), f.Line, f.Col, f.Message, f.Pass)
	}
	for _, f := range o.ignored {
		fmt.Fprintf(bw, "%s:%d:%d: %s (%s, ignored: %s)\n", o.rel(f.File), f.Line, f.Col, f.Message, f.Pass, f.IgnoreReason)
	}
	return bw.Flush()
}

// ---- json ----

// jsonOutput is the stable schema of -format json (version 1). Fields
// are only ever added.
type jsonOutput struct {
	Version  int           `json:"version"`  // 1
	Findings []jsonFinding `json:"findings"` // sorted by file, line, column, pass, message
	// Ignored lists suppressed findings; present only with -show-ignored.
	Ignored []jsonFinding `json:"ignored,omitempty"`
}

type jsonFinding struct {
	Pass      string `json:"pass"`
	File      string `json:"file"`   // relative to the working directory when below it, else absolute
	Line      int    `json:"line"`   // 1-based
	Column    int    `json:"column"` // 1-based, in bytes
	EndLine   int    `json:"end_line"`
	EndColumn int    `json:"end_column"`
	Message   string `json:"message"`
	// SuggestedFixes are alternative fixes; apply the edits of one.
	SuggestedFixes []jsonFix `json:"suggested_fixes"`
	// Related are other locations of the same root cause (the other call
	// sites of a grouped finding).
	Related []jsonRelated `json:"related,omitempty"`
	// IgnoreReason is the directive's reason, in "ignored" only.
	IgnoreReason string `json:"ignore_reason,omitempty"`
}

type jsonRelated struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
}

type jsonFix struct {
	Message string     `json:"message"`
	Edits   []jsonEdit `json:"edits"`
}

// jsonEdit replaces the bytes [start, end) of file with new_text.
type jsonEdit struct {
	File    string `json:"file"`
	Start   int    `json:"start"` // byte offset, 0-based
	End     int    `json:"end"`   // byte offset, exclusive
	NewText string `json:"new_text"`
}

func (o *output) jsonFinding(f driver.Finding) jsonFinding {
	jf := jsonFinding{Pass: f.Pass, File: o.rel(f.File), Line: f.Line, Column: f.Col, EndLine: f.EndLine, EndColumn: f.EndCol,
		Message: f.Message, SuggestedFixes: []jsonFix{}, IgnoreReason: f.IgnoreReason}
	for _, fix := range f.Fixes {
		jfix := jsonFix{Message: fix.Message, Edits: []jsonEdit{}}
		for _, e := range fix.Edits {
			jfix.Edits = append(jfix.Edits, jsonEdit{File: o.rel(e.File), Start: e.Start, End: e.End, NewText: e.New})
		}
		jf.SuggestedFixes = append(jf.SuggestedFixes, jfix)
	}
	for _, r := range f.Related {
		jf.Related = append(jf.Related, jsonRelated{File: o.rel(r.File), Line: r.Line, Column: r.Col, Message: r.Message})
	}
	return jf
}

func renderJSON(w io.Writer, o *output) error {
	out := jsonOutput{Version: 1, Findings: []jsonFinding{}}
	for _, f := range o.findings {
		out.Findings = append(out.Findings, o.jsonFinding(f))
	}
	for _, f := range o.ignored {
		out.Ignored = append(out.Ignored, o.jsonFinding(f))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// ---- github ----

// renderGitHub prints GitHub Actions workflow commands, which the runner
// turns into annotations on the pull request.
func renderGitHub(w io.Writer, o *output) error {
	bw := bufio.NewWriter(w)
	sev := map[string]string{}
	for _, p := range o.passes {
		sev[p.Name] = p.Severity
	}
	line := func(cmd string, f driver.Finding, title string) {
		fmt.Fprintf(bw, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n", cmd,
			ghProperty(o.rel(f.File)), f.Line, f.Col, f.EndLine, f.EndCol, ghProperty(title), ghData(f.Message))
	}
	for _, f := range o.findings {
		cmd := "warning"
		if sev[f.Pass] == "error" {
			cmd = "error"
		}
		line(cmd, f, f.Pass)
	}
	for _, f := range o.ignored {
		line("notice", f, f.Pass+" (ignored: "+f.IgnoreReason+")")
	}
	return bw.Flush()
}

func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// ---- sarif ----

func renderSARIF(w io.Writer, o *output) error {
	run := sarif.Run{
		Tool: sarif.Tool{Driver: sarif.Driver{
			Name:           "lifelint",
			InformationURI: "https://github.com/lifelint/lifelint",
			Version:        readBuildVersion().String(),
			Rules:          []sarif.Rule{},
		}},
		OriginalURIBaseIDs: map[string]sarif.ArtifactLoc{"%SRCROOT%": {URI: fileURI(o.srcRoot) + "/"}},
		ColumnKind:         "utf16CodeUnits",
		Results:            []sarif.Result{},
	}
	index := map[string]int{}
	for i, p := range o.passes {
		index[p.Name] = i
		level := "warning"
		if p.Severity == "error" {
			level = "error"
		}
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarif.Rule{
			ID:                   p.Name,
			Name:                 p.Name,
			ShortDescription:     &sarif.Message{Text: p.Title},
			FullDescription:      &sarif.Message{Text: p.Doc},
			Help:                 &sarif.Message{Text: p.Doc + "\n\nDocs: " + p.URL, Markdown: ruleMarkdown(p)},
			HelpURI:              p.URL,
			DefaultConfiguration: &sarif.RuleConfig{Level: level},
		})
	}
	cols := newColumnConverter()
	result := func(f driver.Finding, ignored bool) sarif.Result {
		i, ok := index[f.Pass]
		if !ok {
			// A pass the binary does not describe (cannot happen for its
			// own passes): add a bare rule so ruleIndex stays valid.
			i = len(run.Tool.Driver.Rules)
			index[f.Pass] = i
			run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarif.Rule{ID: f.Pass, Name: f.Pass})
		}
		r := sarif.Result{
			RuleID:    f.Pass,
			RuleIndex: i,
			Level:     ruleLevel(run.Tool.Driver.Rules[i]),
			Message:   sarif.Message{Text: f.Message},
			Locations: []sarif.Location{{PhysicalLocation: sarif.PhysicalLocation{
				ArtifactLocation: o.artifact(f.File),
				Region: &sarif.Region{
					StartLine: f.Line, StartColumn: cols.utf16(f.File, f.Line, f.Col),
					EndLine: f.EndLine, EndColumn: cols.utf16(f.File, f.EndLine, f.EndCol),
				},
			}}},
		}
		for _, fix := range f.Fixes {
			sf := sarif.Fix{Description: sarif.Message{Text: fix.Message}}
			byFile := map[string]int{}
			for _, e := range fix.Edits {
				j, ok := byFile[e.File]
				if !ok {
					j = len(sf.ArtifactChanges)
					byFile[e.File] = j
					sf.ArtifactChanges = append(sf.ArtifactChanges, sarif.ArtifactChange{ArtifactLocation: o.artifact(e.File)})
				}
				sf.ArtifactChanges[j].Replacements = append(sf.ArtifactChanges[j].Replacements, sarif.Replacement{
					DeletedRegion:   sarif.ByteRegion(e.Start, e.End-e.Start),
					InsertedContent: &sarif.Content{Text: e.New},
				})
			}
			if len(sf.ArtifactChanges) > 0 {
				r.Fixes = append(r.Fixes, sf)
			}
		}
		for i, rel := range f.Related {
			r.RelatedLocations = append(r.RelatedLocations, sarif.Location{ID: i + 1, Message: &sarif.Message{Text: rel.Message},
				PhysicalLocation: sarif.PhysicalLocation{ArtifactLocation: o.artifact(rel.File),
					Region: &sarif.Region{StartLine: rel.Line, StartColumn: cols.utf16(rel.File, rel.Line, rel.Col)}}})
		}
		if ignored {
			r.Suppressions = []sarif.Suppression{{Kind: "inSource", Justification: f.IgnoreReason}}
		}
		return r
	}
	for _, f := range o.findings {
		run.Results = append(run.Results, result(f, false))
	}
	for _, f := range o.ignored {
		run.Results = append(run.Results, result(f, true))
	}
	return sarif.Write(w, &sarif.Log{Schema: sarif.Schema, Version: sarif.Version, Runs: []sarif.Run{run}})
}

// ruleMarkdown is the help GitHub code scanning shows for a rule.
func ruleMarkdown(p passInfo) string {
	title, body, _ := strings.Cut(p.Doc, "\n")
	return fmt.Sprintf("**%s**\n\n%s\n\n[Documentation](%s)", title, strings.TrimSpace(string(docmd.Markdown(body))), p.URL)
}

// artifact locates a file: relative to %SRCROOT% when below it, else as
// an absolute file URI.
func (o *output) artifact(file string) sarif.ArtifactLoc {
	if r := relTo(o.srcRoot, file); r != file || !filepath.IsAbs(file) {
		return sarif.ArtifactLoc{URI: (&url.URL{Path: r}).EscapedPath(), URIBaseID: "%SRCROOT%"}
	}
	return sarif.ArtifactLoc{URI: fileURI(file)}
}

func fileURI(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows: C:/x -> /C:/x
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// columnConverter turns go vet's byte columns into the UTF-16 columns
// SARIF viewers (and GitHub) count by default.
type columnConverter struct {
	files map[string][][]byte
}

func newColumnConverter() *columnConverter {
	return &columnConverter{files: map[string][][]byte{}}
}

func (c *columnConverter) utf16(file string, line, col int) int {
	lines, ok := c.files[file]
	if !ok {
		data, err := os.ReadFile(file)
		if err == nil {
			lines = bytes.Split(data, []byte("\n"))
		}
		c.files[file] = lines
	}
	if line < 1 || line > len(lines) || col < 1 {
		return col
	}
	text := lines[line-1]
	if col-1 > len(text) {
		return col
	}
	n := 1
	for _, r := range string(text[:col-1]) {
		if r >= 0x10000 && r != utf8.RuneError {
			n += 2
		} else {
			n++
		}
	}
	return n
}

func ruleLevel(r sarif.Rule) string {
	if r.DefaultConfiguration != nil {
		return r.DefaultConfiguration.Level
	}
	return "warning"
}
