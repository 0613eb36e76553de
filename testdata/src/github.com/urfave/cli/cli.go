// Package cli is a stub of github.com/urfave/cli (v1) for the fixtures.
package cli

// Context is what an action gets.
type Context struct{}

// Bool returns the value of a bool flag.
func (c *Context) Bool(name string) bool { return false }

// Command is a subcommand.
type Command struct {
	Name   string
	Action interface{}
}

// App is the command line.
type App struct {
	Name     string
	Commands []Command
}

// NewApp returns an App.
func NewApp() *App { return &App{} }

// Run runs the command line.
func (a *App) Run(args []string) error { return nil }
