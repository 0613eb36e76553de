package main

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestParseStat(t *testing.T) {
	// The command name holds spaces and a parenthesis.
	stat := []byte("4242 (go vet (x)) S 4200 4242 4200 0 -1 4194560 1 0 0 0 3 1 0 0 20 0 9 0 100 123456789 2560 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0")
	ppid, rss, ok := parseStat(stat)
	if !ok || ppid != 4200 || rss != 2560 {
		t.Errorf("parseStat = %d, %d, %v; want 4200, 2560, true", ppid, rss, ok)
	}
	if _, _, ok := parseStat([]byte("12 (trunc")); ok {
		t.Error("parseStat accepted a line with no closing parenthesis")
	}
	if _, _, ok := parseStat([]byte("12 (a) S 1 2")); ok {
		t.Error("parseStat accepted a short line")
	}
}

func TestTreeRSSSelf(t *testing.T) {
	// This process is alive and resident, so its tree has a positive RSS.
	if rss := treeRSS(os.Getpid()); rss <= 0 {
		t.Errorf("treeRSS(self) = %d, want > 0", rss)
	}
}

func TestParseLifelintText(t *testing.T) {
	out := "a/b.go:3:4: go statement in a request path has no owner (unsupervisedgo)\n" +
		"a/c.go:10:2: err == context.Canceled misses wrapped errors (x) (swallowedcancel)\n" +
		"a/d.go:1:1: pool created per request (requestpool, ignored: startup only)\n" +
		"garbage\n"
	f := parseLifelintText([]byte(out), []byte("lifelint: some error\n"))
	want := map[string]int{"unsupervisedgo": 1, "swallowedcancel": 1, "requestpool": 1}
	if !reflect.DeepEqual(f.byPass, want) {
		t.Errorf("byPass = %v, want %v", f.byPass, want)
	}
	if f.errors != 2 {
		t.Errorf("errors = %d, want 2", f.errors)
	}
}

func TestParseStaticcheckAndGoVet(t *testing.T) {
	sc := parseStaticcheck([]byte("x.go:1:2: should use errors.Is (SA1032)\nx.go:2:2: unused (U1000)\nx.go:3:2: unused (U1000)\n"), nil)
	if want := map[string]int{"SA1032": 1, "U1000": 2}; !reflect.DeepEqual(sc.byPass, want) {
		t.Errorf("staticcheck byPass = %v, want %v", sc.byPass, want)
	}
	gv := parseGoVet(nil, []byte("# example.com/p\n# [example.com/p]\np/x.go:1:2: fmt.Printf format %d has arg s of wrong type string\nvet: p/y.go:1:1: expected ';'\n"))
	if gv.total() != 1 || gv.errors != 1 {
		t.Errorf("go vet: total %d errors %d, want 1 and 1", gv.total(), gv.errors)
	}
}

func TestParseVetJSON(t *testing.T) {
	stderr := `# example.com/p
{
	"example.com/p": {
		"unsupervisedgo": [
			{"posn": "/src/p/x.go:3:2", "message": "go statement has no owner"}
		],
		"requestpool": {"error": "boom"}
	}
}
# example.com/q
{}
`
	f := parseVetJSON(nil, []byte(stderr))
	if want := map[string]int{"unsupervisedgo": 1}; !reflect.DeepEqual(f.byPass, want) {
		t.Errorf("byPass = %v, want %v", f.byPass, want)
	}
	if f.errors != 1 {
		t.Errorf("errors = %d, want 1 (the analysis error)", f.errors)
	}
	if want := "/src/p/x.go:3:2: go statement has no owner (unsupervisedgo)"; len(f.lines) != 1 || f.lines[0] != want {
		t.Errorf("lines = %q, want [%q]", f.lines, want)
	}
}

func TestMedian(t *testing.T) {
	if m := median([]int64{5, 1, 3}); m != 3 {
		t.Errorf("median odd = %d", m)
	}
	if m := median([]int64{4, 1, 3, 2}); m != 2 {
		t.Errorf("median even = %d", m)
	}
}

