package main_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/lifelint/lifelint/internal/sarif/sariftest"
)

// The CLI contract tests build lifelint with -tags lifelinttest, which adds
// the pass "lifelinttest" (it reports every call of a function named Bad
// and offers to call Good), and run it on small temporary modules. They
// do not depend on the real passes' findings.

var testBin = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "lifelint-cli-test")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "lifelint")
	out, err := exec.Command("go", "build", "-tags", "lifelinttest", "-o", bin, ".").CombinedOutput()
	if err != nil {
		return "", errors.New("go build -tags lifelinttest: " + err.Error() + "\n" + string(out))
	}
	return bin, nil
})

func lifelintTestBin(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary and runs go vet")
	}
	bin, err := testBin()
	if err != nil {
		t.Fatal(err)
	}
	return bin
}

// writeModule writes files (path -> content) under a new temporary
// directory; "go.mod" defaults to module example.com/m.
func writeModule(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	if _, ok := files["go.mod"]; !ok {
		files["go.mod"] = "module example.com/m\n\ngo 1.26\n"
	}
	for name, content := range files {
		if name == "-go.mod" {
			continue
		}
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, ok := files["-go.mod"]; ok {
		os.Remove(filepath.Join(dir, "go.mod"))
	}
	return dir
}

type result struct {
	code           int
	stdout, stderr string
}

// run runs the binary in dir and checks that it never panics.
func run(t *testing.T, dir string, args ...string) result {
	t.Helper()
	return runEnv(t, dir, nil, args...)
}

// runEnv is run with extra environment variables.
func runEnv(t *testing.T, dir string, env []string, args ...string) result {
	t.Helper()
	cmd := exec.Command(lifelintTestBin(t), args...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "GOWORK=off", "GOFLAGS=", "LIFELINT_PROGRESS="), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := result{stdout: stdout.String(), stderr: stderr.String()}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		r.code = exit.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	for _, s := range []string{"panic:", "goroutine 1 [", "runtime error"} {
		if strings.Contains(r.stdout+r.stderr, s) {
			t.Errorf("lifelint %q printed a panic trace:\n%s%s", args, r.stdout, r.stderr)
		}
	}
	return r
}

func (r result) want(t *testing.T, code int, stdout string) {
	t.Helper()
	if r.code != code {
		t.Errorf("exit code = %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, code, r.stdout, r.stderr)
	}
	if stdout != "*" && r.stdout != stdout {
		t.Errorf("stdout differs\n got:\n%s\nwant:\n%s\nstderr:\n%s", r.stdout, stdout, r.stderr)
	}
}

const badGo = `package m

func Bad()  {}
func Good() {}

func F() {
	Bad()
}
`

const badOut = "m.go:7:2: call of Bad; call Good instead (lifelinttest)\n"

// TestExitCodesEveryFormat: 0 clean, 1 findings, 2 errors, in each format.
func TestExitCodesEveryFormat(t *testing.T) {
	clean := writeModule(t, map[string]string{"m.go": "package m\n\nfunc Good() {}\n"})
	dirty := writeModule(t, map[string]string{"m.go": badGo})
	broken := writeModule(t, map[string]string{"m.go": "package m\n\nfunc F() int { return undefinedName }\n"})
	for _, format := range []string{"text", "json", "sarif", "github"} {
		t.Run(format, func(t *testing.T) {
			for _, tc := range []struct {
				dir  string
				code int
			}{{clean, 0}, {dirty, 1}, {broken, 2}} {
				r := run(t, tc.dir, "-format", format, "./...")
				r.want(t, tc.code, "*")
				if format == "sarif" {
					if err := sariftest.Validate([]byte(r.stdout)); err != nil {
						t.Errorf("invalid SARIF (exit %d): %v\n%s", tc.code, err, r.stdout)
					}
				}
				if format == "json" && !json.Valid([]byte(r.stdout)) {
					t.Errorf("invalid JSON (exit %d):\n%s", tc.code, r.stdout)
				}
				if tc.code == 2 && !strings.Contains(r.stderr, "m.go:3:23: undefined: undefinedName") {
					t.Errorf("type error not reported like go vet; stderr:\n%s", r.stderr)
				}
			}
		})
	}
}

func TestTextAndGitHub(t *testing.T) {
	dir := writeModule(t, map[string]string{"m.go": badGo, "sub/s.go": "package sub\n\nfunc Bad() {}\n\nfunc G() {\n\tBad(); Bad()\n}\n"})
	run(t, dir, "./...").want(t, 1, badOut+
		"sub/s.go:6:2: call of Bad; call Good instead (lifelinttest)\n"+
		"sub/s.go:6:9: call of Bad; call Good instead (lifelinttest)\n")
	run(t, dir, "-format", "github", "./sub").want(t, 1,
		"::warning file=sub/s.go,line=6,col=2,endLine=6,endColumn=7,title=lifelinttest::call of Bad; call Good instead\n"+
			"::warning file=sub/s.go,line=6,col=9,endLine=6,endColumn=14,title=lifelinttest::call of Bad; call Good instead\n")
	// -C: paths are relative to the directory, as with go -C.
	run(t, t.TempDir(), "-C", filepath.Join(dir, "sub"), ".").want(t, 1,
		"s.go:6:2: call of Bad; call Good instead (lifelinttest)\ns.go:6:9: call of Bad; call Good instead (lifelinttest)\n")
}

func TestJSON(t *testing.T) {
	dir := writeModule(t, map[string]string{"m.go": badGo})
	r := run(t, dir, "-format", "json", "./...")
	r.want(t, 1, "*")
	var out struct {
		Version  int `json:"version"`
		Findings []struct {
			Pass           string `json:"pass"`
			File           string `json:"file"`
			Line           int    `json:"line"`
			Column         int    `json:"column"`
			EndLine        int    `json:"end_line"`
			EndColumn      int    `json:"end_column"`
			Message        string `json:"message"`
			SuggestedFixes []struct {
				Message string `json:"message"`
				Edits   []struct {
					File    string `json:"file"`
					Start   int    `json:"start"`
					End     int    `json:"end"`
					NewText string `json:"new_text"`
				} `json:"edits"`
			} `json:"suggested_fixes"`
		} `json:"findings"`
	}
	dec := json.NewDecoder(strings.NewReader(r.stdout))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&out); err != nil {
		t.Fatalf("decoding: %v\n%s", err, r.stdout)
	}
	if out.Version != 1 || len(out.Findings) != 1 {
		t.Fatalf("output = %+v", out)
	}
	f := out.Findings[0]
	if f.Pass != "lifelinttest" || f.File != "m.go" || f.Line != 7 || f.Column != 2 || f.EndLine != 7 || f.EndColumn != 7 || f.Message != "call of Bad; call Good instead" {
		t.Errorf("finding = %+v", f)
	}
	if len(f.SuggestedFixes) != 1 || len(f.SuggestedFixes[0].Edits) != 1 {
		t.Fatalf("fixes = %+v", f.SuggestedFixes)
	}
	e := f.SuggestedFixes[0].Edits[0]
	src := []byte(badGo)
	fixed := string(src[:e.Start]) + e.NewText + string(src[e.End:])
	if e.File != "m.go" || !strings.Contains(fixed, "\tGood()\n") || strings.Contains(fixed, "\tBad()") {
		t.Errorf("applying edit %+v gives:\n%s", e, fixed)
	}
}

func TestSARIF(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"m.go": badGo,
		// A non-ASCII prefix: SARIF columns count UTF-16 code units.
		"u.go": "package m\n\nfunc U() { _ = \"é𝄞\"; Bad() }\n",
	})
	r := run(t, dir, "-format", "sarif", "./...")
	r.want(t, 1, "*")
	if err := sariftest.Validate([]byte(r.stdout)); err != nil {
		t.Fatalf("invalid SARIF: %v\n%s", err, r.stdout)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID       string `json:"id"`
						HelpURI  string `json:"helpUri"`
						FullDesc struct {
							Text string `json:"text"`
						} `json:"fullDescription"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI       string `json:"uri"`
							URIBaseID string `json:"uriBaseId"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine, StartColumn int
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
				Fixes []struct {
					ArtifactChanges []struct {
						Replacements []struct {
							DeletedRegion struct {
								ByteOffset, ByteLength int
							} `json:"deletedRegion"`
							InsertedContent struct{ Text string } `json:"insertedContent"`
						} `json:"replacements"`
					} `json:"artifactChanges"`
				} `json:"fixes"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil {
		t.Fatal(err)
	}
	run0 := log.Runs[0]
	var ids []string
	for _, rule := range run0.Tool.Driver.Rules {
		ids = append(ids, rule.ID)
		if rule.FullDesc.Text == "" || !strings.HasPrefix(rule.HelpURI, "https://") {
			t.Errorf("rule %s lacks help text or URI: %+v", rule.ID, rule)
		}
	}
	for _, want := range []string{"handlerblock", "requestpool", "shutdown", "swallowedcancel", "unsupervisedgo", "lifelint", "lifelinttest"} {
		if !slices.Contains(ids, want) {
			t.Errorf("no rule %q among %v", want, ids)
		}
	}
	if len(run0.Results) != 2 {
		t.Fatalf("results = %+v", run0.Results)
	}
	for _, res := range run0.Results {
		if ids[res.RuleIndex] != res.RuleID || res.RuleID != "lifelinttest" {
			t.Errorf("ruleId %q, ruleIndex %d (rule %q)", res.RuleID, res.RuleIndex, ids[res.RuleIndex])
		}
		loc := res.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URIBaseID != "%SRCROOT%" {
			t.Errorf("location %+v is not relative to %%SRCROOT%%", loc)
		}
		rep := res.Fixes[0].ArtifactChanges[0].Replacements[0]
		if rep.DeletedRegion.ByteLength != 3 || rep.InsertedContent.Text != "Good" {
			t.Errorf("replacement = %+v", rep)
		}
	}
	// Under -C, SARIF paths stay relative to where lifelint started.
	r = run(t, filepath.Dir(dir), "-C", filepath.Base(dir), "-format", "sarif", "./...")
	r.want(t, 1, "*")
	if want := `"uri": "` + filepath.Base(dir) + `/m.go"`; !strings.Contains(r.stdout, want) {
		t.Errorf("-C: SARIF lacks %s:\n%s", want, r.stdout)
	}
	// u.go: `func U() { _ = "é𝄞"; Bad() }`: Bad is at byte column 26,
	// UTF-16 column 23 (é is 2 bytes/1 unit, 𝄞 4 bytes/2 units).
	u := run0.Results[1].Locations[0].PhysicalLocation
	if u.ArtifactLocation.URI != "u.go" || u.Region.StartLine != 3 || u.Region.StartColumn != 23 {
		t.Errorf("u.go location = %+v, want line 3, UTF-16 column 23", u)
	}
}

func TestSuppression(t *testing.T) {
	dir := writeModule(t, map[string]string{"m.go": `package m

func Bad()  {}
func Good() {}

func use() {
	Bad() //lifelint:ignore lifelinttest a trailing directive covers its line
	//lifelint:ignore lifelinttest the line above covers the next line
	Bad()
	Bad()
	//lifelint:ignore lifelinttest
	Bad()
	//lifelint:ignore lifelinttest nothing to suppress on the next line
	Good()
	//lifelint:ignore nosuchpass,lifelinttest an unknown pass
	Bad()
	//lifelint:ignore
	Good()
	//lifelint:ignore handlerblock another pass does not cover it
	Bad()
}

// useAll is exempt as a whole.
//
//lifelint:ignore requestpool,lifelinttest fixtures call Bad on purpose
func useAll() {
	Bad()

	Bad()
}
`, "m_test.go": "package m\n\nimport \"testing\"\n\nfunc TestM(t *testing.T) {\n\tBad() //lifelint:ignore lifelinttest in a test file\n}\n"})
	want := `m.go:10:2: call of Bad; call Good instead (lifelinttest)
m.go:11:2: lifelint:ignore directive for lifelinttest has no reason; say why the finding is wrong or acceptable after the pass names (lifelint)
m.go:12:2: call of Bad; call Good instead (lifelinttest)
m.go:13:2: lifelint:ignore directive for lifelinttest suppresses nothing; remove it (lifelint)
m.go:15:2: lifelint:ignore directive names unknown pass nosuchpass (known passes: handlerblock, requestpool, shutdown, swallowedcancel, unsupervisedgo, lifelinttest) (lifelint)
m.go:16:2: call of Bad; call Good instead (lifelinttest)
m.go:17:2: lifelint:ignore directive names no pass; write //lifelint:ignore <pass>[,<pass>] <reason> (lifelint)
m.go:19:2: lifelint:ignore directive for handlerblock suppresses nothing; remove it (lifelint)
m.go:20:2: call of Bad; call Good instead (lifelinttest)
`
	run(t, dir, "./...").want(t, 1, want)
	run(t, dir, "-show-ignored", "./...").want(t, 1, want+
		"m.go:7:2: call of Bad; call Good instead (lifelinttest, ignored: a trailing directive covers its line)\n"+
		"m.go:9:2: call of Bad; call Good instead (lifelinttest, ignored: the line above covers the next line)\n"+
		"m.go:27:2: call of Bad; call Good instead (lifelinttest, ignored: fixtures call Bad on purpose)\n"+
		"m.go:29:2: call of Bad; call Good instead (lifelinttest, ignored: fixtures call Bad on purpose)\n"+
		"m_test.go:6:2: call of Bad; call Good instead (lifelinttest, ignored: in a test file)\n")
	// A directive is "unused" only when all its passes ran.
	run(t, dir, "-disable", "lifelinttest", "./...").want(t, 1,
		"m.go:11:2: lifelint:ignore directive for lifelinttest has no reason; say why the finding is wrong or acceptable after the pass names (lifelint)\n"+
			"m.go:15:2: lifelint:ignore directive names unknown pass nosuchpass (known passes: handlerblock, requestpool, shutdown, swallowedcancel, unsupervisedgo, lifelinttest) (lifelint)\n"+
			"m.go:17:2: lifelint:ignore directive names no pass; write //lifelint:ignore <pass>[,<pass>] <reason> (lifelint)\n"+
			"m.go:19:2: lifelint:ignore directive for handlerblock suppresses nothing; remove it (lifelint)\n")
	// Without test files the directive in m_test.go is not seen, and
	// suppressed SARIF results carry an inSource suppression.
	r := run(t, dir, "-test=false", "-show-ignored", "-format", "sarif", "./...")
	r.want(t, 1, "*")
	if err := sariftest.Validate([]byte(r.stdout)); err != nil {
		t.Errorf("invalid SARIF: %v", err)
	}
	if n := strings.Count(r.stdout, `"kind": "inSource"`); n != 4 {
		t.Errorf("%d suppressed SARIF results, want 4:\n%s", n, r.stdout)
	}
	// Only suppressed findings: clean.
	ok := writeModule(t, map[string]string{"m.go": "package m\n\nfunc Bad() {}\n\nfunc F() {\n\t//lifelint:ignore lifelinttest calling Bad is fine here\n\tBad()\n}\n"})
	run(t, ok, "./...").want(t, 0, "")
}

func TestConfigFile(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"m.go":                badGo,
		"gen/g.go":            "package gen\n\nfunc Bad() {}\n\nfunc G() { Bad() }\n",
		"gen/deep/d.go":       "package deep\n\nfunc Bad() {}\n\nfunc D() { Bad() }\n",
		"other/o.go":          "package other\n\nfunc Bad() {}\n\nfunc O() { Bad() }\n",
		"other/.lifelint.yml": "enable: [handlerblock]\n",
		".lifelint.yml":       "# lifelint settings\nexclude:\n  - gen/**\nblocking:\n  - \"(*example.com/m.Q).Pop\"\n",
	})
	// The nearest file counts: at the root, gen/** is excluded.
	run(t, dir, "./...").want(t, 1, badOut+"other/o.go:5:12: call of Bad; call Good instead (lifelinttest)\n")
	// In other/, its own file enables handlerblock only.
	run(t, filepath.Join(dir, "other"), "./...").want(t, 0, "")
	run(t, filepath.Join(dir, "other"), "-config", "none", "./...").want(t, 1, "o.go:5:12: call of Bad; call Good instead (lifelinttest)\n")
	// -enable on the command line wins over the file's enable.
	run(t, filepath.Join(dir, "other"), "-enable", "lifelinttest", "./...").want(t, 1, "o.go:5:12: call of Bad; call Good instead (lifelinttest)\n")

	for _, tc := range []struct{ yml, want string }{
		{"enable: [handlerblock]\nenabel: [x]\n", `.lifelint.yml: line 2: unknown key "enabel"`},
		{"exclude: [a\n", ".lifelint.yml: line "},
		{"blocking:\n  - \"not a function\"\n", `.lifelint.yml: line 2: blocking: "not a function" is not a function key`},
		{"disable: [nosuchpass]\n", `line 1: disable: unknown pass "nosuchpass"`},
		{"handlers: notalist\n", "line 1: handlers must be a list of strings"},
	} {
		bad := writeModule(t, map[string]string{"m.go": badGo, ".lifelint.yml": tc.yml})
		r := run(t, bad, "./...")
		r.want(t, 2, "")
		if !strings.Contains(r.stderr, tc.want) {
			t.Errorf("config %q: stderr = %q, want it to contain %q", tc.yml, r.stderr, tc.want)
		}
	}
}

func TestPassSelection(t *testing.T) {
	dir := writeModule(t, map[string]string{"m.go": badGo})
	run(t, dir, "-enable", "lifelinttest", "./...").want(t, 1, badOut)
	run(t, dir, "-enable", "handlerblock,requestpool", "./...").want(t, 0, "")
	run(t, dir, "-disable", "lifelinttest", "./...").want(t, 0, "")
	r := run(t, dir, "-enable", "lifelinttest", "-disable", "lifelinttest", "./...")
	r.want(t, 2, "")
	if !strings.Contains(r.stderr, "no passes left to run") {
		t.Errorf("stderr = %q", r.stderr)
	}
	// Table entries are validated and passed to the vet tool.
	run(t, dir, "-lifelintconfig.blocking=(*example.com/m.Q).Pop", "-lifelintconfig.pools=&example.com/m.Pool",
		"-lifelintconfig.handlers=func(*example.com/m.Msg) error", "./...").want(t, 1, badOut)
	r = run(t, dir, "-lifelintconfig.blocking=not a key", "./...")
	r.want(t, 2, "")
	if !strings.Contains(r.stderr, `"not a key" is not a function key`) {
		t.Errorf("stderr = %q", r.stderr)
	}
}

// TestBadInput is the bad-input table of issue 7: each row's exit code and
// message; run checks that none panics.
func TestBadInput(t *testing.T) {
	hasGCC := func() bool { _, err := exec.LookPath("gcc"); return err == nil }()
	for _, tc := range []struct {
		name   string
		files  map[string]string
		args   []string
		code   int
		stdout string // "*": anything
		stderr string // regexp
		skip   bool
	}{
		{name: "nonexistent directory pattern", files: map[string]string{"m.go": badGo}, args: []string{"./nosuchdir/..."}, code: 2, stderr: `nosuchdir`},
		{name: "nonexistent package", files: map[string]string{"m.go": badGo}, args: []string{"example.com/nosuch/pkg"}, code: 2, stderr: `example.com/nosuch/pkg`},
		{name: "type errors", files: map[string]string{"m.go": "package m\n\nfunc F() { var x int = \"s\" }\n"}, args: []string{"./..."}, code: 2, stderr: `(?m)^# example.com/m\n.*m.go:3:\d+: .*cannot use "s"`},
		{name: "type errors beside a package with findings", files: map[string]string{"m.go": badGo, "b/b.go": "package b\n\nvar V = undefinedName\n"}, args: []string{"./..."}, code: 2, stdout: badOut, stderr: `undefined: undefinedName`},
		{name: "analysis error", files: map[string]string{"m.go": badGo, "e/e.go": "package e\n\nfunc AnalysisError() {}\n"}, args: []string{"./..."}, code: 2, stdout: badOut, stderr: `(?m)^lifelint: example.com/m/e: lifelinttest: analysis error requested$`},
		{name: "syntax error", files: map[string]string{"m.go": "package m\n\nfunc {\n"}, args: []string{"./..."}, code: 2, stderr: `m.go:3:\d+: expected`},
		{name: "outside any module", files: map[string]string{"-go.mod": "", "m.go": badGo}, args: []string{"./..."}, code: 2, stderr: `main module|go.mod`},
		{name: "empty module", files: map[string]string{}, args: []string{"./..."}, code: 2, stderr: `matched no packages`},
		{name: "cgo", skip: !hasGCC, files: map[string]string{"c.go": "package m\n\n// int one(void) { return 1; }\nimport \"C\"\n\nfunc Bad() {}\n\nfunc F() int { Bad(); return int(C.one()) }\n"}, args: []string{"./..."}, code: 1, stdout: "c.go:8:16: call of Bad; call Good instead (lifelinttest)\n"},
		{name: "build tags off", files: map[string]string{"m.go": "package m\n\nfunc Bad() {}\n", "t.go": "//go:build special\n\npackage m\n\nfunc T() { Bad() }\n"}, args: []string{"./..."}, code: 0, stdout: ""},
		{name: "build tags on", files: map[string]string{"m.go": "package m\n\nfunc Bad() {}\n", "t.go": "//go:build special\n\npackage m\n\nfunc T() { Bad() }\n"}, args: []string{"-tags", "special", "./..."}, code: 1, stdout: "t.go:5:12: call of Bad; call Good instead (lifelinttest)\n"},
		{name: "generics", files: map[string]string{"g.go": "package m\n\nfunc Bad[T any](T) {}\n\ntype L[T comparable] struct{ v []T }\n\nfunc (l *L[T]) Add(v T) { Bad(v); l.v = append(l.v, v) }\n"}, args: []string{"./..."}, code: 1, stdout: "g.go:7:27: call of Bad; call Good instead (lifelinttest)\n"},
		{name: "test files by default", files: map[string]string{"m.go": "package m\n\nfunc Bad() {}\n", "m_test.go": "package m\n\nimport \"testing\"\n\nfunc TestB(t *testing.T) { Bad() }\n", "x_test.go": "package m_test\n\nimport \"testing\"\n\nfunc Bad() {}\n\nfunc TestX(t *testing.T) { Bad() }\n"}, args: []string{"./..."}, code: 1, stdout: "m_test.go:5:28: call of Bad; call Good instead (lifelinttest)\nx_test.go:7:28: call of Bad; call Good instead (lifelinttest)\n"},
		{name: "test files off", files: map[string]string{"m.go": "package m\n\nfunc Bad() {}\n", "m_test.go": "package m\n\nimport \"testing\"\n\nfunc TestB(t *testing.T) { Bad() }\n"}, args: []string{"-test=false", "./..."}, code: 0, stdout: ""},
		{name: "malformed config", files: map[string]string{"m.go": badGo, ".lifelint.yml": "enable: [handlerblock\n  disable: x\n"}, args: []string{"./..."}, code: 2, stderr: `\.lifelint\.yml: line \d+: `},
		{name: "unknown pass in -enable", files: map[string]string{"m.go": badGo}, args: []string{"-enable", "nosuchpass", "./..."}, code: 2, stderr: `unknown pass "nosuchpass" \(known passes: handlerblock, `},
		{name: "unknown pass in -disable", files: map[string]string{"m.go": badGo}, args: []string{"-disable", "nosuchpass", "./..."}, code: 2, stderr: `unknown pass "nosuchpass"`},
		{name: "unknown pass in help", files: map[string]string{}, args: []string{"help", "nosuchpass"}, code: 2, stderr: `unknown pass "nosuchpass"`},
		{name: "unknown flag", files: map[string]string{"m.go": badGo}, args: []string{"-nosuchflag", "./..."}, code: 2, stderr: `flag provided but not defined: -nosuchflag`},
		{name: "unknown format", files: map[string]string{"m.go": badGo}, args: []string{"-format", "xml", "./..."}, code: 2, stderr: `unknown -format "xml"`},
		{name: "no patterns", files: map[string]string{"m.go": badGo}, args: []string{}, code: 2, stderr: `usage: lifelint`},
		{name: "bad -C", files: map[string]string{"m.go": badGo}, args: []string{"-C", "nosuchdir", "./..."}, code: 2, stderr: `-C: chdir nosuchdir`},
		{name: "package directory named *.cfg", files: map[string]string{"x.cfg/m.go": strings.Replace(badGo, "package m", "package x", 1)}, args: []string{"./x.cfg"}, code: 1, stdout: "x.cfg/m.go:7:2: call of Bad; call Good instead (lifelinttest)\n"},
		{name: "empty -enable list", files: map[string]string{"m.go": badGo}, args: []string{"-enable", ",", "./..."}, code: 2, stderr: `-enable ",": empty pass name`},
		{name: "empty -enable", files: map[string]string{"m.go": badGo}, args: []string{"-enable=", "./..."}, code: 2, stderr: `-enable "": empty pass name`},
		{name: "empty name in -disable", files: map[string]string{"m.go": badGo}, args: []string{"-disable", "lifelinttest,", "./..."}, code: 2, stderr: `-disable "lifelinttest,": empty pass name`},
		{name: "empty -lifelintconfig.blocking", files: map[string]string{"m.go": badGo}, args: []string{"-lifelintconfig.blocking=", "./..."}, code: 2, stderr: `-lifelintconfig.blocking="": blocking: empty entry`},
		{name: "empty entry in -lifelintconfig.pools", files: map[string]string{"m.go": badGo}, args: []string{"-lifelintconfig.pools=example.com/db.Open,,", "./..."}, code: 2, stderr: `pools: empty entry`},
		{name: "empty entry in config file", files: map[string]string{"m.go": badGo, ".lifelint.yml": "blocking: [\"\"]\n"}, args: []string{"./..."}, code: 2, stderr: `\.lifelint\.yml: line 1: blocking: empty entry`},
		{name: "empty exclude in config file", files: map[string]string{"m.go": badGo, ".lifelint.yml": "exclude: [\"\"]\n"}, args: []string{"./..."}, code: 2, stderr: `\.lifelint\.yml: line 1: exclude: empty entry`},
		{name: "missing -config file", files: map[string]string{"m.go": badGo}, args: []string{"-config", "nosuch.yml", "./..."}, code: 2, stderr: `nosuch.yml`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.skip {
				t.Skip("gcc not found")
			}
			dir := writeModule(t, tc.files)
			r := run(t, dir, tc.args...)
			want := tc.stdout
			if want == "" && tc.code == 2 {
				want = "*"
			}
			r.want(t, tc.code, want)
			if tc.stderr != "" && !regexp.MustCompile(tc.stderr).MatchString(r.stderr) {
				t.Errorf("stderr does not match %q:\n%s", tc.stderr, r.stderr)
			}
		})
	}
}

