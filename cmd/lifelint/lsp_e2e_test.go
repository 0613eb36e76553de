package main_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
)

// lspClient drives `lifelint lsp` over stdio as an editor would.
type lspClient struct {
	t      *testing.T
	cmd    *exec.Cmd
	in     io.WriteCloser
	msgs   chan map[string]json.RawMessage
	nextID int
}

func startLSP(t *testing.T, bin, dir string, args ...string) *lspClient {
	cmd := exec.Command(bin, append([]string{"lsp", "-debounce=50ms"}, args...)...)
	cmd.Dir = dir
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	c := &lspClient{t: t, cmd: cmd, in: in, msgs: make(chan map[string]json.RawMessage, 100)}
	go func() { // joined: closes msgs when the server's stdout ends
		defer close(c.msgs)
		r := bufio.NewReader(out)
		for {
			n := -1
			for {
				line, err := r.ReadString('\n')
				if err != nil {
					return
				}
				line = strings.TrimSpace(line)
				if line == "" {
					break
				}
				if v, ok := strings.CutPrefix(line, "Content-Length:"); ok {
					n, _ = strconv.Atoi(strings.TrimSpace(v))
				}
			}
			body := make([]byte, n)
			if _, err := io.ReadFull(r, body); err != nil {
				return
			}
			var m map[string]json.RawMessage
			if err := json.Unmarshal(body, &m); err != nil {
				t.Errorf("server sent invalid JSON: %s", body)
				return
			}
			c.msgs <- m
		}
	}()
	return c
}

func (c *lspClient) send(method string, id int, params any) {
	m := map[string]any{"jsonrpc": "2.0", "method": method, "params": params}
	if id > 0 {
		m["id"] = id
	}
	data, _ := json.Marshal(m)
	fmt.Fprintf(c.in, "Content-Length: %d\r\n\r\n%s", len(data), data)
}

func (c *lspClient) request(method string, params any) json.RawMessage {
	c.nextID++
	id := c.nextID
	c.send(method, id, params)
	for m := range c.wait(30 * time.Second) {
		if string(m["id"]) == strconv.Itoa(id) {
			if e, ok := m["error"]; ok {
				c.t.Fatalf("%s: error %s", method, e)
			}
			return m["result"]
		}
	}
	c.t.Fatalf("%s: no response", method)
	return nil
}

// wait yields server messages until the timeout.
func (c *lspClient) wait(d time.Duration) func(func(map[string]json.RawMessage) bool) {
	return func(yield func(map[string]json.RawMessage) bool) {
		timeout := time.After(d)
		for {
			select {
			case m, ok := <-c.msgs:
				if !ok || !yield(m) {
					return
				}
			case <-timeout:
				return
			}
		}
	}
}

type lspRange struct {
	Start struct{ Line, Character int } `json:"start"`
	End   struct{ Line, Character int } `json:"end"`
}

type lspDiag struct {
	Range           lspRange `json:"range"`
	Code            string   `json:"code"`
	Message         string   `json:"message"`
	CodeDescription struct {
		Href string `json:"href"`
	} `json:"codeDescription"`
}

func (c *lspClient) diagnostics(uri string) []lspDiag {
	for m := range c.wait(60 * time.Second) {
		if string(m["method"]) != `"textDocument/publishDiagnostics"` {
			continue
		}
		var p struct {
			URI         string    `json:"uri"`
			Diagnostics []lspDiag `json:"diagnostics"`
		}
		if err := json.Unmarshal(m["params"], &p); err != nil {
			c.t.Fatal(err)
		}
		if p.URI == uri {
			return p.Diagnostics
		}
	}
	c.t.Fatalf("no diagnostics published for %s", uri)
	return nil
}

// utf16Col returns the UTF-16 length of s.
func utf16Col(s string) int { return len(utf16.Encode([]rune(s))) }

// applyEdits applies LSP edits (UTF-16 positions) to text.
func applyEdits(t *testing.T, text string, edits []struct {
	Range   lspRange `json:"range"`
	NewText string   `json:"newText"`
}) string {
	offset := func(line, char int) int {
		lines := strings.SplitAfter(text, "\n")
		off := 0
		for i := 0; i < line; i++ {
			off += len(lines[i])
		}
		u := utf16.Encode([]rune(lines[line]))
		return off + len(string(utf16.Decode(u[:char])))
	}
	sort.Slice(edits, func(i, j int) bool {
		a, b := edits[i].Range.Start, edits[j].Range.Start
		return a.Line > b.Line || (a.Line == b.Line && a.Character > b.Character)
	})
	for _, e := range edits {
		s, en := offset(e.Range.Start.Line, e.Range.Start.Character), offset(e.Range.End.Line, e.Range.End.Character)
		text = text[:s] + e.NewText + text[en:]
	}
	return text
}

