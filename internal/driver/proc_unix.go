//go:build unix

package driver

import (
	"os/exec"
	"syscall"
)

// ownGroup starts cmd in a process group of its own, so that stop can
// signal go vet and the vet tool processes it runs together. (Ctrl-C in
// a terminal then reaches lifelint only; lifelint forwards it.)
func ownGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
}

// stop asks go vet and its children to end, as Ctrl-C would: SIGINT to
// the process group. go vet removes its work directory on the way out.
func stop(cmd *exec.Cmd) error {
	return syscall.Kill(-cmd.Process.Pid, syscall.SIGINT)
}
