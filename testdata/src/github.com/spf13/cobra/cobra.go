// Package cobra is a stub of github.com/spf13/cobra for the fixtures.
package cobra

// Command is a command of the command line.
type Command struct {
	Use  string
	Run  func(cmd *Command, args []string)
	RunE func(cmd *Command, args []string) error
}

// AddCommand adds subcommands.
func (c *Command) AddCommand(cmds ...*Command) {}

// Execute runs the command line.
func (c *Command) Execute() error { return nil }
