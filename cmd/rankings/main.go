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
	"runtime/pprof"
	"syscall"

	"golang.org/x/term"

	"github.com/rankings-dev/rankings/internal/cli"
)

func main() {
	if path := os.Getenv("RANKINGS_CPUPROFILE"); path != "" {
		// For performance work: go tool pprof -top rankings $RANKINGS_CPUPROFILE
		if f, err := os.Create(path); err == nil {
			if pprof.StartCPUProfile(f) == nil {
				defer pprof.StopCPUProfile()
			}
		}
	}
	cli.TuneGCForACommand()
	ctx, stop := context.Background(), func() {}
	if cli.WatchesSignals(os.Args[1:]) {
		ctx, stop = signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	}
	env := cli.Env{Stdout: os.Stdout, Stderr: os.Stderr, TTY: term.IsTerminal(int(os.Stdout.Fd()))}
	if env.TTY {
		if w, _, err := term.GetSize(int(os.Stdout.Fd())); err == nil {
			env.Columns = w
		}
	}
	code := cli.Run(ctx, os.Args[1:], env)
	stop()
	pprof.StopCPUProfile()
	os.Exit(code)
}
