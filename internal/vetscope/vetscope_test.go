package vetscope

import (
	"encoding/json"
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
	if _, err := os.Stat(cfg.Stdout); !os.IsNotExist(err) {
		t.Errorf("stdout file: %v; want none (cmd/go would cache and replay it)", err)
	}
	other := filepath.Join(dir, "other.out")
	if err := os.WriteFile(other, []byte("vetx\x03\x00\x00\x00\x00\x00\x00\x00abc"), 0o666); err != nil {
		t.Fatal(err)
	}
	if ok, _ := isSkipped(other); ok {
		t.Errorf("isSkipped(real vetx) = true")
	}
}

// TestPrepareStdout: a facts-only run gets a config without the stdout
// file (cmd/go would cache the empty file and replay it on every rerun);
// a run for diagnostics keeps it, and a config that needs no change is
// used as it is.
func TestPrepareStdout(t *testing.T) {
	for _, tc := range []struct {
		name       string
		vetxOnly   bool
		wantCopy   bool
		wantStdout bool
	}{
		{"facts only", true, true, false},
		{"diagnostics", false, false, true},
	} {
		dir := filepath.Join(t.TempDir(), "b001")
		if err := os.Mkdir(dir, 0o777); err != nil {
			t.Fatal(err)
		}
		in := map[string]any{
			"ID": "example.com/a", "ImportPath": "example.com/a", "GoFiles": []string{"a.go"},
			"PackageVetx": map[string]string{}, "VetxOnly": tc.vetxOnly,
			"VetxOutput": filepath.Join(dir, "vet.out"), "Stdout": filepath.Join(dir, "vet.stdout"),
		}
		data, err := json.Marshal(in)
		if err != nil {
			t.Fatal(err)
		}
		cfgFile := filepath.Join(dir, "vet.cfg")
		if err := os.WriteFile(cfgFile, data, 0o666); err != nil {
			t.Fatal(err)
		}
		cfg, err := ReadConfig(cfgFile)
		if err != nil {
			t.Fatal(err)
		}
		got, err := Prepare(cfgFile, cfg)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if (got != cfgFile) != tc.wantCopy {
			t.Errorf("%s: Prepare = %s; want a copy: %v", tc.name, got, tc.wantCopy)
		}
		out, err := ReadConfig(got)
		if err != nil {
			t.Fatal(err)
		}
		if (out.Stdout != "") != tc.wantStdout {
			t.Errorf("%s: Stdout = %q; want one: %v", tc.name, out.Stdout, tc.wantStdout)
		}
		if out.ID != cfg.ID || out.VetxOutput != cfg.VetxOutput || out.VetxOnly != cfg.VetxOnly || len(out.GoFiles) != 1 {
			t.Errorf("%s: the copy changed other fields: %+v", tc.name, out)
		}
		if _, err := os.Stat(filepath.Join(filepath.Dir(dir), "lifelint-types")); !os.IsNotExist(err) {
			t.Errorf("%s: made the shared types directory with no skipped import (%v)", tc.name, err)
		}
	}
}
