package sarif_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/lifelint/lifelint/internal/sarif"
	"github.com/lifelint/lifelint/internal/sarif/sariftest"
)

// TestValidate checks a log with every field lifelint writes against the
// SARIF 2.1.0 schema shipped in sariftest/testdata, and that the validator rejects
// a broken log (so the test can fail).
func TestValidate(t *testing.T) {
	log := &sarif.Log{Schema: sarif.Schema, Version: sarif.Version, Runs: []sarif.Run{{
		Tool: sarif.Tool{Driver: sarif.Driver{Name: "lifelint", InformationURI: "https://github.com/lifelint/lifelint", Rules: []sarif.Rule{{
			ID: "p", Name: "p", ShortDescription: &sarif.Message{Text: "t"}, FullDescription: &sarif.Message{Text: "d"},
			Help: &sarif.Message{Text: "h"}, HelpURI: "https://example.com/p.md", DefaultConfiguration: &sarif.RuleConfig{Level: "warning"},
		}}}},
		OriginalURIBaseIDs: map[string]sarif.ArtifactLoc{"%SRCROOT%": {URI: "file:///src/"}},
		ColumnKind:         "utf16CodeUnits",
		Results: []sarif.Result{{
			RuleID: "p", RuleIndex: 0, Level: "warning", Message: sarif.Message{Text: "m"},
			Locations: []sarif.Location{{PhysicalLocation: sarif.PhysicalLocation{
				ArtifactLocation: sarif.ArtifactLoc{URI: "a.go", URIBaseID: "%SRCROOT%"},
				Region:           &sarif.Region{StartLine: 1, StartColumn: 1, EndLine: 1, EndColumn: 4},
			}}},
			Fixes: []sarif.Fix{{Description: sarif.Message{Text: "f"}, ArtifactChanges: []sarif.ArtifactChange{{
				ArtifactLocation: sarif.ArtifactLoc{URI: "a.go", URIBaseID: "%SRCROOT%"},
				Replacements:     []sarif.Replacement{{DeletedRegion: sarif.ByteRegion(0, 3), InsertedContent: &sarif.Content{Text: "x"}}},
			}}}},
			Suppressions: []sarif.Suppression{{Kind: "inSource", Justification: "why"}},
		}},
	}}}
	var buf bytes.Buffer
	if err := sarif.Write(&buf, log); err != nil {
		t.Fatal(err)
	}
	if err := sariftest.Validate(buf.Bytes()); err != nil {
		t.Fatalf("valid log rejected: %v\n%s", err, buf.String())
	}
	// byteOffset 0 must be written, not omitted.
	if !strings.Contains(buf.String(), `"byteOffset": 0`) {
		t.Errorf("byteOffset 0 is missing:\n%s", buf.String())
	}
	broken := strings.Replace(buf.String(), `"level": "warning",
          "message"`, `"level": "loud",
          "message"`, 1)
	if broken == buf.String() {
		t.Fatal("test setup: could not break the log")
	}
	if err := sariftest.Validate([]byte(broken)); err == nil {
		t.Error("a result with level \"loud\" was accepted")
	}
}
