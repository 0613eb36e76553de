// Package schema is the handler package of a one-shot schema tool built on
// urfave/cli, outside cmd/: its actions exit on a failed command. Silent
// there; an exported library function of it still reports.
package schema

import (
	"os"

	"github.com/urfave/cli"
)

// App builds the command line.
func App() *cli.App {
	app := cli.NewApp()
	app.Commands = []cli.Command{{Name: "setup", Action: func(c *cli.Context) { handle(c, setup) }}}
	return app
}

// handle runs one command and exits 1 on its error.
func handle(c *cli.Context, f func(*cli.Context) error) {
	if err := f(c); err != nil && !c.Bool("quiet") {
		os.Exit(1) // the command's exit: silent
	}
}

func setup(*cli.Context) error { return nil }

// Must is library code.
func Must(err error) { // want Must:`exits the process: os.Exit`
	if err != nil {
		os.Exit(1) // want `os.Exit in library package schema ends the process`
	}
}
