package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestMemoryLimit: the vet tool's soft memory limit is 1 GiB, raised to
// 80 bytes per byte of source for very large packages.
func TestMemoryLimit(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small.go")
	if err := os.WriteFile(small, make([]byte, 1000), 0o644); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big.go")
	if err := os.WriteFile(big, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(big, 20<<20); err != nil { // 20 MiB, sparse
		t.Fatal(err)
	}
	if got := memoryLimit([]string{small, filepath.Join(dir, "missing.go")}); got != 1<<30 {
		t.Errorf("small package: limit %d, want %d", got, 1<<30)
	}
	if got, want := memoryLimit([]string{small, big}), int64(80*(20<<20+1000)); got != want {
		t.Errorf("large package: limit %d, want %d", got, want)
	}
}
