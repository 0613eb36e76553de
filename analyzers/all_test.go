package analyzers_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lifelint/lifelint/analyzers"
	"github.com/lifelint/lifelint/analyzers/internal/genall"
	"github.com/lifelint/lifelint/analyzers/internal/registry"
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

// TestRegistry checks what the generated lists cannot guarantee: that
// each pass's metadata agrees with its analyzer and its doc.go, and that
// the lists are sorted and aligned.
func TestRegistry(t *testing.T) {
	if err := analysis.Validate(append([]*analysis.Analyzer{analyzers.Config}, analyzers.All...)); err != nil {
		t.Fatal(err)
	}
	if len(analyzers.Metas) != len(analyzers.All) {
		t.Fatalf("%d Metas for %d passes", len(analyzers.Metas), len(analyzers.All))
	}
	// Enable every pass by name: the default set leaves out opt-in ones.
	fresh, err := analyzers.New(analyzers.Settings{Enable: analyzers.Names()})
	if err != nil {
		t.Fatal(err)
	}
	for i, a := range analyzers.All {
		m := analyzers.Metas[i]
		if i > 0 && analyzers.All[i-1].Name >= a.Name {
			t.Errorf("All is not sorted by name: %s before %s", analyzers.All[i-1].Name, a.Name)
		}
		if a.Name != m.Name || fresh[i].Name != a.Name {
			t.Errorf("All[%d] = %s, Metas[%d] = %s, New()[%d] = %s: the lists disagree", i, a.Name, i, m.Name, i, fresh[i].Name)
		}
		// The title is the first line of the doc (doc.go's "<name>: <title>").
		if first, _, _ := strings.Cut(a.Doc, "\n"); m.Title != first {
			t.Errorf("%s: Meta.Title %q differs from the title in doc.go %q", a.Name, m.Title, first)
		}
		if len(m.Title) > 80 || m.Title == "" || m.Title[len(m.Title)-1] == '.' {
			t.Errorf("%s: title %q must be 1-80 chars without a final period", a.Name, m.Title)
		}
		if m.Severity != registry.Error && m.Severity != registry.Warning {
			t.Errorf("%s: severity %q is neither error nor warning", a.Name, m.Severity)
		}
		if a.URL != registry.URL(a.Name) {
			t.Errorf("%s: URL %s, want %s", a.Name, a.URL, registry.URL(a.Name))
		}
		if _, err := os.Stat(filepath.Join("..", "docs", a.Name+".md")); err != nil {
			t.Errorf("%s: no docs page: %v", a.Name, err)
		}
		if strings.TrimSpace(strings.TrimPrefix(a.Doc, m.Title)) == "" {
			t.Errorf("%s: Doc has a title and no body", a.Name)
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
	// Every default pass but the disabled one; opt-in passes stay off.
	want := -1
	for _, m := range analyzers.Metas {
		if !m.NonDefault {
			want++
		}
	}
	if len(got) != want {
		t.Errorf("New returned %d passes, want %d", len(got), want)
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
