// Package cli is the rankings command line: a thin layer that parses flags,
// calls the library (datasets, indicators, internal/docs) and formats its
// documents as tables, JSON, CSV or markdown.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/errtext"
	"github.com/rankings-dev/rankings/internal/i18n"
)

// Env is what a command needs from the outside world; tests swap it.
type Env struct {
	Stdout, Stderr io.Writer
	// TTY reports whether Stdout is a terminal (colour and sparklines are
	// only for terminals).
	TTY   bool
	Store *datasets.Store
	// Getenv reads the environment (NO_COLOR, COLUMNS …).
	Getenv func(string) string
	// Columns is the terminal's width, 0 when unknown; tables fit it
	// unless --width or COLUMNS says otherwise.
	Columns int
	// Lang is the language of the output, chosen before a command runs
	// (--lang, RANKINGS_LANG, the locale); "" reads as English.
	Lang i18n.Lang

	widthFlag int
	langFlag  string
}

// usageError marks errors in how the command was called (exit code 2).
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

// Run runs the command line args and returns the process exit code: 0 on
// success, 2 for errors the user can fix (unknown country, bad year, bad
// flag), 1 for anything else. Errors are one line on env.Stderr.
func Run(ctx context.Context, args []string, env Env) int {
	if env.Store == nil {
		env.Store = datasets.Embedded()
	}
	if env.Getenv == nil {
		env.Getenv = os.Getenv
	}
	// Help is printed before any command runs: choose its language now.
	env.Lang = earlyLang(args, env.Getenv)
	root := newRoot(&env, args)
	root.SetArgs(args)
	root.SetOut(env.Stdout)
	root.SetErr(env.Stderr)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return 0
	}
	msg := oneLine(err.Error())
	fmt.Fprintf(env.Stderr, "rankings: %s\n", errtext.Error(env.Lang, env.registry(), msg))
	var ue *usageError
	if errors.As(err, &ue) || indicators.IsUserError(err) || isCobraUsage(msg) {
		return 2
	}
	return 1
}

// The expressions that recognise cobra's messages compile on first use,
// as all of this package's do: a command that fails is rare, and every
// command would pay for compiling them at start.
var (
	flagValueErr  = lazyRegexp(`^invalid argument "(.*)" for "(?:-\w, )?(--[\w-]+)" flag: strconv\.Parse(Int|Float|Bool).*`)
	unknownCmdErr = lazyRegexp(`^unknown command "(.*)" for "rankings"(?:\s+Did you mean this\?\s+(\S+))?`)
)

// lazyRegexp is the regular expression src, compiled when first asked for.
func lazyRegexp(src string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(src) })
}

// flagExamples are the values that say, in the message of a flag given
// something that is not a number, what a number for it looks like; a year
// (2023) for the others.
var flagExamples = map[string]string{"--width": "100", "--remove": "1", "--scale": "2", "--dpi": "300"}

// oneLine turns cobra's and strconv's multi-line or technical messages
// into one line that says what was wrong and how to fix it.
func oneLine(msg string) string {
	if m := flagValueErr().FindStringSubmatch(msg); m != nil {
		example := flagExamples[m[2]]
		if example == "" {
			example = "2023"
		}
		switch m[3] {
		case "Bool":
			return fmt.Sprintf("%s: %q is neither true nor false: give %s alone, or %s=false", m[2], m[1], m[2], m[2])
		case "Float":
			return fmt.Sprintf("%s: %q is not a number (e.g. %s %s)", m[2], m[1], m[2], example)
		}
		return fmt.Sprintf("%s: %q is not a whole number (e.g. %s %s)", m[2], m[1], m[2], example)
	}
	if m := unknownCmdErr().FindStringSubmatch(msg); m != nil {
		if m[2] != "" {
			return fmt.Sprintf("unknown command %q — did you mean %s? (rankings --help lists the commands)", m[1], m[2])
		}
		return fmt.Sprintf("unknown command %q: rankings --help lists the commands", m[1])
	}
	return strings.SplitN(msg, "\n", 2)[0]
}

// isCobraUsage recognises cobra's and pflag's own usage errors.
func isCobraUsage(msg string) bool {
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand flag", "invalid argument",
		"flag needs an argument", "accepts ", "requires at least", "required flag", "bad flag syntax"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}

// newRoot builds the command tree with its help texts in env.Lang.
func newRoot(env *Env, args []string) *cobra.Command {
	root := goRoot(env, args)
	localizeHelp(root, env.Lang)
	return root
}

// commands are the top-level commands, in the order help lists them.
var commands = []struct {
	name  string
	build func(*Env) *cobra.Command
	// printOnly: the command prints its answer once, at the end, and
	// writes no file, so an interrupt may end it at once (WatchesSignals).
	printOnly bool
}{
	{"countries", newCountriesCmd, true},
	{"indicators", newIndicatorsCmd, true},
	{"sources", newSourcesCmd, true},
	{"cite", newCiteCmd, true},
	{"show", newShowCmd, true},
	{"compare", newCompareCmd, true},
	{"rank", newRankCmd, true},
	{"trend", newTrendCmd, true},
	{"elections", newElectionsCmd, true},
	{"correlate", newCorrelateCmd, true},
	{"chart", newChartCmd, false},
	{"charts", newChartsCmd, false},
	{"report", newReportCmd, false},
	{"serve", newServeCmd, false},
	{"bake", newBakeCmd, false},
	{"import", newImportCmd, false},
	{"validate", newValidateCmd, true},
	{"update", newUpdateCmd, false},
	{"schema", newSchemaCmd, true},
}

// WatchesSignals reports whether the command line args runs a command that
// must see an interrupt (SIGINT, SIGTERM) as its context's cancellation,
// to stop serving, finish or undo the files it writes: every command but
// those that only print, and help (no arguments, or help asked for
// first). Those keep the default, which ends the process; not starting
// the signal thread for them is 5% of a cold show or compare. Any other
// command line that does not start with a command's name watches.
func WatchesSignals(args []string) bool {
	if len(args) == 0 || args[0] == "--help" || args[0] == "-h" || args[0] == "help" {
		return false
	}
	for _, c := range commands {
		if len(args) > 0 && args[0] == c.name {
			return !c.printOnly
		}
	}
	return true
}

// goRoot builds the command tree with the help texts written in Go, before
// the catalogue's (localizeHelp). When args start with a command's name,
// the tree holds that command alone: it is the one that runs, and building
// the other eighteen with their flags was a tenth of a short command's
// own time. Anything else (help, a flag first, a mistyped name that cobra
// answers with suggestions) gets the whole tree.
func goRoot(env *Env, args []string) *cobra.Command {
	root := &cobra.Command{
		Use:   "rankings",
		Short: "Compare governance indicators of countries",
		Long: `rankings compares governance indicators of countries — press freedom (RSF,
Freedom House), rule of law (WJP, WGI, V-Dem), democracy and elections
(V-Dem, Freedom House, OSCE/ODIHR) — from data embedded in the binary.
Built first for the 15 post-Soviet states; every country and territory
the sources rank is included, so ranks are "k of N" over the whole field:
N is every country and territory the source ranked that year.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.CompletionOptions.DisableDefaultCmd = true
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &usageError{err.Error()} })
	only := -1
	for i, c := range commands {
		if len(args) > 0 && args[0] == c.name {
			only = i
		}
	}
	for i, c := range commands {
		if only < 0 || i == only {
			root.AddCommand(c.build(env))
		}
	}
	userData(root, env)
	widthFlag(root, env)
	langFlag(root, env)
	return root
}
