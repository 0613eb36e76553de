package unstoppable

import (
	"net/http"
	"testing"
)

// Tests start servers at will: silent.
func TestServe(t *testing.T) {
	go http.ListenAndServe("127.0.0.1:0", nil)
}

func ExampleServe() {
	_ = http.ListenAndServe(":8080", nil)
}
