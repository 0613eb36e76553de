package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/lifelint/lifelint/internal/configfile"
	"github.com/lifelint/lifelint/internal/driver"
	"github.com/lifelint/lifelint/internal/lsp"
	"github.com/lifelint/lifelint/internal/vetscope"
)

// lspMain serves the Language Server Protocol over stdin and stdout.
func lspMain(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("lifelint lsp", flag.ContinueOnError)
	fs.SetOutput(stderr)
	tags := fs.String("tags", "", "comma-separated build `tags`")
	configPath := fs.String("config", "", "configuration `file` (default: the nearest "+configfile.Name+" from the working directory; \"none\" for none)")
	enable := fs.String("enable", "", "comma-separated `passes` to run")
	disable := fs.String("disable", "", "comma-separated `passes` not to run")
	debounce := fs.Duration("debounce", 250*time.Millisecond, "delay after an edit before linting")
	verbose := fs.Bool("v", false, "log each lint run to stderr")
	var vetFlags []string
	fs.Func("vetflag", "extra `flag` for go vet, e.g. -vetflag=-lifelintconfig.blocking=example.com/q.Wait (repeatable)", func(v string) error {
		if !strings.HasPrefix(v, "-") {
			return fmt.Errorf("%q is not a flag", v)
		}
		vetFlags = append(vetFlags, v)
		return nil
	})
	if err := fs.Parse(args); err != nil {
		return exitError
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "lifelint lsp: unexpected arguments %q\n", fs.Args())
		return exitError
	}
	tool, err := os.Executable()
	if err != nil {
		fmt.Fprintf(stderr, "lifelint lsp: %v\n", err)
		return exitError
	}
	wd, err := os.Getwd()
	if err != nil {
		fmt.Fprintf(stderr, "lifelint lsp: %v\n", err)
		return exitError
	}
	noFlags := map[string]*[]string{}
	for _, name := range configFlags {
		noFlags[name] = new([]string)
	}
	known, enabled, cfgFlags, excluded, err := resolveConfig(wd, *configPath, given(fs, "enable", enable), given(fs, "disable", disable), noFlags)
	if err != nil {
		fmt.Fprintf(stderr, "lifelint lsp: %v\n", err)
		return exitError
	}
	// Dependencies outside the workspace's modules are not analyzed for
	// facts (see package vetscope), unless a -vetflag sets the scope.
	if !slices.ContainsFunc(vetFlags, func(f string) bool {
		return strings.HasPrefix(strings.TrimLeft(f, "-"), vetscope.FlagName+"=")
	}) {
		if f := mainModulesFlag(context.Background(), wd); f != "" {
			vetFlags = append(vetFlags, f)
		}
	}
	opts := lsp.Options{
		Driver: driver.Options{
			Tool:     tool,
			Tags:     *tags,
			Known:    known,
			Enabled:  enabled,
			VetFlags: append(cfgFlags, vetFlags...),
			Exclude:  excluded,
		},
		Debounce: *debounce,
	}
	if *verbose {
		opts.Log = stderr
	}
	// SIGINT and SIGTERM (an editor stopping the server) end the lint
	// runs and their go vet processes before the server exits.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := lsp.Serve(ctx, stdin, stdout, opts); err != nil {
		fmt.Fprintf(stderr, "lifelint lsp: %v\n", err)
		return exitFindings // the protocol asks for exit code 1 without shutdown
	}
	return exitClean
}
