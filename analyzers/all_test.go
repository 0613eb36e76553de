package analyzers_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/lifelint/lifelint/analyzers"
	"github.com/lifelint/lifelint/analyzers/internal/genall"
	"golang.org/x/tools/go/analysis"
)

// TestAllIsFresh fails when all.go does not list every pass directory; run
// `go generate ./analyzers`.
func TestAllIsFresh(t *testing.T) {
	passes, err := genall.Passes(".")
	if err != nil {
		t.Fatal(err)
	}
	want, err := genall.Source(passes)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("all.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("analyzers/all.go is stale: run go generate ./analyzers")
	}
}

func TestRegistry(t *testing.T) {
	if err := analysis.Validate(append([]*analysis.Analyzer{analyzers.Config}, analyzers.All...)); err != nil {
		t.Fatal(err)
	}
	for i, a := range analyzers.All {
		m := analyzers.Metas[i]
		if a.Name != m.Name {
			t.Errorf("All[%d] = %s but Metas[%d] = %s", i, a.Name, i, m.Name)
		}
		if len(m.Title) > 80 || m.Title == "" || m.Title[len(m.Title)-1] == '.' {
			t.Errorf("%s: title %q must be 1-80 chars without a final period", a.Name, m.Title)
		}
		if a.URL == "" || a.Doc == "" {
			t.Errorf("%s: missing URL or Doc", a.Name)
		}
	}
}

func TestNew(t *testing.T) {
	got, err := analyzers.New(analyzers.Settings{Disable: []string{"requestpool"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range got {
		if a.Name == "requestpool" {
			t.Error("disabled pass returned")
		}
		for _, b := range analyzers.All {
			if a == b {
				t.Errorf("New returned the shared default instance of %s", a.Name)
			}
		}
	}
	if len(got) != len(analyzers.All)-1 {
		t.Errorf("New returned %d passes, want %d", len(got), len(analyzers.All)-1)
	}
	if err := analysis.Validate(got); err != nil {
		t.Error(err)
	}
	for _, s := range []analyzers.Settings{
		{Enable: []string{"nosuchpass"}},
		{Disable: []string{"nosuchpass"}},
		{Blocking: []string{"not a key"}},
	} {
		if _, err := analyzers.New(s); err == nil {
			t.Errorf("New(%+v): want error", s)
		}
	}
}
