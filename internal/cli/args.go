package cli

import (
	"github.com/spf13/cobra"
)

// The positional-argument checks of the commands. Each one answers a wrong
// number of arguments with its command's own message, a whole sentence
// with an example (a usage error, exit code 2), instead of cobra's
// "accepts 1 arg(s), received 0". The message is a format string with its
// arguments so that it can be translated as a whole.

// exactArgs accepts exactly n arguments.
func exactArgs(n int, format string, a ...any) cobra.PositionalArgs {
	return func(_ *cobra.Command, args []string) error {
		if len(args) != n {
			return usagef(format, a...)
		}
		return nil
	}
}

// minArgs accepts n or more arguments.
func minArgs(n int, format string, a ...any) cobra.PositionalArgs {
	return func(_ *cobra.Command, args []string) error {
		if len(args) < n {
			return usagef(format, a...)
		}
		return nil
	}
}

// maxArgs accepts at most n arguments.
func maxArgs(n int, format string, a ...any) cobra.PositionalArgs {
	return func(_ *cobra.Command, args []string) error {
		if len(args) > n {
			return usagef(format, a...)
		}
		return nil
	}
}

// noArgs accepts no arguments.
func noArgs(format string, a ...any) cobra.PositionalArgs { return exactArgs(0, format, a...) }

// importArgs accepts import's two forms: a source and a file, or no
// arguments with --list or --remove.
func importArgs(cmd *cobra.Command, args []string) error {
	list, _ := cmd.Flags().GetBool("list")
	if list || cmd.Flags().Changed("remove") {
		if len(args) > 0 {
			return usagef("--list and --remove take no source or file, e.g. rankings import --list")
		}
		return nil
	}
	if len(args) != 2 {
		return usagef("import needs a source and a file, e.g. rankings import rsf 2026.csv (sources: %s)", sourceIDs())
	}
	return nil
}
