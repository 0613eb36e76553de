package main_test

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestTrustBoundary runs the built binary over testdata/trust/app, which
// calls a library of another module (example.com/lib, through a replace
// directive) whose context-aware Do dials without a context on a reconnect
// branch. Summaries do not cross module boundaries (issue 15: the
// knowledge tables decide for third-party code), so only the calls of the
// app's own blocking helper are reported: once, at the first call, with
// the second call as a related location in JSON and SARIF (issue 15 item 7).
func TestTrustBoundary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildLifelint(t)
	dir, err := filepath.Abs("../../testdata/trust/app")
	if err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) string {
		cmd := exec.Command(bin, append(args, "./...")...)
		cmd.Dir = dir
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		_ = cmd.Run()
		return stdout.String()
	}
	got := strings.TrimSpace(run())
	want := "main.go:14:6: calls store.Lookup → net.Dial in net/http handler (*api).get, and at 1 more call site (2 request paths in all"
	if !strings.HasPrefix(got, want) || strings.Count(got, "\n") != 0 {
		t.Errorf("lifelint ./... in testdata/trust/app:\n%s\nwant exactly one finding starting %q", got, want)
	}

	var js struct {
		Findings []struct {
			Line    int `json:"line"`
			Related []struct {
				File string `json:"file"`
				Line int    `json:"line"`
			} `json:"related"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(run("-format", "json")), &js); err != nil {
		t.Fatal(err)
	}
	if len(js.Findings) != 1 || len(js.Findings[0].Related) != 1 || js.Findings[0].Related[0].Line != 23 || js.Findings[0].Related[0].File != "main.go" {
		t.Errorf("JSON findings = %+v, want one at line 14 with main.go:23 related", js.Findings)
	}

	var sa struct {
		Runs []struct {
			Results []struct {
				RelatedLocations []struct {
					PhysicalLocation struct {
						Region struct {
							StartLine int `json:"startLine"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"relatedLocations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(run("-format", "sarif")), &sa); err != nil {
		t.Fatal(err)
	}
	if len(sa.Runs) != 1 || len(sa.Runs[0].Results) != 1 || len(sa.Runs[0].Results[0].RelatedLocations) != 1 ||
		sa.Runs[0].Results[0].RelatedLocations[0].PhysicalLocation.Region.StartLine != 23 {
		t.Errorf("SARIF results = %+v, want one with a related location at line 23", sa.Runs)
	}
}
