package main

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
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
