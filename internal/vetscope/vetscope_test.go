package vetscope

import (
	"os"
	"path/filepath"
	"testing"
)

func TestScopeFromArgs(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
		set  bool
	}{
		{[]string{"-json", "x.cfg"}, "", false},
		{[]string{"-json", "-lifelint.scope=example.com/b,std,example.com/a,example.com/b", "x.cfg"}, "std,example.com/a,example.com/b", true},
		{[]string{"--lifelint.scope", "example.com/a", "x.cfg"}, "example.com/a", true},
		{[]string{"x.cfg", "-lifelint.scope=example.com/a"}, "", false}, // flags come first
	} {
		s := ScopeFromArgs(tc.args)
		if s.Known != tc.set || s.String() != tc.want {
			t.Errorf("ScopeFromArgs(%q) = %+v (%q), want known=%v %q", tc.args, s, s.String(), tc.set, tc.want)
		}
	}
}

func TestSkip(t *testing.T) {
	goroot := t.TempDir()
	t.Setenv("GOROOT", goroot)
	std := &Config{Dir: filepath.Join(goroot, "src", "net", "http"), VetxOnly: true, VetxOutput: "x"}
	gopath := &Config{Dir: "/home/u/go/src/net/http", VetxOnly: true, VetxOutput: "x"}
	lib := &Config{Dir: "/mod/lib", ModulePath: "example.com/lib", VetxOnly: true, VetxOutput: "x"}
	app := &Config{Dir: "/src/app", ModulePath: "example.com/app", VetxOnly: true, VetxOutput: "x"}
	root := &Config{Dir: "/mod/lib", ModulePath: "example.com/lib", VetxOutput: "x"}
	fix := &Config{Dir: "/mod/lib", ModulePath: "example.com/lib", VetxOnly: true, VetxOutput: "x", FixArchive: "f.zip"}
	for _, tc := range []struct {
		name  string
		cfg   *Config
		scope Scope
		want  bool
	}{
		{"std, no flag", std, Scope{}, true},
		{"std, scope without std", std, ParseScope("example.com/app"), true},
		{"std, scope with std", std, ParseScope("std"), false},
		{"GOPATH package", gopath, ParseScope("example.com/app"), false},
		{"other module, no flag", lib, Scope{}, false},
		{"other module", lib, ParseScope("example.com/app"), true},
		{"module under analysis", app, ParseScope("example.com/app"), false},
		{"root package", root, ParseScope("example.com/app"), false},
		{"go fix", fix, ParseScope("example.com/app"), false},
		{"all, std", std, ParseScope("all"), false},
		{"all, other module", lib, ParseScope("all,example.com/app"), false},
	} {
		if got := tc.cfg.Skip(tc.scope); got != tc.want {
			t.Errorf("%s: Skip = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestSkipMarker(t *testing.T) {
	dir := t.TempDir()
	cfg := &Config{VetxOutput: filepath.Join(dir, "vet.out"), Stdout: filepath.Join(dir, "vet.stdout")}
	if err := cfg.WriteSkipped(); err != nil {
		t.Fatal(err)
	}
	if ok, err := isSkipped(cfg.VetxOutput); !ok || err != nil {
		t.Errorf("isSkipped(marker) = %v, %v; want true", ok, err)
	}
	if data, err := os.ReadFile(cfg.Stdout); err != nil || len(data) != 0 {
		t.Errorf("stdout = %q, %v; want an empty file", data, err)
	}
	other := filepath.Join(dir, "other.out")
	if err := os.WriteFile(other, []byte("vetx\x03\x00\x00\x00\x00\x00\x00\x00abc"), 0o666); err != nil {
		t.Fatal(err)
	}
	if ok, _ := isSkipped(other); ok {
		t.Errorf("isSkipped(real vetx) = true")
	}
}
