package lsp

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"
)

// frame returns body as an LSP message.
func frame(body string) string {
	return fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body)
}

// serve runs a server on input until it ends and returns its error and
// the messages it wrote.
func serve(t *testing.T, input string) (error, []map[string]json.RawMessage) {
	t.Helper()
	var out bytes.Buffer
	errc := make(chan error, 1)
	go func() { errc <- Serve(context.Background(), strings.NewReader(input), &out, Options{}) }()
	var err error
	select {
	case err = <-errc:
	case <-time.After(10 * time.Second):
		t.Fatal("server did not return")
	}
	var msgs []map[string]json.RawMessage
	r := bufio.NewReader(&out)
	for {
		body, rerr := readMessage(r)
		if rerr == io.EOF {
			break
		}
		if rerr != nil {
			t.Fatalf("server wrote a bad frame: %v", rerr)
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal(body, &m); err != nil {
			t.Fatalf("server wrote invalid JSON %s", body)
		}
		msgs = append(msgs, m)
	}
	return err, msgs
}

func errorCode(t *testing.T, m map[string]json.RawMessage) int {
	t.Helper()
	var e struct{ Code int }
	if err := json.Unmarshal(m["error"], &e); err != nil {
		t.Fatalf("response without error: %v", m)
	}
	return e.Code
}

const initReq = `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`

// TestRequestBeforeInitialize: a request before initialize gets -32002,
// a notification is dropped, and initialize still works afterwards.
func TestRequestBeforeInitialize(t *testing.T) {
	_, msgs := serve(t, frame(`{"jsonrpc":"2.0","id":7,"method":"textDocument/codeAction","params":{}}`)+
		frame(`{"jsonrpc":"2.0","method":"textDocument/didClose","params":{"textDocument":{"uri":"file:///x.go"}}}`)+
		frame(initReq))
	if len(msgs) != 2 {
		t.Fatalf("got %d messages, want 2: %v", len(msgs), msgs)
	}
	if string(msgs[0]["id"]) != "7" || errorCode(t, msgs[0]) != codeServerNotInit {
		t.Errorf("request before initialize: got %v, want error %d for id 7", msgs[0], codeServerNotInit)
	}
	if string(msgs[1]["id"]) != "1" || msgs[1]["result"] == nil {
		t.Errorf("initialize after the refused request: got %v", msgs[1])
	}
}

// TestSecondInitialize: initialize is accepted once.
func TestSecondInitialize(t *testing.T) {
	_, msgs := serve(t, frame(initReq)+frame(strings.Replace(initReq, `"id":1`, `"id":2`, 1)))
	if len(msgs) != 2 {
		t.Fatalf("got %d messages, want 2: %v", len(msgs), msgs)
	}
	if _, ok := msgs[0]["error"]; ok {
		t.Errorf("first initialize failed: %v", msgs[0])
	}
	if string(msgs[1]["id"]) != "2" || errorCode(t, msgs[1]) != codeInvalidRequest {
		t.Errorf("second initialize: got %v, want error %d", msgs[1], codeInvalidRequest)
	}
}

// TestParseErrorHasNullID: JSON-RPC 2.0 answers an unreadable message
// with "id": null, and the server keeps going.
func TestParseErrorHasNullID(t *testing.T) {
	_, msgs := serve(t, frame(`{"jsonrpc":`)+frame(initReq))
	if len(msgs) != 2 {
		t.Fatalf("got %d messages, want 2: %v", len(msgs), msgs)
	}
	id, ok := msgs[0]["id"]
	if !ok || string(id) != "null" || errorCode(t, msgs[0]) != codeParseError {
		t.Errorf("parse error response = %v, want \"id\": null and code %d", msgs[0], codeParseError)
	}
}

// TestObjectID: an id that is neither a number nor a string is an
// invalid request, answered with "id": null rather than echoed.
func TestObjectID(t *testing.T) {
	for _, id := range []string{`{"a":1}`, `[1]`, `true`} {
		_, msgs := serve(t, frame(initReq)+frame(`{"jsonrpc":"2.0","id":`+id+`,"method":"shutdown"}`))
		if len(msgs) != 2 {
			t.Fatalf("id %s: got %d messages, want 2: %v", id, len(msgs), msgs)
		}
		if string(msgs[1]["id"]) != "null" || errorCode(t, msgs[1]) != codeInvalidRequest {
			t.Errorf("id %s: response = %v, want \"id\": null and code %d", id, msgs[1], codeInvalidRequest)
		}
	}
	// String ids are echoed as they came.
	_, msgs := serve(t, frame(strings.Replace(initReq, `"id":1`, `"id":"a-1"`, 1)))
	if len(msgs) != 1 || string(msgs[0]["id"]) != `"a-1"` {
		t.Errorf("string id: %v", msgs)
	}
}

// TestHugeContentLength: a Content-Length the server will not allocate
// ends the session with an error instead of a panic or an out-of-memory
// kill; a negative one too.
func TestHugeContentLength(t *testing.T) {
	for _, n := range []string{"100000000000", strconv.Itoa(maxMessage + 1), "9223372036854775807", "-5"} {
		err, msgs := serve(t, "Content-Length: "+n+"\r\n\r\n{}")
		if err == nil || !strings.Contains(err.Error(), "Content-Length") {
			t.Errorf("Content-Length %s: Serve returned %v, want a Content-Length error", n, err)
		}
		if len(msgs) != 0 {
			t.Errorf("Content-Length %s: server wrote %v", n, msgs)
		}
	}
}
