package driver

import (
	"slices"
	"testing"
)

func TestArgs(t *testing.T) {
	known := []string{"a", "b", "c"}
	all := Options{Tool: "/bin/lifelint", Known: known, Enabled: known, Tags: "x,y", VetFlags: []string{"-lifelintconfig.blocking=p.F"}, Patterns: []string{"./..."}}
	if got, want := all.Args(), []string{"vet", "-vettool=/bin/lifelint", "-json", "-tags=x,y", "-lifelintignore.report=true", "-lifelintconfig.blocking=p.F", "./..."}; !slices.Equal(got, want) {
		t.Errorf("all passes: %q, want %q", got, want)
	}
	some := Options{Tool: "t", Known: known, Enabled: []string{"a", "c"}, Patterns: []string{"."}}
	if got, want := some.Args(), []string{"vet", "-vettool=t", "-json", "-a=true", "-c=true", "-lifelintignore=true", "-lifelintignore.report=true", "."}; !slices.Equal(got, want) {
		t.Errorf("some passes: %q, want %q", got, want)
	}
}

func TestSortAndDedupe(t *testing.T) {
	fs := []Finding{
		{Pass: "b", File: "/m/a.go", Line: 10, Col: 2, Message: "x"},
		{Pass: "a", File: "/m/a.go", Line: 10, Col: 2, Message: "x"},
		{Pass: "a", File: "/m/a.go", Line: 9, Col: 30, Message: "x"},
		{Pass: "a", File: "/m/a.go", Line: 10, Col: 2, Message: "x"}, // test variant copy
		{Pass: "a", File: "/m/a.go", Line: 2, Col: 1, Message: "x"},
	}
	got := dedupe(fs)
	var lines []int
	var passes []string
	for _, f := range got {
		lines = append(lines, f.Line)
		passes = append(passes, f.Pass)
	}
	if !slices.Equal(lines, []int{2, 9, 10, 10}) || !slices.Equal(passes, []string{"a", "a", "a", "b"}) {
		t.Errorf("dedupe: lines %v passes %v", lines, passes)
	}
}
