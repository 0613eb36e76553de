package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestGoTmpDir(t *testing.T) {
	t.Run("inherit", func(t *testing.T) {
		t.Setenv("GOTMPDIR", "/somewhere")
		env, info, cleanup, err := goTmpDir("inherit")
		defer cleanup()
		if err != nil || env != nil || !strings.Contains(info, "/somewhere") {
			t.Errorf("inherit: env %q info %q err %v; want no env, info naming /somewhere", env, info, err)
		}
	})
	t.Run("dir", func(t *testing.T) {
		dir := t.TempDir()
		env, _, cleanup, err := goTmpDir(dir)
		defer cleanup()
		if err != nil || len(env) != 1 || env[0] != "GOTMPDIR="+dir {
			t.Errorf("dir: env %q err %v; want GOTMPDIR=%s", env, err, dir)
		}
		if _, err := os.Stat(dir); err != nil {
			t.Errorf("cleanup of a given directory removed it: %v", err)
		}
	})
	t.Run("bad", func(t *testing.T) {
		f := t.TempDir() + "/file"
		if err := os.WriteFile(f, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, mode := range []string{"", f, f + "/missing"} {
			if _, _, _, err := goTmpDir(mode); err == nil {
				t.Errorf("goTmpDir(%q): no error", mode)
			}
		}
	})
	t.Run("tmpfs", func(t *testing.T) {
		var st syscall.Statfs_t
		if err := syscall.Statfs(shmDir, &st); err != nil || st.Type != tmpfsMagic {
			_, _, _, err := goTmpDir("tmpfs")
			if err == nil {
				t.Errorf("goTmpDir(tmpfs) without a tmpfs at %s: no error", shmDir)
			}
			return
		}
		env, _, cleanup, err := goTmpDir("tmpfs")
		if err != nil || len(env) != 1 || !strings.HasPrefix(env[0], "GOTMPDIR="+shmDir+"/lifelint-bench-") {
			t.Fatalf("tmpfs: env %q err %v", env, err)
		}
		dir := strings.TrimPrefix(env[0], "GOTMPDIR=")
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			t.Fatalf("tmpfs: %s not made: %v", dir, err)
		}
		cleanup()
		if _, err := os.Stat(dir); !os.IsNotExist(err) {
			t.Errorf("tmpfs: cleanup left %s (%v)", dir, err)
		}
	})
}

// TestGoTmpDirSignal: a harness stopped by SIGTERM removes its tmpfs
// directory and exits 143. The test runs itself as that harness
// (BENCH_TMPDIR_CHILD), which prints the directory and waits.
func TestGoTmpDirSignal(t *testing.T) {
	if os.Getenv("BENCH_TMPDIR_CHILD") == "1" {
		env, _, _, err := goTmpDir("tmpfs")
		if err != nil {
			fmt.Println("error", err)
			os.Exit(3)
		}
		fmt.Println(strings.TrimPrefix(env[0], "GOTMPDIR="))
		time.Sleep(time.Minute)
		os.Exit(4)
	}
	var st syscall.Statfs_t
	if err := syscall.Statfs(shmDir, &st); err != nil || st.Type != tmpfsMagic {
		t.Skipf("no tmpfs at %s", shmDir)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestGoTmpDirSignal$")
	cmd.Env = append(os.Environ(), "BENCH_TMPDIR_CHILD=1")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		cmd.Process.Kill()
		t.Fatalf("child: %v", err)
	}
	dir := strings.TrimSpace(line)
	if !strings.HasPrefix(dir, shmDir+"/lifelint-bench-") {
		cmd.Process.Kill()
		t.Fatalf("child printed %q", line)
	}
	if _, err := os.Stat(dir); err != nil {
		t.Errorf("%s not made: %v", dir, err)
	}
	cmd.Process.Signal(syscall.SIGTERM)
	err = cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 128+int(syscall.SIGTERM) {
		t.Errorf("child after SIGTERM: %v, want exit status 143", err)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		os.RemoveAll(dir)
		t.Errorf("SIGTERM left %s (%v)", dir, err)
	}
}
