package handlers

import (
	"context"
	"net/http"
	"testing"
)

// Handlers in tests simulate servers; they are not request paths.
func TestSlowServer(t *testing.T) {
	h := func(w http.ResponseWriter, r *http.Request) {}
	_ = h
}

func testHelper(ctx context.Context) {}

func serveTest(w http.ResponseWriter, r *http.Request) {}
