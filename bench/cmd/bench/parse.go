package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// tool is one measured command.
type tool struct {
	id, name string
	argv     func(patterns []string) []string
	parse    func(stdout, stderr []byte) findings
	served   []string // lifelint: the analyzers it serves (its -flags)
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

// cost is the CPU time the trace charges to one analyzer, summed over the
// vet tool processes: on the packages of the set and their test variants
// (root) and on dependencies analyzed only for their facts.
type cost struct {
	name                string
	cpuRoot, cpuFacts   time.Duration
	wall                time.Duration
	runsRoot, runsFacts int
}

func (c *cost) cpu() time.Duration { return c.cpuRoot + c.cpuFacts }

// profile is what a LIFELINT_TRACE file says about one run.
type profile struct {
	vetRoot, vetFacts int // vet tool processes that analyzed a package
	vetSkipped        int // vet tool processes the scope fast path ended at once (a skip marker)
	costs             map[string]*cost
	bad               int // lines that are not trace lines
}

// sorted returns the analyzers, most CPU first.
func (p profile) sorted() []*cost {
	var cs []*cost
	for _, c := range p.costs {
		cs = append(cs, c)
	}
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].cpu() != cs[j].cpu() {
			return cs[i].cpu() > cs[j].cpu()
		}
		return cs[i].name < cs[j].name
	})
	return cs
}

// total returns the CPU time charged to all analyzers.
func (p profile) total() time.Duration {
	var t time.Duration
	for _, c := range p.costs {
		t += c.cpu()
	}
	return t
}

// parseTrace reads a LIFELINT_TRACE file (see cmd/lifelint/trace.go):
//
//	vet	<pid>	<package ID>	<root|facts>
//	run	<pid>	<package ID>	<root|facts>	<analyzer>	<CPU µs>	<wall µs>
func parseTrace(data []byte) profile {
	p := profile{costs: map[string]*cost{}}
	for line := range strings.Lines(string(data)) {
		f := strings.Split(strings.TrimRight(line, "\n"), "\t")
		switch {
		case len(f) == 4 && f[0] == "vet" && (f[3] == "root" || f[3] == "facts" || f[3] == "skip"):
			switch f[3] {
			case "root":
				p.vetRoot++
			case "facts":
				p.vetFacts++
			default:
				p.vetSkipped++
			}
		case len(f) == 7 && f[0] == "run" && (f[3] == "root" || f[3] == "facts"):
			cpu, err1 := strconv.ParseInt(f[5], 10, 64)
			wall, err2 := strconv.ParseInt(f[6], 10, 64)
			if err1 != nil || err2 != nil || cpu < 0 || wall < 0 {
				p.bad++
				continue
			}
			c := p.costs[f[4]]
			if c == nil {
				c = &cost{name: f[4]}
				p.costs[f[4]] = c
			}
			c.wall += time.Duration(wall) * time.Microsecond
			if f[3] == "root" {
				c.cpuRoot += time.Duration(cpu) * time.Microsecond
				c.runsRoot++
			} else {
				c.cpuFacts += time.Duration(cpu) * time.Microsecond
				c.runsFacts++
			}
		case strings.TrimSpace(line) == "":
		default:
			p.bad++
		}
	}
	return p
}

// parseServed returns the analyzers a vet tool serves, from its -flags
// output: unitchecker gives each a boolean flag "enable "<name>" analysis".
func parseServed(flagsJSON []byte) ([]string, error) {
	var flags []struct {
		Name  string
		Bool  bool
		Usage string
	}
	if err := json.Unmarshal(flagsJSON, &flags); err != nil {
		return nil, fmt.Errorf("decoding -flags output: %v", err)
	}
	var names []string
	for _, f := range flags {
		if f.Bool && f.Usage == fmt.Sprintf("enable %q analysis", f.Name) {
			names = append(names, f.Name)
		}
	}
	return names, nil
}

// listedPackage is one package of the set as go list describes it.
type listedPackage struct {
	ImportPath, Name, Dir              string
	GoFiles, CgoFiles, EmbedPatterns   []string
	SFiles, CFiles, SysoFiles          []string
	Imports, TestImports, XTestImports []string
}

// copyable reports whether p's Go files, copied into another module,
// still build: no cgo, assembly or object files, no embedded files, no
// internal imports.
func copyable(p listedPackage) bool {
	if len(p.GoFiles) == 0 || len(slices.Concat(p.CgoFiles, p.EmbedPatterns, p.SFiles, p.CFiles, p.SysoFiles)) > 0 {
		return false
	}
	for _, imp := range p.Imports {
		if slices.Contains(strings.Split(imp, "/"), "internal") {
			return false
		}
	}
	return true
}

// chooseLeaf returns the package of the set that the incremental case
// copies and edits: a copyable leaf (no other package of the set imports
// it, tests included), preferring a library over a main package, then the
// first by import path; ok is false when there is none.
func chooseLeaf(pkgs []listedPackage) (leaf listedPackage, ok bool) {
	inSet := map[string]bool{}
	for _, p := range pkgs {
		inSet[p.ImportPath] = true
	}
	imported := map[string]bool{}
	for _, p := range pkgs {
		for _, imp := range slices.Concat(p.Imports, p.TestImports, p.XTestImports) {
			if imp != p.ImportPath && inSet[imp] {
				imported[imp] = true
			}
		}
	}
	var leaves []listedPackage
	for _, p := range pkgs {
		if !imported[p.ImportPath] && copyable(p) {
			leaves = append(leaves, p)
		}
	}
	if len(leaves) == 0 {
		return listedPackage{}, false
	}
	slices.SortFunc(leaves, func(a, b listedPackage) int {
		if am, bm := a.Name == "main", b.Name == "main"; am != bm {
			if am {
				return 1
			}
			return -1
		}
		return strings.Compare(a.ImportPath, b.ImportPath)
	})
	return leaves[0], true
}

// editedSource is the incremental case's edit of a file: a comment
// appended, which changes the file's content hash (so go vet must
// recompile and re-vet the package) but no finding.
func editedSource(src []byte) []byte {
	out := slices.Clone(src)
	if len(out) > 0 && out[len(out)-1] != '\n' {
		out = append(out, '\n')
	}
	return append(out, "\n// lifelint bench: incremental edit\n"...)
}
