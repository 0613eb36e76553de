package vetjson

import "testing"

func TestDecode(t *testing.T) {
	out := []byte(`# example.com/a
{
	"example.com/a": {
		"handlerblock": [
			{"posn": "/m/a.go:5:2", "end": "/m/a.go:5:9", "message": "b", "suggested_fixes": [{"message": "fix", "edits": [{"filename": "/m/a.go", "start": 10, "end": 12, "new": "x"}]}]},
			{"posn": "/m/a.go:3:2", "end": "/m/a.go:3:9", "message": "a"}
		]
	}
}
# example.com/b
b.go:1:1: undefined: x
{
	"example.com/b": {
		"requestpool": {"error": "boom"}
	}
}
`)
	f, errs, other := Decode(out)
	if len(f) != 2 || f[0].Message != "a" || f[1].SuggestedFixes[0].Edits[0].New != "x" {
		t.Fatalf("findings = %+v", f)
	}
	if len(errs) != 1 || errs[0] != "example.com/b: requestpool: boom" {
		t.Fatalf("errs = %v", errs)
	}
	if want := "# example.com/a\n# example.com/b\nb.go:1:1: undefined: x\n"; other != want {
		t.Fatalf("other = %q, want %q", other, want)
	}
	p, err := ParsePosn("C:/x/a.go:12:7")
	if err != nil || p.File != "C:/x/a.go" || p.Line != 12 || p.Column != 7 {
		t.Fatalf("ParsePosn = %+v, %v", p, err)
	}
}
