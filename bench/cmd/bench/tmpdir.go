package main

import (
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
)

// shmDir is where the tmpfs GOTMPDIR goes.
const shmDir = "/dev/shm"

// tmpfsMagic is the statfs f_type of a tmpfs (linux/magic.h).
const tmpfsMagic = 0x01021994

// goTmpDir returns the environment that sets GOTMPDIR for every measured
// run, a description for the report, and a function that removes the
// directory it made. A directory it makes on the tmpfs (memory) is also
// removed when the harness is stopped by SIGINT, SIGTERM or SIGHUP.
//
// Every go vet run, warm or cold, creates one object directory per vet
// action in its work directory and deletes the tree at exit (3947 on the
// full set). On an ext4 /tmp the next run's mkdir then pays ext4's check
// for recently deleted inodes (ext4_mkdir → recently_deleted, 11% of the
// samples of one warm go vet), so a measurement's cost depends on what
// the run before it deleted, not only on the tool measured: warm figures
// drifted up rerun after rerun and differed by a second between tools
// whose warm costs are equal on a tmpfs (bench/README.md, Caveats). A
// tmpfs work directory takes the disk out of that coupling, for every
// tool alike; -gotmpdir=inherit measures with the caller's.
func goTmpDir(mode string) (environ []string, info string, cleanup func(), err error) {
	nop := func() {}
	switch mode {
	case "inherit":
		if v := os.Getenv("GOTMPDIR"); v != "" {
			return nil, fmt.Sprintf("inherited, `%s`", v), nop, nil
		}
		return nil, "inherited (unset: the system temporary directory, `" + os.TempDir() + "`)", nop, nil
	case "tmpfs":
		var st syscall.Statfs_t
		if err := syscall.Statfs(shmDir, &st); err != nil {
			return nil, "", nop, fmt.Errorf("-gotmpdir=tmpfs: %v (use -gotmpdir=inherit or a directory)", err)
		}
		if st.Type != tmpfsMagic {
			return nil, "", nop, fmt.Errorf("-gotmpdir=tmpfs: %s is not a tmpfs (use -gotmpdir=inherit or a directory)", shmDir)
		}
		dir, err := os.MkdirTemp(shmDir, "lifelint-bench-")
		if err != nil {
			return nil, "", nop, err
		}
		stop := removeOnSignal(dir)
		return []string{"GOTMPDIR=" + dir}, "a tmpfs (`" + shmDir + "`), so that no run pays ext4's cost for the inodes the run before it deleted (bench/README.md, Caveats)",
			func() { stop(); os.RemoveAll(dir) }, nil
	case "":
		return nil, "", nop, fmt.Errorf("-gotmpdir: empty (tmpfs, inherit or a directory)")
	}
	dir, err := filepath.Abs(mode)
	if err != nil {
		return nil, "", nop, err
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return nil, "", nop, fmt.Errorf("-gotmpdir=%s: not a directory", mode)
	}
	return []string{"GOTMPDIR=" + dir}, "`" + dir + "`", nop, nil
}

// removeOnSignal removes dir and exits (128 plus the signal's number, as a
// shell reports it) when the harness gets SIGINT, SIGTERM or SIGHUP, until
// the function it returns is called. A measured run that is still going
// loses its GOTMPDIR and fails; its caches are on disk, and the next run
// starts them afresh.
func removeOnSignal(dir string) (stop func()) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	done := make(chan struct{})
	go func() {
		select {
		case s := <-c:
			os.RemoveAll(dir)
			fmt.Fprintf(os.Stderr, "bench: %v: removed %s\n", s, dir)
			n := 1
			if sig, ok := s.(syscall.Signal); ok {
				n = 128 + int(sig)
			}
			os.Exit(n)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(c)
		close(done)
	}
}
