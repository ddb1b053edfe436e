package cli

import (
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/rankings-dev/rankings/internal/i18n"
)

// Help texts come from the catalogue. A command's Short, Long and Example
// are the messages "help.<path>.short", "help.<path>.long" and
// "help.<path>.example", a flag's usage "flag.<path>.<flag>", where <path>
// is the command's path below the root ("compare", "chart", "import"; the
// root itself is "rankings"). A key the catalogue lacks leaves the Go text
// as it is, so a command can move its help into the catalogue one text at a
// time. The English messages must be the Go texts byte for byte
// (TestHelpCatalogueIsTheGoText checks it).
//
// Cobra prints help before PersistentPreRunE, so Run chooses the language
// from the arguments and the environment (earlyLang) before it builds the
// commands, and localizeHelp rewrites the texts once they are all built.

// earlyLang is the language args and the environment ask for, read before
// cobra parses anything: --lang xx or --lang=xx (before a "--"), else
// $RANKINGS_LANG and the locale. A --lang rankings does not speak gives way
// to the environment's language, in which chooseLang reports it once the
// command runs (English when the environment names none either).
func earlyLang(args []string, getenv func(string) string) i18n.Lang {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			break
		}
		v, ok := "", false
		switch {
		case a == "--lang" && i+1 < len(args):
			v, ok = args[i+1], true
		case strings.HasPrefix(a, "--lang="):
			v, ok = strings.TrimPrefix(a, "--lang="), true
		}
		if ok {
			if l, known := i18n.Parse(v); known {
				return l
			}
			// An unknown --lang is an error, said in the language the
			// environment asks for (RANKINGS_LANG, the locale).
			break
		}
	}
	if getenv == nil {
		return i18n.EN
	}
	l, _ := i18n.FromEnv(getenv)
	return l
}

// helpPath is the command's part of its help keys: its path below the
// root, "rankings" for the root.
func helpPath(c *cobra.Command) string {
	if !c.HasParent() {
		return c.Name()
	}
	p := c.CommandPath()
	return strings.TrimPrefix(p, c.Root().Name()+" ")
}

// localizeHelp sets the help texts of root and every command below it,
// cobra's help command and --help flags included, from l's catalogue, and
// gives root a usage function that says cobra's words ("Usage:",
// "Flags:" …) in l.
func localizeHelp(root *cobra.Command, l i18n.Lang) {
	if l == i18n.EN || l == "" {
		// The English catalogue is the Go text (TestHelpCatalogueIsTheGoText)
		// and cobra's own words are English: nothing to do, and nothing
		// to load at the start of every command.
		return
	}
	root.InitDefaultHelpCmd()
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.InitDefaultHelpFlag()
		p := helpPath(c)
		text := func(field *string, key string) {
			if i18n.Has(key) {
				*field = l.T(key)
			}
		}
		text(&c.Short, "help."+p+".short")
		text(&c.Long, "help."+p+".long")
		text(&c.Example, "help."+p+".example")
		visit := func(f *pflag.Flag) {
			if f.Name == "help" && len(f.Annotations[cobra.FlagSetByCobraAnnotation]) > 0 {
				f.Usage = l.T("flag.help", c.DisplayName())
				return
			}
			text(&f.Usage, "flag."+p+"."+f.Name)
		}
		c.LocalNonPersistentFlags().VisitAll(visit)
		c.PersistentFlags().VisitAll(visit)
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	root.SetUsageFunc(func(c *cobra.Command) error { return usage(c.OutOrStderr(), c, l) })
}

// usage is cobra's default usage text (cobra 1.10's defaultUsageFunc) with
// its words in l.
func usage(w io.Writer, c *cobra.Command, l i18n.Lang) error {
	line := func(s string) string { return strings.TrimRightFunc(s, unicode.IsSpace) }
	flags := func(fs *pflag.FlagSet) string {
		s := fs.FlagUsages()
		if l != i18n.EN {
			s = strings.ReplaceAll(s, " (default ", " ("+l.T("cli.usage.default")+" ")
		}
		return line(s)
	}
	sub := func(s *cobra.Command) {
		fmt.Fprintf(w, "\n  %-*s %s", s.NamePadding(), s.Name(), s.Short)
	}
	fmt.Fprint(w, l.T("cli.usage.usage"))
	if c.Runnable() {
		use := c.UseLine()
		if l != i18n.EN {
			flags := strings.HasSuffix(use, " [flags]")
			if k := "use." + c.Name(); i18n.Has(k) {
				use = c.CommandPath() + " " + l.T(k)
			} else {
				use = strings.TrimSuffix(use, " [flags]")
			}
			if flags {
				use += " " + l.T("cli.usage.flags_arg")
			}
		}
		fmt.Fprintf(w, "\n  %s", use)
	}
	if c.HasAvailableSubCommands() {
		fmt.Fprintf(w, "\n  %s %s", c.CommandPath(), l.T("cli.usage.command_arg"))
	}
	if len(c.Aliases) > 0 {
		fmt.Fprintf(w, "\n\n%s\n", l.T("cli.usage.aliases"))
		fmt.Fprintf(w, "  %s", c.NameAndAliases())
	}
	if c.HasExample() {
		fmt.Fprintf(w, "\n\n%s\n", l.T("cli.usage.examples"))
		fmt.Fprintf(w, "%s", c.Example)
	}
	if c.HasAvailableSubCommands() {
		cmds := c.Commands()
		available := func(s *cobra.Command) bool { return s.IsAvailableCommand() || s.Name() == "help" }
		if len(c.Groups()) == 0 {
			fmt.Fprintf(w, "\n\n%s", l.T("cli.usage.available_commands"))
			for _, s := range cmds {
				if available(s) {
					sub(s)
				}
			}
		} else {
			for _, g := range c.Groups() {
				fmt.Fprintf(w, "\n\n%s", g.Title)
				for _, s := range cmds {
					if s.GroupID == g.ID && available(s) {
						sub(s)
					}
				}
			}
			if !c.AllChildCommandsHaveGroup() {
				fmt.Fprintf(w, "\n\n%s", l.T("cli.usage.additional_commands"))
				for _, s := range cmds {
					if s.GroupID == "" && available(s) {
						sub(s)
					}
				}
			}
		}
	}
	if c.HasAvailableLocalFlags() {
		fmt.Fprintf(w, "\n\n%s\n", l.T("cli.usage.flags"))
		fmt.Fprint(w, flags(c.LocalFlags()))
	}
	if c.HasAvailableInheritedFlags() {
		fmt.Fprintf(w, "\n\n%s\n", l.T("cli.usage.global_flags"))
		fmt.Fprint(w, flags(c.InheritedFlags()))
	}
	if c.HasHelpSubCommands() {
		fmt.Fprintf(w, "\n\n%s", l.T("cli.usage.help_topics"))
		for _, s := range c.Commands() {
			if s.IsAdditionalHelpTopicCommand() {
				fmt.Fprintf(w, "\n  %-*s %s", s.CommandPathPadding(), s.CommandPath(), s.Short)
			}
		}
	}
	if c.HasAvailableSubCommands() {
		fmt.Fprintf(w, "\n\n%s", l.T("cli.usage.more", c.CommandPath()))
	}
	fmt.Fprintln(w)
	return nil
}
