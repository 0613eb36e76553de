//go:build !unix

package driver

import (
	"os"
	"os/exec"
)

func ownGroup(cmd *exec.Cmd) {}

func stop(cmd *exec.Cmd) error {
	return cmd.Process.Signal(os.Interrupt)
}