func TestCopyCache(t *testing.T) {
	src, dst := t.TempDir(), filepath.Join(t.TempDir(), "copy")
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(src, "ab"), 0o755))
	must(os.WriteFile(filepath.Join(src, "ab", "ab12-a"), []byte("action"), 0o644))
	must(os.WriteFile(filepath.Join(src, "ab", "ab34-d"), []byte("output"), 0o644))
	must(os.WriteFile(filepath.Join(src, "trim.txt"), []byte("1"), 0o644))
	must(copyCache(src, dst))

	// An action entry rewritten in place in the copy leaves the template alone.
	must(os.WriteFile(filepath.Join(dst, "ab", "ab12-a"), []byte("vet result"), 0o644))
	if data, _ := os.ReadFile(filepath.Join(src, "ab", "ab12-a")); string(data) != "action" {
		t.Errorf("template action entry = %q after writing the copy's", data)
	}
	// Outputs are shared.
	si, err := os.Stat(filepath.Join(src, "ab", "ab34-d"))
	must(err)
	di, err := os.Stat(filepath.Join(dst, "ab", "ab34-d"))
	must(err)
	if !os.SameFile(si, di) {
		t.Error("output file was copied, want a hard link")
	}
	if data, _ := os.ReadFile(filepath.Join(dst, "trim.txt")); string(data) != "1" {
		t.Errorf("trim.txt = %q", data)
	}
}

func TestCountPanics(t *testing.T) {
	stderr := "# example.com/p\npanic: runtime error: nil pointer\n\ngoroutine 1 [running]:\n# example.com/q\npanic: boom\n"
	if n := countPanics([]byte(stderr)); n != 2 {
		t.Errorf("countPanics = %d, want 2", n)
	}
}

func TestParseTrace(t *testing.T) {
	trace := "vet\t10\texample.com/p [example.com/p.test]\troot\n" +
		"run\t10\texample.com/p [example.com/p.test]\troot\tinspect\t1500\t1600\n" +
		"run\t10\texample.com/p [example.com/p.test]\troot\trequestpool\t250000\t260000\n" +
		"vet\t11\tfmt\tfacts\n" +
		"run\t11\tfmt\tfacts\trequestpool\t50000\t50000\n" +
		"vet\t12\tstrings\tfacts\n" +
		"run\t12\tstrings\tfacts\tinspect\t-5\t1\n" + // negative: bad
		"run\t12\tstrings\tfacts\tinspect\n" + // truncated: bad
		"vet\t13\tgithub.com/x/y\tskip\n" + // the scope fast path
		"\n"
	p := parseTrace([]byte(trace))
	if p.vetRoot != 1 || p.vetFacts != 2 || p.vetSkipped != 1 || p.bad != 2 {
		t.Errorf("vetRoot %d vetFacts %d vetSkipped %d bad %d, want 1 2 1 2", p.vetRoot, p.vetFacts, p.vetSkipped, p.bad)
	}
	rp := p.costs["requestpool"]
	if rp == nil || rp.cpuRoot != 250*time.Millisecond || rp.cpuFacts != 50*time.Millisecond || rp.runsRoot != 1 || rp.runsFacts != 1 {
		t.Errorf("requestpool = %+v", rp)
	}
	if got := p.total(); got != 301500*time.Microsecond {
		t.Errorf("total = %v, want 301.5ms", got)
	}
	if s := p.sorted(); len(s) != 2 || s[0].name != "requestpool" || s[1].name != "inspect" {
		t.Errorf("sorted = %v", s)
	}
}

func TestParseServed(t *testing.T) {
	flags := `[{"Name":"V","Bool":true,"Usage":"print version and exit"},
	{"Name":"handlerblock","Bool":true,"Usage":"enable \"handlerblock\" analysis"},
	{"Name":"lifelintconfig.pools","Bool":false,"Usage":"pools"},
	{"Name":"requestpool","Bool":true,"Usage":"enable \"requestpool\" analysis"}]`
	got, err := parseServed([]byte(flags))
	if err != nil || !reflect.DeepEqual(got, []string{"handlerblock", "requestpool"}) {
		t.Errorf("parseServed = %v, %v", got, err)
	}
	if _, err := parseServed([]byte("usage: ...")); err == nil {
		t.Error("parseServed accepted non-JSON")
	}
}