// TestLSP is the editor end-to-end test: initialize, didOpen on a file
// with non-ASCII text before the diagnostic, exact UTF-16 ranges, a quick
// fix whose edit is correct, a didChange that clears the diagnostic, and a
// clean shutdown and exit.
func TestLSP(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs go vet")
	}
	bin := buildLifelint(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/lsp\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	const prefix = "\treturn /* Grüße 🚀 */ "
	src := "package lsp\n\nimport (\n\t\"context\"\n\t\"errors\"\n)\n\nvar _ = errors.New\n\nfunc fetch(ctx context.Context) error { return ctx.Err() }\n\n" +
		"// Canceled reports whether fetch was cancelled — ünïcödé.\nfunc Canceled(ctx context.Context) bool {\n\terr := fetch(ctx)\n" +
		prefix + "err == context.Canceled\n}\n"
	path := filepath.Join(dir, "lsp.go")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	uri := (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()

	c := startLSP(t, bin, dir)
	init := c.request("initialize", map[string]any{"processId": nil, "rootUri": (&url.URL{Scheme: "file", Path: dir}).String(), "capabilities": map[string]any{}})
	if !strings.Contains(string(init), `"codeActionProvider"`) {
		t.Fatalf("initialize result lacks codeActionProvider: %s", init)
	}
	c.send("initialized", 0, map[string]any{})

	start := time.Now()
	c.send("textDocument/didOpen", 0, map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "go", "version": 1, "text": src}})
	diags := c.diagnostics(uri)
	t.Logf("didOpen -> publishDiagnostics: %v", time.Since(start))
	var d *lspDiag
	for i := range diags {
		if diags[i].Code == "swallowedcancel" {
			d = &diags[i]
		}
	}
	if d == nil {
		t.Fatalf("no swallowedcancel diagnostic: %+v", diags)
	}
	wantLine, wantChar := 14, utf16Col(prefix)
	if d.Range.Start.Line != wantLine || d.Range.Start.Character != wantChar {
		t.Errorf("diagnostic starts at %d:%d, want %d:%d (UTF-16)", d.Range.Start.Line, d.Range.Start.Character, wantLine, wantChar)
	}
	if wantEnd := utf16Col(prefix + "err == context.Canceled"); d.Range.End.Line != wantLine || d.Range.End.Character != wantEnd {
		t.Errorf("diagnostic ends at %d:%d, want %d:%d (UTF-16)", d.Range.End.Line, d.Range.End.Character, wantLine, wantEnd)
	}
	if !strings.HasSuffix(d.CodeDescription.Href, "swallowedcancel.md") {
		t.Errorf("codeDescription = %q", d.CodeDescription.Href)
	}

	res := c.request("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": uri},
		"range":        d.Range,
		"context":      map[string]any{"diagnostics": []any{}},
	})
	var actions []struct {
		Title string `json:"title"`
		Kind  string `json:"kind"`
		Edit  struct {
			Changes map[string][]struct {
				Range   lspRange `json:"range"`
				NewText string   `json:"newText"`
			} `json:"changes"`
		} `json:"edit"`
	}
	if err := json.Unmarshal(res, &actions); err != nil || len(actions) == 0 {
		t.Fatalf("codeAction = %s (%v)", res, err)
	}
	if actions[0].Kind != "quickfix" {
		t.Errorf("action kind = %q", actions[0].Kind)
	}
	fixed := applyEdits(t, src, actions[0].Edit.Changes[uri])
	if !strings.Contains(fixed, prefix+"errors.Is(err, context.Canceled)\n") {
		t.Fatalf("quick fix produced:\n%s", fixed)
	}

	c.send("textDocument/didChange", 0, map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": 2},
		"contentChanges": []any{map[string]any{"text": fixed}},
	})
	for _, d := range c.diagnostics(uri) {
		if d.Code == "swallowedcancel" {
			t.Errorf("diagnostic not cleared after the fix: %+v", d)
		}
	}

	c.request("shutdown", nil)
	c.send("exit", 0, nil)
	done := make(chan error, 1)
	go func() { done <- c.cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("lifelint lsp exited with %v, want status 0", err)
		}
	case <-time.After(10 * time.Second):
		c.cmd.Process.Kill()
		t.Fatal("lifelint lsp did not exit")
	}
}

