package analysistestutil_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/lifelint/lifelint/analyzers/internal/analysistestutil"
)

func TestTestData(t *testing.T) {
	got := analysistestutil.TestData(t)
	want, err := filepath.Abs("../../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Fatalf("TestData = %q, want %q", got, want)
	}
	if fi, err := os.Stat(filepath.Join(got, "src")); err != nil || !fi.IsDir() {
		t.Fatalf("%s has no src directory: %v", got, err)
	}
}
