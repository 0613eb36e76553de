package lsp

import (
	"net/url"
	"path/filepath"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// offsetToPosition converts a byte offset in text into an LSP position
// (0-based line, UTF-16 column).
func offsetToPosition(text string, off int) Position {
	off = min(max(off, 0), len(text))
	line, start := 0, 0
	for i := 0; i < off; i++ {
		if text[i] == '\n' {
			line++
			start = i + 1
		}
	}
	return Position{Line: line, Character: utf16Len(text[start:off])}
}

// lineColToOffset converts a 1-based line and 1-based byte column into a
// byte offset.
func lineColToOffset(text string, line, col int) int {
	off := 0
	for l := 1; l < line; l++ {
		nl := strings.IndexByte(text[off:], '\n')
		if nl < 0 {
			return len(text)
		}
		off += nl + 1
	}
	return min(off+max(col-1, 0), len(text))
}

// positionToOffset converts an LSP position (UTF-16 column) into a byte
// offset of text.
func positionToOffset(text string, p Position) int {
	off := 0
	for l := 0; l < p.Line; l++ {
		nl := strings.IndexByte(text[off:], '\n')
		if nl < 0 {
			return len(text)
		}
		off += nl + 1
	}
	units := 0
	for off < len(text) && text[off] != '\n' && units < p.Character {
		r, size := utf8.DecodeRuneInString(text[off:])
		units += utf16.RuneLen(r)
		off += size
	}
	return off
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += max(utf16.RuneLen(r), 1)
	}
	return n
}

// uriToPath converts a file:// URI into a local path.
func uriToPath(uri string) (string, bool) {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" {
		return "", false
	}
	return filepath.FromSlash(u.Path), true
}

// pathToURI converts a local absolute path into a file:// URI.
func pathToURI(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}

// applyChange applies one incremental or full content change.
func applyChange(text string, ch contentChange) string {
	if ch.Range == nil {
		return ch.Text
	}
	start := positionToOffset(text, ch.Range.Start)
	end := positionToOffset(text, ch.Range.End)
	if end < start {
		start, end = end, start
	}
	return text[:start] + ch.Text + text[end:]
}