// TestDeterministic runs each format twice (the second run comes from go
// vet's cache) and with the packages named in another order, and wants
// byte-identical output.
func TestDeterministic(t *testing.T) {
	files := map[string]string{"m.go": badGo}
	for _, p := range []string{"a", "b", "c", "d"} {
		files[p+"/x.go"] = "package " + p + "\n\nfunc Bad() {}\n\nfunc F() { Bad(); Bad() }\n"
		files[p+"/y_test.go"] = "package " + p + "\n\nimport \"testing\"\n\nfunc TestY(t *testing.T) { Bad() }\n"
	}
	dir := writeModule(t, files)
	for _, format := range []string{"text", "json", "sarif", "github"} {
		first := run(t, dir, "-format", format, "-show-ignored", "./...")
		second := run(t, dir, "-format", format, "-show-ignored", "./...")
		reordered := run(t, dir, "-format", format, "-show-ignored", "./d", "./c", "./b", "./a", ".")
		if first.code != 1 || first.stdout != second.stdout || first.stdout != reordered.stdout {
			t.Errorf("%s: output differs between runs (exit %d)\nfirst:\n%s\nsecond:\n%s\nreordered:\n%s", format, first.code, first.stdout, second.stdout, reordered.stdout)
		}
	}
}

// TestVetToolAndFixTool: the same binary serves go vet -vettool and go fix
// -fixtool.
func TestVetToolAndFixTool(t *testing.T) {
	bin := lifelintTestBin(t)
	dir := writeModule(t, map[string]string{"m.go": badGo})
	goCmd := func(args ...string) (string, error) {
		cmd := exec.Command("go", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=")
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	out, err := goCmd("vet", "-vettool="+bin, "./...")
	if err == nil || !strings.Contains(out, "m.go:7:2: call of Bad; call Good instead") {
		t.Errorf("go vet -vettool: err = %v, output:\n%s", err, out)
	}
	if strings.Contains(out, "lifelint:ignore") || strings.Contains(out, "lifelintignore") {
		t.Errorf("go vet -vettool printed directive reports:\n%s", out)
	}
	// Per-pass flags: -lifelinttest=false turns the pass off.
	if out, err := goCmd("vet", "-vettool="+bin, "-lifelinttest=false", "./..."); err != nil {
		t.Errorf("go vet -vettool -lifelinttest=false: %v\n%s", err, out)
	}
	flagsOut, err := exec.Command(bin, "-flags").Output()
	if err != nil {
		t.Fatal(err)
	}
	var flags []struct{ Name string }
	if err := json.Unmarshal(flagsOut, &flags); err != nil {
		t.Fatalf("-flags: %v\n%s", err, flagsOut)
	}
	var names []string
	for _, f := range flags {
		names = append(names, f.Name)
	}
	for _, want := range []string{"handlerblock", "shutdown", "unsupervisedgo", "lifelintconfig.blocking", "lifelintconfig.handlers", "lifelintconfig.pools", "lifelintignore.report", "json"} {
		if !slices.Contains(names, want) {
			t.Errorf("-flags lacks %q: %v", want, names)
		}
	}
	if v, err := exec.Command(bin, "-V=full").Output(); err != nil || !strings.Contains(string(v), "buildID=") {
		t.Errorf("-V=full = %q, %v", v, err)
	}
	if out, err := goCmd("fix", "-fixtool="+bin, "./..."); err != nil {
		t.Fatalf("go fix -fixtool: %v\n%s", err, out)
	}
	fixed, err := os.ReadFile(filepath.Join(dir, "m.go"))
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Replace(badGo, "\tBad()\n", "\tGood()\n", 1); string(fixed) != want {
		t.Errorf("after go fix:\n%s\nwant:\n%s", fixed, want)
	}
	run(t, dir, "./...").want(t, 0, "")
}

func TestHelpAndVSCode(t *testing.T) {
	dir := t.TempDir()
	r := run(t, dir, "help")
	r.want(t, 0, "*")
	for _, p := range []string{"handlerblock", "requestpool", "shutdown", "swallowedcancel", "unsupervisedgo", "lifelint"} {
		if !strings.Contains(r.stdout, "\n  "+p+" ") {
			t.Errorf("help does not list %s:\n%s", p, r.stdout)
		}
		h := run(t, dir, "help", p)
		h.want(t, 0, "*")
		if !strings.HasPrefix(h.stdout, p+": ") || !strings.Contains(h.stdout, "Docs: https://github.com/lifelint/lifelint/blob/main/docs/"+p+".md") {
			t.Errorf("help %s:\n%s", p, h.stdout)
		}
	}
	run(t, dir, "-help").want(t, 0, "")
	mod := writeModule(t, map[string]string{"m.go": badGo})
	v := run(t, mod, "-vscode", "./...")
	v.want(t, 0, badOut)
	if v.stderr != "" {
		t.Errorf("-vscode wrote to stderr: %q", v.stderr)
	}
}

// TestSuppressionGroup: handlerblock and requestpool group one root cause
// into one finding per package and callee chain, with the other call sites
// as related locations (issue 15 item 7). A directive on the reported line
// covers the whole group: nothing is reported, the related sites (here in
// another file) included, and the directive is not "unused".
func TestSuppressionGroup(t *testing.T) {
	for _, tc := range []struct{ pass, store, msg string }{
		{"handlerblock",
			"package store\n\nimport \"net\"\n\n// Lookup dials without a context.\nfunc Lookup(addr string) error {\n\tc, err := net.Dial(\"tcp\", addr)\n\tif err == nil {\n\t\tc.Close()\n\t}\n\treturn err\n}\n",
			"app/app.go:10:6: calls store.Lookup → net.Dial in net/http handler get, and at 2 more call sites (3 request paths in all"},
		{"requestpool",
			"package store\n\nimport \"database/sql\"\n\n// Lookup opens a pool at every call.\nfunc Lookup(dsn string) error {\n\tdb, err := sql.Open(\"postgres\", dsn)\n\t_ = db\n\treturn err\n}\n",
			"app/app.go:10:6: store.Lookup → sql.Open creates a database connection pool in net/http handler get, and at 2 more call sites (3 request paths in all"},
	} {
		t.Run(tc.pass, func(t *testing.T) { testSuppressionGroup(t, tc.pass, tc.store, tc.msg) })
	}
}

func testSuppressionGroup(t *testing.T, pass, store, msg string) {
	get := func(directive string) string {
		return `package app

import (
	"net/http"

	"example.com/m/store"
)

func get(w http.ResponseWriter, r *http.Request) {
` + directive + `	_ = store.Lookup("db:5432")
}

func put(w http.ResponseWriter, r *http.Request) {
	_ = store.Lookup("db:5432")
}

func Routes() {
	http.HandleFunc("/get", get)
	http.HandleFunc("/put", put)
	http.HandleFunc("/del", del)
}
`
	}
	del := "package app\n\nimport (\n\t\"net/http\"\n\n\t\"example.com/m/store\"\n)\n\nfunc del(w http.ResponseWriter, r *http.Request) {\n\t_ = store.Lookup(\"db:5432\")\n}\n"

	// Without the directive: one finding, two related sites.
	plain := writeModule(t, map[string]string{"store/store.go": store, "app/app.go": get(""), "app/del.go": del})
	r := run(t, plain, "./...")
	r.want(t, 1, "*")
	if !strings.HasPrefix(r.stdout, msg) || strings.Count(r.stdout, "\n") != 1 {
		t.Fatalf("without a directive:\n%s\nwant exactly one finding starting %q", r.stdout, msg)
	}
	var js struct {
		Findings []struct {
			Related []struct {
				File string `json:"file"`
				Line int    `json:"line"`
			} `json:"related"`
		} `json:"findings"`
		Ignored []struct {
			Line    int `json:"line"`
			Related []struct {
				File string `json:"file"`
				Line int    `json:"line"`
			} `json:"related"`
		} `json:"ignored"`
	}
	if err := json.Unmarshal([]byte(run(t, plain, "-format", "json", "./...").stdout), &js); err != nil {
		t.Fatal(err)
	}
	if len(js.Findings) != 1 || len(js.Findings[0].Related) != 2 {
		t.Fatalf("JSON findings = %+v, want one with two related sites", js.Findings)
	}

	// The directive on the line above the reported call covers the group.
	dir := writeModule(t, map[string]string{"store/store.go": store, "app/del.go": del,
		"app/app.go": get("\t//lifelint:ignore " + pass + " the store is local and answers at once\n")})
	r = run(t, dir, "./...")
	r.want(t, 0, "")
	if strings.Contains(r.stderr, "suppresses nothing") {
		t.Errorf("stderr reports the directive unused:\n%s", r.stderr)
	}
	js.Findings = nil
	if err := json.Unmarshal([]byte(run(t, dir, "-format", "json", "./...").stdout), &js); err != nil {
		t.Fatal(err)
	}
	if len(js.Findings) != 0 {
		t.Errorf("JSON findings = %+v, want none", js.Findings)
	}
	var sa struct {
		Runs []struct {
			Results []json.RawMessage `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(run(t, dir, "-format", "sarif", "./...").stdout), &sa); err != nil {
		t.Fatal(err)
	}
	if len(sa.Runs) != 1 || len(sa.Runs[0].Results) != 0 {
		t.Errorf("SARIF runs = %+v, want one with no results", sa.Runs)
	}
	// -show-ignored lists the group once, its related sites with it.
	r = run(t, dir, "-show-ignored", "./...")
	r.want(t, 0, "*")
	if strings.Count(r.stdout, "\n") != 1 || !strings.Contains(r.stdout, "ignored: the store is local and answers at once") {
		t.Errorf("-show-ignored:\n%s\nwant the one grouped finding, ignored", r.stdout)
	}
	js.Findings, js.Ignored = nil, nil
	if err := json.Unmarshal([]byte(run(t, dir, "-format", "json", "-show-ignored", "./...").stdout), &js); err != nil {
		t.Fatal(err)
	}
	if len(js.Findings) != 0 || len(js.Ignored) != 1 || js.Ignored[0].Line != 11 || len(js.Ignored[0].Related) != 2 {
		t.Errorf("JSON with -show-ignored: findings %+v, ignored %+v; want none, and one ignored at line 11 with two related sites", js.Findings, js.Ignored)
	}
}
