// Command rankings compares governance indicators of countries.
//
//	rankings compare kazakhstan uzbekistan
//
// Run "rankings --help" for the commands.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"golang.org/x/term"

	"github.com/rankings-dev/rankings/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Run(ctx, os.Args[1:], cli.Env{
		Stdout: os.Stdout,
		Stderr: os.Stderr,
		TTY:    term.IsTerminal(int(os.Stdout.Fd())),
	})
	stop()
	os.Exit(code)
}
