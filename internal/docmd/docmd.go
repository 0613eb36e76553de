// Package docmd renders the passes' documentation (Go doc comment syntax,
// as in doc.go and Analyzer.Doc) as GitHub Markdown, for the generated
// docs pages and SARIF rule help.
package docmd

import (
	"bytes"
	"go/doc/comment"
	"regexp"
	"strings"
)

// Markdown renders Go doc comment text (headings, indented code blocks,
// lists, links) as Markdown. Indented blocks become ```go fences.
func Markdown(text string) []byte {
	var p comment.Parser
	d := p.Parse(strings.TrimSpace(text))
	pr := comment.Printer{HeadingLevel: 2}
	// GitHub does not support the {#hdr-...} heading IDs the printer adds.
	out := headingID.ReplaceAll(pr.Markdown(d), []byte("$1"))
	// comment.Printer writes code blocks indented by a tab; fence them so
	// that GitHub highlights Go.
	var b bytes.Buffer
	lines := strings.Split(string(out), "\n")
	for i := 0; i < len(lines); i++ {
		if strings.HasPrefix(lines[i], "\t") {
			b.WriteString("```go\n")
			for ; i < len(lines) && (strings.HasPrefix(lines[i], "\t") || lines[i] == "" && i+1 < len(lines) && strings.HasPrefix(lines[i+1], "\t")); i++ {
				b.WriteString(strings.TrimPrefix(lines[i], "\t"))
				b.WriteByte('\n')
			}
			b.WriteString("```\n")
			i--
			continue
		}
		b.WriteString(lines[i])
		if i < len(lines)-1 {
			b.WriteByte('\n')
		}
	}
	return b.Bytes()
}

var headingID = regexp.MustCompile(`(?m)^(#+ .*) \{#hdr-[^}]*\}$`)