func TestChooseLeaf(t *testing.T) {
	pkgs := []listedPackage{
		{ImportPath: "m/a", Name: "a", GoFiles: []string{"a.go"}},
		{ImportPath: "m/b", Name: "b", GoFiles: []string{"b.go"}, Imports: []string{"m/a", "fmt"}},
		{ImportPath: "m/c", Name: "c", GoFiles: []string{"c.go"}, XTestImports: []string{"m/c", "m/e"}}, // imports itself from its x_test
		{ImportPath: "m/cmd", Name: "main", GoFiles: []string{"main.go"}, Imports: []string{"m/b"}},
		{ImportPath: "m/d", Name: "d", TestImports: []string{"m/b"}}, // no Go files
		{ImportPath: "m/e", Name: "e", GoFiles: []string{"e.go"}},    // imported by c's tests
	}
	leaf, ok := chooseLeaf(pkgs)
	if !ok || leaf.ImportPath != "m/c" {
		t.Errorf("chooseLeaf = %q, %v; want m/c (a leaf library, before the main package)", leaf.ImportPath, ok)
	}
	leaf, ok = chooseLeaf(pkgs[3:4])
	if !ok || leaf.ImportPath != "m/cmd" {
		t.Errorf("chooseLeaf(main only) = %q, %v", leaf.ImportPath, ok)
	}
	if _, ok := chooseLeaf(pkgs[4:5]); ok {
		t.Error("chooseLeaf chose a package without Go files")
	}
}

func TestEditedSource(t *testing.T) {
	for _, src := range []string{"package p\n", "package p"} {
		got := string(editedSource([]byte(src)))
		if got != "package p\n\n// lifelint bench: incremental edit\n" {
			t.Errorf("editedSource(%q) = %q", src, got)
		}
	}
}