// TestLSPCacheAndCLI pins the two faces of one defect (issue 19): go vet
// caches a package's JSON by content but records the paths it was given,
// so an LSP run over an overlay whose buffers equal the files on disk
// used to leave JSON naming the LSP's deleted temporary files. A CLI run
// then replayed it (findings in lifelint-lsp-*/0.go that exclude and
// -test=false did not filter), and an LSP cache hit (save of an unchanged
// buffer, close and reopen) published no diagnostics at all.
func TestLSPCacheAndCLI(t *testing.T) {
	bin := lifelintTestBin(t)
	dir := writeModule(t, map[string]string{
		"m.go":          "package m\n\nfunc Good() {}\n",
		"h/h.go":        strings.Replace(badGo, "package m", "package h", 1),
		"h/h_test.go":   "package h\n\nfunc T() {\n\tBad()\n}\n",
		"k/k.go":        "package k\n\nimport \"example.com/m/h\"\n\nfunc K() { h.F() }\n",
		".lifelint.yml": "exclude: [\"h/**\"]\n",
	})
	uri := func(rel string) string {
		return (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(dir, rel))}).String()
	}
	open := func(c *lspClient, rel string) {
		text, err := os.ReadFile(filepath.Join(dir, rel))
		if err != nil {
			t.Fatal(err)
		}
		c.send("textDocument/didOpen", 0, map[string]any{"textDocument": map[string]any{"uri": uri(rel), "languageId": "go", "version": 1, "text": string(text)}})
	}
	wantBad := func(when, rel string, diags []lspDiag) {
		t.Helper()
		n := 0
		for _, d := range diags {
			if d.Code == "lifelinttest" {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%s: %d lifelinttest diagnostics on %s, want 1: %+v", when, n, rel, diags)
		}
	}

	// The editor lints h with buffers equal to the files on disk and
	// without the exclusion (-config none).
	c := startLSP(t, bin, dir, "-config=none")
	c.request("initialize", map[string]any{"processId": nil, "capabilities": map[string]any{}})
	c.send("initialized", 0, map[string]any{})
	// k first: h is analyzed as its dependency (facts only, no output).
	open(c, "k/k.go")
	if d := c.diagnostics(uri("k/k.go")); len(d) != 0 {
		t.Errorf("k/k.go: %+v, want no diagnostics", d)
	}
	open(c, "h/h.go")
	wantBad("didOpen after a dependent", "h/h.go", c.diagnostics(uri("h/h.go")))
	open(c, "h/h_test.go")
	wantBad("didOpen", "h/h_test.go", c.diagnostics(uri("h/h_test.go")))

	// Cache hits: a save of the unchanged buffer, then close and reopen.
	c.send("textDocument/didSave", 0, map[string]any{"textDocument": map[string]any{"uri": uri("h/h.go")}})
	wantBad("didSave of an unchanged buffer", "h/h.go", c.diagnostics(uri("h/h.go")))
	c.send("textDocument/didClose", 0, map[string]any{"textDocument": map[string]any{"uri": uri("h/h.go")}})
	if d := c.diagnostics(uri("h/h.go")); len(d) != 0 {
		t.Errorf("didClose: %d diagnostics, want the list cleared", len(d))
	}
	open(c, "h/h.go")
	wantBad("reopen", "h/h.go", c.diagnostics(uri("h/h.go")))
	c.request("shutdown", nil)
	c.send("exit", 0, nil)
	c.cmd.Wait()

	// The CLI afterwards reports real files only and applies its filters.
	run(t, dir, "./...").want(t, 0, "")
	run(t, dir, "-config=none", "-test=false", "./...").want(t, 1, "h/h.go:7:2: call of Bad; call Good instead (lifelinttest)\n")
	r := run(t, dir, "-config=none", "-format=json", "./...")
	if r.code != 1 || strings.Contains(r.stdout, "lifelint-lsp-") || !strings.Contains(r.stdout, filepath.Join("h", "h_test.go")) {
		t.Errorf("-format=json after the LSP: exit %d, want 1 and only real files:\n%s", r.code, r.stdout)
	}
}

// TestLSPLatencyExample measures how long diagnostics take to arrive after
// didOpen on a file of the example service whose findings cross packages
// (facts). It is a measurement for the README, not a pass/fail timing:
// run it with LIFELINT_LSP_LATENCY=1 on an otherwise idle machine.
func TestLSPLatencyExample(t *testing.T) {
	if os.Getenv("LIFELINT_LSP_LATENCY") == "" {
		t.Skip("set LIFELINT_LSP_LATENCY=1 to measure")
	}
	bin := buildLifelint(t)
	dir, err := filepath.Abs("../../testdata/example")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "internal/api/public.go")
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	uri := (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
	for i, label := range []string{"didOpen", "didOpen in a new session", "didChange (the package is re-analyzed)"} {
		c := startLSP(t, bin, dir)
		c.request("initialize", map[string]any{"processId": nil, "capabilities": map[string]any{}})
		c.send("initialized", 0, map[string]any{})
		text := string(src)
		start := time.Now()
		c.send("textDocument/didOpen", 0, map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "go", "version": 1, "text": text}})
		diags := c.diagnostics(uri)
		if i == 2 {
			start = time.Now()
			c.send("textDocument/didChange", 0, map[string]any{
				"textDocument":   map[string]any{"uri": uri, "version": 2},
				"contentChanges": []any{map[string]any{"text": text + "\n// edited\n"}},
			})
			diags = c.diagnostics(uri)
		}
		elapsed := time.Since(start)
		chain := false
		for _, d := range diags {
			chain = chain || strings.Contains(d.Message, "→")
		}
		t.Logf("%s: %d diagnostics (cross-package chain: %v) in %v", label, len(diags), chain, elapsed.Round(time.Millisecond))
		if !chain {
			t.Errorf("%s: no cross-package diagnostic", label)
		}
		c.request("shutdown", nil)
		c.send("exit", 0, nil)
		c.cmd.Wait()
	}
}
