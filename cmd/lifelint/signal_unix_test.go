//go:build unix

package main_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// alive reports whether process pid exists and is not a zombie (in a
// container whose init does not reap, a killed child can stay a zombie).
func alive(pid int) bool {
	if syscall.Kill(pid, 0) != nil {
		return false
	}
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return !os.IsNotExist(err)
	}
	// pid (comm) state ...: the state follows the last ')'.
	s := string(stat)
	fields := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	return len(fields) == 0 || fields[0] != "Z"
}

// hangingPids waits for the lifelinttest pass to hang in a package that
// declares AnalysisHang and returns its process id and go vet's.
func hangingPids(t *testing.T, pidFile string) (tool, vet int) {
	t.Helper()
	for deadline := time.Now().Add(60 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if data, err := os.ReadFile(pidFile); err == nil && strings.HasSuffix(string(data), "\n") {
			fmt.Sscan(string(data), &tool, &vet)
			return tool, vet
		}
		if time.Now().After(deadline) {
			t.Fatal("the vet tool never started")
		}
	}
}

// wantGone fails unless both processes end within 10s (and kills them).
func wantGone(t *testing.T, when string, tool, vet int) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); alive(tool) || alive(vet); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			syscall.Kill(tool, syscall.SIGKILL)
			syscall.Kill(vet, syscall.SIGKILL)
			t.Fatalf("%s: vet tool (pid %d) alive %v, go vet (pid %d) alive %v", when, tool, alive(tool), vet, alive(vet))
		}
	}
}

// TestSignalStopsGoVet: SIGTERM or SIGINT to lifelint stops go vet and
// the vet tool process it runs, instead of leaving them orphaned (issue 19),
// and lifelint exits with status 2.
func TestSignalStopsGoVet(t *testing.T) {
	bin := lifelintTestBin(t)
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := writeModule(t, map[string]string{"m.go": "package m\n\nfunc AnalysisHang() {}\n"})
			pidFile := filepath.Join(t.TempDir(), "pids")
			cmd := exec.Command(bin, "./...")
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=", "LIFELINT_TEST_HANG="+pidFile)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer cmd.Process.Kill()
			tool, vet := hangingPids(t, pidFile)
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case err := <-done:
				if code := cmd.ProcessState.ExitCode(); code != 2 {
					t.Errorf("lifelint exited with %v (code %d), want 2; stderr:\n%s", err, code, stderr.String())
				}
			case <-time.After(20 * time.Second):
				t.Fatal("lifelint did not exit")
			}
			wantGone(t, "after "+sig.String()+" to lifelint", tool, vet)
		})
	}
}

// TestSignalStopsLSPRuns: SIGTERM to `lifelint lsp` (an editor stopping
// it) ends the server and the go vet of a lint run in progress.
func TestSignalStopsLSPRuns(t *testing.T) {
	bin := lifelintTestBin(t)
	dir := writeModule(t, map[string]string{"m.go": "package m\n\nfunc AnalysisHang() {}\n"})
	pidFile := filepath.Join(t.TempDir(), "pids")
	t.Setenv("LIFELINT_TEST_HANG", pidFile)
	c := startLSP(t, bin, dir)
	defer c.cmd.Process.Kill()
	c.request("initialize", map[string]any{"processId": nil, "capabilities": map[string]any{}})
	c.send("initialized", 0, map[string]any{})
	path := filepath.Join(dir, "m.go")
	text, _ := os.ReadFile(path)
	c.send("textDocument/didOpen", 0, map[string]any{"textDocument": map[string]any{"uri": "file://" + filepath.ToSlash(path), "languageId": "go", "version": 1, "text": string(text)}})
	tool, vet := hangingPids(t, pidFile)
	if err := c.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- c.cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("lifelint lsp did not exit")
	}
	wantGone(t, "after SIGTERM to lifelint lsp", tool, vet)
}