// TestMarkdown checks the report's figures on made-up measurements:
// medians, the three ratios, the incremental column, the targets and
// the per-pass shares from the trace.
func TestMarkdown(t *testing.T) {
	l := &tool{id: "lifelint", name: "lifelint", served: []string{"requestpool"}}
	v := &tool{id: "govet", name: "go vet"}
	s := &tool{id: "staticcheck", name: "staticcheck"}
	f := &tool{id: "floor", name: "floor"}
	tc := &tool{id: "typecheck", name: "floor+types"}
	sec := func(x float64) time.Duration { return time.Duration(x * float64(time.Second)) }
	m := func(tl *tool, phase string, run int, wall, cpu float64, rss int64) *measurement {
		return &measurement{tool: tl, phase: phase, run: run, wall: sec(wall), cpu: sec(cpu), rss: rss << 20, load: "1.00 2.00 3.00"}
	}
	prof := parseTrace([]byte("vet\t1\tp\troot\nrun\t1\tp\troot\trequestpool\t2000000\t2000000\nvet\t2\tfmt\tfacts\nrun\t2\tfmt\tfacts\tinspect\t1000000\t1000000\n"))
	pm := m(l, "profile", 1, 12, 12, 100)
	pm.profile = &prof
	r := &report{set: "tiny", runs: 3, done: 3, tools: []*tool{l, v, s, f, tc}, leaf: "`m/c`", info: map[string]string{},
		measurements: []*measurement{
			m(l, "cold", 1, 10, 20, 100), m(l, "cold", 2, 12, 22, 110), m(l, "cold", 3, 50, 90, 120),
			m(l, "warm", 1, 1, 1, 50), m(l, "warm", 2, 1, 1, 50), m(l, "warm", 3, 1, 1, 50),
			m(l, "incremental", 1, 2, 2, 50), m(l, "incremental", 2, 2, 2, 50), m(l, "incremental", 3, 2, 2, 50),
			m(v, "cold", 1, 8, 20, 100), m(v, "warm", 1, 2, 2, 50), m(v, "incremental", 1, 4, 4, 50),
			m(s, "cold", 1, 24, 44, 440), m(s, "warm", 1, 1, 1, 50),
			m(f, "cold", 1, 6, 10, 80), m(f, "warm", 1, 6, 10, 80), m(f, "incremental", 1, 4, 10, 80),
			m(tc, "cold", 1, 10, 18, 90), m(tc, "warm", 1, 1, 1, 40),
			pm,
		}}
	md := r.markdown()
	for _, want := range []string{
		"| lifelint | 12.0 s | 22.0 s | 110 MiB | 1.0 s | 1.0 s | 50 MiB | 2.0 s | 2.0 s |",
		"| staticcheck | 24.0 s | 44.0 s | 440 MiB | 1.0 s | 1.0 s | 50 MiB | n/a | n/a |",
		"| lifelint / go vet | 1.50× | 1.10× | 1.10× | 0.50× | 0.50× |",
		"| lifelint / staticcheck | 0.50× | 0.50× | 0.25× | 1.00× | n/a |",
		"| lifelint / floor | 2.00× | 2.20× | 1.38× | 0.17× | 0.50× |",
		"- cold wall ≤ 1.0× go vet: **not met** (1.50×).",
		"- warm rerun ≤ go vet's: met (1.0 s vs 2.0 s).",
		"1.30× the floor's: **not met** (2.20×",
		"analyzers' Run (passes and what they require): met (3.00 s of the floor's 10.0 s, 30%)",
		"1.30× the floor+types's: met (1.22×; lifelint 22.0 s, floor+types 18.0 s)",
		"| lifelint / floor+types | 1.20× | 1.22× |",
		"| requestpool | served | 2.00 s | 0.00 s | 2.00 s | 16.7% | 1 / 0 |",
		"| inspect | required (shared) | 0.00 s | 1.00 s | 1.00 s | 8.3% | 0 / 1 |",
		"| outside Run: the go command, parsing, type checking, facts I/O, process start | | | | 9.00 s | 75.0% | |",
		"traced 2 vet tool processes: 1 on packages of the set",
		"| 1 | lifelint | profile | 12.0 s | 12.0 s |",
		"then an **incremental** rerun",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if t.Failed() {
		t.Log(md)
	}
}

func TestCopyable(t *testing.T) {
	for _, c := range []struct {
		p    listedPackage
		want bool
	}{
		{listedPackage{GoFiles: []string{"a.go"}, Imports: []string{"fmt", "m/x"}}, true},
		{listedPackage{}, false},
		{listedPackage{GoFiles: []string{"a.go"}, CgoFiles: []string{"c.go"}}, false},
		{listedPackage{GoFiles: []string{"a.go"}, EmbedPatterns: []string{"x.txt"}}, false},
		{listedPackage{GoFiles: []string{"a.go"}, SFiles: []string{"a_amd64.s"}}, false},
		{listedPackage{GoFiles: []string{"a.go"}, Imports: []string{"m/internal/x"}}, false},
		{listedPackage{GoFiles: []string{"a.go"}, Imports: []string{"m/internalx"}}, true},
	} {
		if got := copyable(c.p); got != c.want {
			t.Errorf("copyable(%+v) = %v, want %v", c.p, got, c.want)
		}
	}
	// A leaf that cannot be copied is passed over.
	pkgs := []listedPackage{
		{ImportPath: "m/a", Name: "a", GoFiles: []string{"a.go"}, CgoFiles: []string{"c.go"}},
		{ImportPath: "m/b", Name: "b", GoFiles: []string{"b.go"}},
	}
	if leaf, ok := chooseLeaf(pkgs); !ok || leaf.ImportPath != "m/b" {
		t.Errorf("chooseLeaf = %q, %v; want m/b", leaf.ImportPath, ok)
	}
}
