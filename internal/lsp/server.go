// Package lsp implements `lifelint lsp`, a small language server that runs
// beside gopls (which cannot load third-party analyzers, golang/go#59869)
// and publishes lifelint's diagnostics and quick fixes.
//
// Each lint run is `go vet -vettool=<lifelint> -json -overlay=<unsaved
// buffers>` on the package of the changed file: go vet loads dependencies
// from export data, keeps facts and results in the Go build cache, and so
// reuses the work of earlier runs. The runs keep cache entries of their
// own (see lint), apart from the CLI's.
package lsp

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/lifelint/lifelint/analyzers"
	"github.com/lifelint/lifelint/internal/driver"
	"github.com/lifelint/lifelint/internal/ignore"
)

// Options configure a Server.
type Options struct {
	// Driver is the template of every run: the vet tool, passes, flags,
	// exclusions (the same as the CLI's). Dir, Patterns and the overlay
	// are set per run.
	Driver driver.Options
	// Debounce delays a run after didChange; zero means 250ms.
	Debounce time.Duration
	// Log receives server logs; nil discards them.
	Log io.Writer
}

// Serve runs the server on r and w until the client sends exit or closes
// r, or ctx is done. It returns nil after a shutdown request, and an error
// otherwise (the caller should then exit with status 1, as the protocol
// asks). Every lint run, and the go vet it runs, has ended when Serve
// returns. When ctx ends it, the reading of r, which cannot be
// interrupted, may go on until the process exits: the caller should exit.
func Serve(ctx context.Context, r io.Reader, w io.Writer, opts Options) error {
	if opts.Debounce == 0 {
		opts.Debounce = 250 * time.Millisecond
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s := &Server{
		opts:  opts,
		out:   w,
		ctx:   ctx,
		docs:  map[string]*document{},
		diags: map[string][]stored{},
		runs:  map[string]*run{},
	}
	errc := make(chan error, 1)
	go func() { errc <- s.loop(bufio.NewReader(r)) }()
	var err error
	select {
	case err = <-errc:
	case <-ctx.Done():
		err = ctx.Err()
	}
	s.mu.Lock()
	s.stopping = true
	s.stopAllLocked()
	s.mu.Unlock()
	cancel()
	s.wg.Wait()
	return err
}

// Server is one LSP session.
type Server struct {
	opts Options
	ctx  context.Context
	wg   sync.WaitGroup // every lint goroutine and timer

	outMu sync.Mutex
	out   io.Writer

	mu       sync.Mutex
	docs     map[string]*document // by absolute path
	diags    map[string][]stored  // by URI, the last published set
	runs     map[string]*run      // by package directory
	shutdown bool

	initialized bool // initialize was answered; read and set by loop only
	stopping    bool // Serve is returning: schedule no more runs
}

type document struct {
	uri     string
	version int
	text    string
}

// stored is a published diagnostic and its quick fixes.
type stored struct {
	diag  Diagnostic
	fixes []CodeAction
}

// run is a scheduled or running lint of one package directory.
type run struct {
	timer  *time.Timer
	cancel context.CancelFunc
}

func (s *Server) logf(format string, args ...any) {
	fmt.Fprintf(s.opts.Log, "lifelint lsp: "+format+"\n", args...)
}

func (s *Server) loop(r *bufio.Reader) error {
	for {
		body, err := readMessage(r)
		if err != nil {
			if errors.Is(err, io.EOF) {
				return errors.New("client closed the connection without exit")
			}
			return err
		}
		var msg message
		if err := json.Unmarshal(body, &msg); err != nil {
			// JSON-RPC 2.0: a parse error is answered with "id": null.
			s.reply(nil, nil, &respError{Code: codeParseError, Message: err.Error()})
			continue
		}
		if msg.ID != nil && !validID(msg.ID) {
			s.reply(nil, nil, &respError{Code: codeInvalidRequest, Message: "id must be a number or a string"})
			continue
		}
		if msg.Method == "exit" {
			s.mu.Lock()
			down := s.shutdown
			s.mu.Unlock()
			if !down {
				return errors.New("exit before shutdown")
			}
			return nil
		}
		if msg.Method == "" {
			continue // a response to a request we never send
		}
		if !s.initialized && msg.Method != "initialize" {
			// LSP: before initialize, requests get -32002 and
			// notifications are dropped.
			if msg.ID != nil {
				s.reply(msg.ID, nil, &respError{Code: codeServerNotInit, Message: "server not initialized: send initialize first"})
			}
			continue
		}
		result, rerr := s.handle(msg)
		if msg.ID != nil {
			s.reply(msg.ID, result, rerr)
		}
	}
}

// validID reports whether id is a JSON-RPC request id: a number or a
// string (null is reserved for responses to unreadable requests).
func validID(id json.RawMessage) bool {
	var v any
	if json.Unmarshal(id, &v) != nil {
		return false
	}
	switch v.(type) {
	case float64, string:
		return true
	}
	return false
}

// maxMessage bounds the Content-Length the server accepts. Editors send
// whole files; 64 MiB is far more than any Go source file.
const maxMessage = 64 << 20

func readMessage(r *bufio.Reader) ([]byte, error) {
	length := -1
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return nil, err
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			break
		}
		if v, ok := strings.CutPrefix(line, "Content-Length:"); ok {
			n, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil || n < 0 {
				return nil, fmt.Errorf("bad Content-Length %q", v)
			}
			if n > maxMessage {
				return nil, fmt.Errorf("Content-Length %d exceeds the limit of %d bytes", n, maxMessage)
			}
			length = n
		}
	}
	if length < 0 {
		return nil, errors.New("message without Content-Length")
	}
	body := make([]byte, length)
	_, err := io.ReadFull(r, body)
	return body, err
}

