// Package analysistestutil holds helpers shared by the passes' tests.
package analysistestutil

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const module = "github.com/lifelint/lifelint"

// TestData returns the absolute path of the repository's top-level
// testdata directory, the GOPATH-style root that analysistest.Run takes. It
// walks up from the working directory (the package under test) to the
// go.mod of module github.com/lifelint/lifelint; nested modules such as
// testdata/example are skipped.
func TestData(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if isRoot(filepath.Join(dir, "go.mod")) {
			return filepath.Join(dir, "testdata")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatalf("no go.mod of %s above the working directory", module)
		}
		dir = parent
	}
}

// isRoot reports whether the go.mod file at path declares this module.
func isRoot(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if fields := strings.Fields(sc.Text()); len(fields) == 2 && fields[0] == "module" {
			return strings.Trim(fields[1], `"`) == module
		}
	}
	return false
}
