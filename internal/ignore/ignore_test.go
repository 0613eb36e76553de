package ignore

import (
	"slices"
	"testing"
)

func TestParseReport(t *testing.T) {
	for _, tc := range []struct {
		msg      string
		ok       bool
		passes   []string
		reason   string
		from, to int
	}{
		{"line //lifelint:ignore a,b  why  not", true, []string{"a", "b"}, "why not", 10, 11},
		{"func //lifelint:ignore a\twhole function", true, []string{"a"}, "whole function", 10, 30},
		{"line //lifelint:ignore a", true, []string{"a"}, "", 10, 11},
		{"line //lifelint:ignore", true, nil, "", 10, 11},
		{"line //lifelint:ignorex a b", false, nil, "", 0, 0},
		{"line // lifelint:ignore a b", false, nil, "", 0, 0},
		{"other //lifelint:ignore a b", false, nil, "", 0, 0},
	} {
		d, ok := ParseReport("f.go", 10, 2, 30, tc.msg)
		if ok != tc.ok {
			t.Errorf("%q: ok = %v", tc.msg, ok)
			continue
		}
		if ok && (!slices.Equal(d.Passes, tc.passes) || d.Reason != tc.reason || d.FromLine != tc.from || d.ToLine != tc.to) {
			t.Errorf("%q: got %+v", tc.msg, d)
		}
	}
}

func TestMatcher(t *testing.T) {
	parse := func(line int, msg string) Directive {
		d, ok := ParseReport("f.go", line, 1, line+5, msg)
		if !ok {
			t.Fatalf("ParseReport(%q) failed", msg)
		}
		return d
	}
	ds := []Directive{
		parse(1, "line //lifelint:ignore p one"),
		parse(1, "line //lifelint:ignore p one"), // the test variant's copy
		parse(10, "func //lifelint:ignore p,q two"),
		parse(20, "line //lifelint:ignore p"),
		parse(30, "line //lifelint:ignore zz,p three"),
		parse(40, "line //lifelint:ignore q unused"),
	}
	m := NewMatcher(ds, []string{"p", "q"})
	for _, tc := range []struct {
		d      Diagnostic
		reason string
		ok     bool
	}{
		{Diagnostic{"p", "f.go", 2, 1}, "one", true},
		{Diagnostic{"q", "f.go", 2, 1}, "", false},
		{Diagnostic{"p", "g.go", 2, 1}, "", false},
		{Diagnostic{"q", "f.go", 15, 1}, "two", true},
		{Diagnostic{"p", "f.go", 21, 1}, "", false}, // no reason: suppresses nothing
		{Diagnostic{"p", "f.go", 31, 1}, "", false}, // unknown pass: suppresses nothing
	} {
		reason, ok := m.Suppressed(tc.d)
		if reason != tc.reason || ok != tc.ok {
			t.Errorf("Suppressed(%+v) = %q, %v", tc.d, reason, ok)
		}
	}
	var got []int
	for _, p := range m.Problems([]string{"p", "q"}, nil) {
		got = append(got, p.Line)
	}
	if want := []int{20, 30, 40}; !slices.Equal(got, want) {
		t.Errorf("problems at lines %v, want %v", got, want)
	}
	// q did not run: the unused q directive is not reported.
	got = nil
	for _, p := range m.Problems([]string{"p"}, func(string) bool { return false }) {
		got = append(got, p.Line)
	}
	if want := []int{20, 30}; !slices.Equal(got, want) {
		t.Errorf("problems with only p run at lines %v, want %v", got, want)
	}
	if ps := m.Problems([]string{"p", "q"}, func(string) bool { return true }); len(ps) != 0 {
		t.Errorf("problems in skipped files: %+v", ps)
	}
}