func (s *Server) write(msg message) {
	msg.JSONRPC = "2.0"
	data, err := json.Marshal(msg)
	if err != nil {
		s.logf("marshal: %v", err)
		return
	}
	s.outMu.Lock()
	defer s.outMu.Unlock()
	fmt.Fprintf(s.out, "Content-Length: %d\r\n\r\n%s", len(data), data)
}

func (s *Server) reply(id json.RawMessage, result any, rerr *respError) {
	if id == nil {
		id = json.RawMessage("null")
	}
	if rerr == nil && result == nil {
		result = json.RawMessage("null")
	}
	s.write(message{ID: id, Result: result, Error: rerr})
}

func (s *Server) notify(method string, params any) {
	raw, _ := json.Marshal(params)
	s.write(message{Method: method, Params: raw})
}

func (s *Server) handle(msg message) (any, *respError) {
	s.mu.Lock()
	down := s.shutdown
	s.mu.Unlock()
	if down && msg.ID != nil {
		return nil, &respError{Code: codeRequestAfterShutdn, Message: "server is shut down"}
	}
	switch msg.Method {
	case "initialize":
		if s.initialized {
			return nil, &respError{Code: codeInvalidRequest, Message: "initialize was already called"}
		}
		s.initialized = true
		return map[string]any{
			"capabilities": map[string]any{
				"positionEncoding": "utf-16",
				"textDocumentSync": map[string]any{
					"openClose": true,
					"change":    2, // incremental
					"save":      map[string]any{"includeText": false},
				},
				"codeActionProvider": map[string]any{"codeActionKinds": []string{"quickfix"}},
			},
			"serverInfo": map[string]any{"name": "lifelint"},
		}, nil
	case "initialized", "$/setTrace", "workspace/didChangeConfiguration", "workspace/didChangeWatchedFiles":
		return nil, nil
	case "shutdown":
		s.mu.Lock()
		s.shutdown = true
		s.stopAllLocked()
		s.mu.Unlock()
		s.wg.Wait()
		return nil, nil
	case "textDocument/didOpen":
		var p didOpenParams
		if err := json.Unmarshal(msg.Params, &p); err != nil {
			return nil, invalid(err)
		}
		s.update(p.TextDocument.URI, p.TextDocument.Version, func(string) string { return p.TextDocument.Text }, 0)
	case "textDocument/didChange":
		var p didChangeParams
		if err := json.Unmarshal(msg.Params, &p); err != nil {
			return nil, invalid(err)
		}
		s.update(p.TextDocument.URI, p.TextDocument.Version, func(text string) string {
			for _, ch := range p.ContentChanges {
				text = applyChange(text, ch)
			}
			return text
		}, s.opts.Debounce)
	case "textDocument/didSave":
		var p didSaveParams
		if err := json.Unmarshal(msg.Params, &p); err != nil {
			return nil, invalid(err)
		}
		s.update(p.TextDocument.URI, -1, func(text string) string {
			if p.Text != nil {
				return *p.Text
			}
			return text
		}, 0)
	case "textDocument/didClose":
		var p didCloseParams
		if err := json.Unmarshal(msg.Params, &p); err != nil {
			return nil, invalid(err)
		}
		if path, ok := uriToPath(p.TextDocument.URI); ok {
			s.mu.Lock()
			delete(s.docs, path)
			delete(s.diags, p.TextDocument.URI)
			s.mu.Unlock()
			s.notify("textDocument/publishDiagnostics", publishDiagnosticsParams{URI: p.TextDocument.URI, Diagnostics: []Diagnostic{}})
		}
	case "textDocument/codeAction":
		var p codeActionParams
		if err := json.Unmarshal(msg.Params, &p); err != nil {
			return nil, invalid(err)
		}
		return s.codeActions(p), nil
	default:
		if msg.ID != nil {
			return nil, &respError{Code: codeMethodNotFound, Message: "method not supported: " + msg.Method}
		}
	}
	return nil, nil
}

