package main_test

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestTrustBoundary runs the built binary over testdata/trust/app, which
// calls libraries of another module (example.com/lib, through a replace
// directive). Summaries cross the module boundary only when they are
// unconditional (issue 15 items 4b and 4c: the knowledge tables decide for
// third-party code, and a library function that reaches a table entry on
// every normal path does what the entry does). lib's context-aware Do
// dials on a reconnect branch, health.Check pings on a branch and
// db.Handle opens a pool after an early return: all silent. lib's Ping
// dials on every call, health.Probe always pings, and db.Dial always opens
// a pool: reported with their chains, but only when lib is analysed for
// facts (-facts-from); under the default scope lib has none. The app's own
// helpers are reported on any path: store.Lookup once, at the first call,
// with the second call as a related location in JSON and SARIF (issue 15
// item 7), and store.Open.
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
		cmd := exec.Command(bin, args...)
		cmd.Dir = dir
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		_ = cmd.Run()
		return stdout.String()
	}
	own := []string{
		"main.go:16:6: calls store.Lookup → net.Dial in net/http handler (*api).get, and at 1 more call site (2 request paths in all",
		"main.go:36:9: store.Open → sql.Open creates a database connection pool in net/http handler (*api).status",
	}
	lib := []string{
		"main.go:31:6: calls (*client.Client).Ping → net.Dial in net/http handler (*api).status",
		"main.go:32:6: calls health.Probe → (*client.Client).Ping → net.Dial in net/http handler (*api).status",
		"main.go:34:9: db.Dial → sql.Open creates a database connection pool in net/http handler (*api).status",
	}
	check := func(args []string, want []string) {
		t.Helper()
		var got []string
		if out := strings.TrimSpace(run(args...)); out != "" {
			got = strings.Split(out, "\n")
		}
		slices.Sort(got)
		want = slices.Sorted(slices.Values(want))
		ok := len(got) == len(want)
		for i := 0; ok && i < len(want); i++ {
			ok = strings.HasPrefix(got[i], want[i])
		}
		if !ok {
			t.Errorf("lifelint %s in testdata/trust/app:\n%s\nwant one finding starting with each of\n%s",
				strings.Join(args, " "), strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	check([]string{"./..."}, own)
	check([]string{"-facts-from=example.com/lib", "./..."}, append(slices.Clip(own), lib...))
	// The exit summaries of the shutdown pass follow the same rule.
	check([]string{"-enable=shutdown", "./cmd/batch"}, nil)
	check([]string{"-enable=shutdown", "-facts-from=example.com/lib", "./cmd/batch"},
		[]string{"cmd/batch/main.go:17:2: fatal.Fail → log.Fatal after defer db.Close() exits the process"})

	var js struct {
		Findings []struct {
			Line    int `json:"line"`
			Related []struct {
				File string `json:"file"`
				Line int    `json:"line"`
			} `json:"related"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(run("-format", "json", "./...")), &js); err != nil {
		t.Fatal(err)
	}
	if len(js.Findings) != 2 || js.Findings[0].Line != 16 || len(js.Findings[0].Related) != 1 || js.Findings[0].Related[0].Line != 25 || js.Findings[0].Related[0].File != "main.go" {
		t.Errorf("JSON findings = %+v, want two, the first at line 16 with main.go:25 related", js.Findings)
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
	if err := json.Unmarshal([]byte(run("-format", "sarif", "./...")), &sa); err != nil {
		t.Fatal(err)
	}
	if len(sa.Runs) != 1 || len(sa.Runs[0].Results) != 2 || len(sa.Runs[0].Results[0].RelatedLocations) != 1 ||
		sa.Runs[0].Results[0].RelatedLocations[0].PhysicalLocation.Region.StartLine != 25 {
		t.Errorf("SARIF results = %+v, want two, the first with a related location at line 25", sa.Runs)
	}
}
