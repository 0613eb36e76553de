package docmd

import "testing"

func TestMarkdown(t *testing.T) {
	got := string(Markdown("Why it matters.\n\n# Example\n\nBad:\n\n\tfunc h() {\n\t\ttime.Sleep(1)\n\n\t\tx()\n\t}\n\nGood:\n\n\tfunc h() {}\n"))
	want := "Why it matters.\n\n## Example\n\nBad:\n\n```go\nfunc h() {\n\ttime.Sleep(1)\n\n\tx()\n}\n```\n\nGood:\n\n```go\nfunc h() {}\n```\n"
	if got != want {
		t.Errorf("markdown:\n%s\nwant:\n%s", got, want)
	}
}