func invalid(err error) *respError {
	return &respError{Code: codeInvalidParams, Message: err.Error()}
}

// update changes a document and schedules a lint of its package.
func (s *Server) update(uri string, version int, edit func(string) string, delay time.Duration) {
	path, ok := uriToPath(uri)
	if !ok || !strings.HasSuffix(path, ".go") {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[path]
	if d == nil {
		d = &document{uri: uri}
		if data, err := os.ReadFile(path); err == nil {
			d.text = string(data)
		}
		s.docs[path] = d
	}
	d.text = edit(d.text)
	if version >= 0 {
		d.version = version
	}
	s.schedule(filepath.Dir(path), delay)
}

// schedule (re)starts the lint of dir after delay, cancelling any earlier
// run of it. s.mu is held.
func (s *Server) schedule(dir string, delay time.Duration) {
	if s.stopping {
		return
	}
	if old := s.runs[dir]; old != nil {
		s.stopRun(old)
	}
	ctx, cancel := context.WithCancel(s.ctx)
	r := &run{cancel: cancel}
	s.runs[dir] = r
	s.wg.Add(1)
	r.timer = time.AfterFunc(delay, func() {
		defer s.wg.Done()
		s.lint(ctx, dir)
	})
}

// stopAllLocked cancels every scheduled or running lint. s.mu is held.
func (s *Server) stopAllLocked() {
	for dir, r := range s.runs {
		s.stopRun(r)
		delete(s.runs, dir)
	}
}

// stopRun cancels r; if its timer had not fired, it releases the timer's
// WaitGroup slot itself. s.mu is held.
func (s *Server) stopRun(r *run) {
	r.cancel()
	if r.timer.Stop() {
		s.wg.Done()
	}
}

// lint runs go vet on dir with the open buffers as an overlay and
// publishes the diagnostics of every open file of that package.
func (s *Server) lint(ctx context.Context, dir string) {
	start := time.Now()
	tmp, err := os.MkdirTemp("", "lifelint-lsp-")
	if err != nil {
		s.logf("%v", err)
		return
	}
	defer os.RemoveAll(tmp)

	// Snapshot the open documents.
	s.mu.Lock()
	snap := map[string]document{}
	for path, d := range s.docs {
		snap[path] = *d
	}
	s.mu.Unlock()

	// Each buffer goes into the overlay as <tmp>/<key of its path>/<its
	// name>; the buffers of the package linted get overlayMark appended.
	// go vet keys its cache by content but records the overlay file's
	// path in the cached JSON, so:
	//   - the mark gives the package a content no file on disk has, and
	//     the runs use their own cache entries (Driver.CacheKey): the CLI
	//     (or go vet) can never replay a result that names our deleted
	//     temporary files (issue 19);
	//   - a package linted for itself always has a marked buffer and a
	//     dependency never has one, so the facts-only cache entry of a
	//     dependency (which has no output) is never taken for the result
	//     of the package linted;
	//   - on a cache hit (a save of an unchanged buffer, close and reopen,
	//     undo) the JSON names the files of an earlier run, whose
	//     directory keys are the same as ours: real maps them back.
	replace := map[string]string{}
	byKey := map[string]string{}
	for _, path := range slices.Sorted(maps.Keys(snap)) {
		key := overlayKey(path)
		f := filepath.Join(tmp, key, filepath.Base(path))
		if err := os.MkdirAll(filepath.Dir(f), 0o700); err != nil {
			s.logf("%v", err)
			return
		}
		text := snap[path].text
		if filepath.Dir(path) == dir {
			text += overlayMark
		}
		if err := os.WriteFile(f, []byte(text), 0o600); err != nil {
			s.logf("%v", err)
			return
		}
		replace[path] = f
		byKey[key] = path
	}
	overlay := filepath.Join(tmp, "overlay.json")
	data, _ := json.Marshal(map[string]any{"Replace": replace})
	if err := os.WriteFile(overlay, data, 0o600); err != nil {
		s.logf("%v", err)
		return
	}
	real := func(file string) string {
		if p, ok := byKey[filepath.Base(filepath.Dir(file))]; ok && filepath.Base(p) == filepath.Base(file) {
			return p
		}
		return file
	}
	opts := s.opts.Driver
	opts.Dir, opts.Patterns = dir, []string{"."}
	opts.CacheKey = lspCacheKey
	opts.VetFlags = append([]string{"-overlay=" + overlay}, opts.VetFlags...)
	opts.Stderr = nil
	if ex := s.opts.Driver.Exclude; ex != nil {
		opts.Exclude = func(file string) bool { return ex(real(file)) }
	}
	res, err := driver.Run(ctx, opts)
	if ctx.Err() != nil {
		return // superseded by a newer change, or shutting down
	}
	if err != nil {
		s.logf("%s: %v", dir, err)
		return
	}
	for _, e := range res.Errors {
		s.logf("%s", e)
	}
	findings := res.Findings
	if res.VetFailed && len(findings) == 0 {
		// Build or type errors: gopls shows them; keep the last diagnostics.
		s.logf("%s: go vet failed (build or type errors)", dir)
		return
	}

	text := func(path string) string {
		if d, ok := snap[path]; ok {
			return d.text
		}
		data, _ := os.ReadFile(path)
		return string(data)
	}
	byPath := map[string][]stored{}
	for _, f := range findings {
		path := real(f.File)
		if filepath.Dir(path) != dir {
			continue
		}
		t := text(path)
		rng := Range{
			Start: offsetToPosition(t, lineColToOffset(t, f.Line, f.Col)),
			End:   offsetToPosition(t, lineColToOffset(t, f.EndLine, f.EndCol)),
		}
		diag := Diagnostic{
			Range:           rng,
			Severity:        2,
			Code:            f.Pass,
			CodeDescription: docsLink(f.Pass),
			Source:          "lifelint",
			Message:         f.Message,
		}
		for _, rel := range f.Related {
			rp := real(rel.File)
			rt := text(rp)
			pos := offsetToPosition(rt, lineColToOffset(rt, rel.Line, rel.Col))
			diag.RelatedInformation = append(diag.RelatedInformation, RelatedInformation{
				Location: Location{URI: pathToURI(rp), Range: Range{Start: pos, End: pos}}, Message: rel.Message})
		}
		st := stored{diag: diag}
		for _, fix := range f.Fixes {
			changes := map[string][]TextEdit{}
			for _, e := range fix.Edits {
				ep := real(e.File)
				et := text(ep)
				changes[pathToURI(ep)] = append(changes[pathToURI(ep)], TextEdit{
					Range:   Range{Start: offsetToPosition(et, e.Start), End: offsetToPosition(et, e.End)},
					NewText: e.New,
				})
			}
			st.fixes = append(st.fixes, CodeAction{
				Title:       fix.Message,
				Kind:        "quickfix",
				Diagnostics: []Diagnostic{diag},
				IsPreferred: len(f.Fixes) == 1,
				Edit:        WorkspaceEdit{Changes: changes},
			})
		}
		byPath[path] = append(byPath[path], st)
	}

	// Publish for every open file of the package (clearing fixed ones) and
	// for closed files that have findings.
	targets := map[string]bool{}
	for path := range snap {
		if filepath.Dir(path) == dir {
			targets[path] = true
		}
	}
	for path := range byPath {
		targets[path] = true
	}
	s.mu.Lock()
	if ctx.Err() != nil {
		s.mu.Unlock()
		return
	}
	type pub struct {
		params publishDiagnosticsParams
	}
	var pubs []pub
	for _, path := range slices.Sorted(maps.Keys(targets)) {
		uri := pathToURI(path)
		var version *int
		if d, ok := snap[path]; ok {
			uri = d.uri
			v := d.version
			version = &v
			if cur := s.docs[path]; cur == nil || cur.version != d.version {
				continue // edited since the snapshot: a newer run will publish
			}
		}
		list := byPath[path]
		s.diags[uri] = list
		diags := make([]Diagnostic, 0, len(list))
		for _, st := range list {
			diags = append(diags, st.diag)
		}
		pubs = append(pubs, pub{publishDiagnosticsParams{URI: uri, Version: version, Diagnostics: diags}})
	}
	s.mu.Unlock()
	for _, p := range pubs {
		s.notify("textDocument/publishDiagnostics", p.params)
	}
	s.logf("%s: %d diagnostics in %v", dir, len(findings), time.Since(start).Round(time.Millisecond))
}

// lspCacheKey gives the server's go vet runs cache entries apart from
// the CLI's (see lint).
const lspCacheKey = "lsp"

// overlayMark is appended to every buffer in the overlay (see lint). It
// is a plain comment on a line of its own after the last line, so it
// moves no position and changes no meaning.
const overlayMark = "\n// lifelint lsp buffer\n"

// overlayKey names the overlay directory of the buffer of path: the same
// in every run and every server, different for different paths.
func overlayKey(path string) string {
	sum := sha256.Sum256([]byte(path))
	return "b" + hex.EncodeToString(sum[:8])
}

// codeActions returns the quick fixes of the diagnostics that overlap the
// requested range.
func (s *Server) codeActions(p codeActionParams) []CodeAction {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []CodeAction{}
	for _, st := range s.diags[p.TextDocument.URI] {
		if before(st.diag.Range.End, p.Range.Start) || before(p.Range.End, st.diag.Range.Start) {
			continue
		}
		out = append(out, st.fixes...)
	}
	return out
}

func before(a, b Position) bool {
	return a.Line < b.Line || (a.Line == b.Line && a.Character < b.Character)
}

// docsLink returns the docs page of the named pass.
func docsLink(pass string) *CodeDescription {
	if pass == ignore.Pass {
		return &CodeDescription{Href: ignore.DocsURL}
	}
	for _, a := range analyzers.All {
		if a.Name == pass && a.URL != "" {
			return &CodeDescription{Href: a.URL}
		}
	}
	return nil
}
