package cli

import (
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/internal/i18n"
)

// goHelpTexts maps every help key a command tree could have to its Go
// text (the help command and --help flags as cobra writes them).
func goHelpTexts() map[string]string {
	env := Env{Getenv: func(string) string { return "" }}
	root := goRoot(&env, nil)
	root.InitDefaultHelpCmd()
	texts := map[string]string{}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.InitDefaultHelpFlag()
		p := helpPath(c)
		texts["help."+p+".short"] = c.Short
		texts["help."+p+".long"] = c.Long
		texts["help."+p+".example"] = c.Example
		if _, args, ok := strings.Cut(c.Use, " "); ok {
			texts["use."+c.Name()] = args
		}
		visit := func(f *pflag.Flag) {
			if f.Name != "help" {
				texts["flag."+p+"."+f.Name] = f.Usage
			}
		}
		c.LocalNonPersistentFlags().VisitAll(visit)
		c.PersistentFlags().VisitAll(visit)
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	return texts
}

// TestHelpCatalogueIsTheGoText checks that every help key of the English
// catalogue names a command or flag that exists, and says byte for byte
// what the Go code says, so that moving help into the catalogue changes no
// English output.
func TestHelpCatalogueIsTheGoText(t *testing.T) {
	texts := goHelpTexts()
	for _, key := range i18n.Keys(i18n.EN) {
		if !strings.HasPrefix(key, "help.") && !strings.HasPrefix(key, "flag.") && !strings.HasPrefix(key, "use.") || key == "flag.help" {
			continue
		}
		goText, ok := texts[key]
		if !ok {
			t.Errorf("%s: no such command or flag (keys are help.<command path>.short|long|example, flag.<command path>.<flag> and use.<command>)", key)
			continue
		}
		if got := i18n.EN.T(key); got != goText {
			t.Errorf("%s: the English catalogue says\n%q\nthe Go code says\n%q", key, got, goText)
		}
	}
	for key := range texts {
		if strings.HasPrefix(key, "use.") && !i18n.Has(key) {
			t.Errorf("%s: the command's usage line has no catalogue entry, so its help says it in English in every language", key)
		}
	}
}

// TestEarlyLang checks the language help is printed in.
func TestEarlyLang(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	for _, c := range []struct {
		args []string
		env  map[string]string
		want i18n.Lang
	}{
		{[]string{"--help"}, nil, i18n.EN},
		{[]string{"compare", "--help", "--lang", "ru"}, nil, i18n.RU},
		{[]string{"--lang=ru", "help", "compare"}, nil, i18n.RU},
		{[]string{"--help"}, map[string]string{"RANKINGS_LANG": "ru"}, i18n.RU},
		{[]string{"--help"}, map[string]string{"LANG": "ru_RU.UTF-8"}, i18n.RU},
		{[]string{"--lang", "en", "--help"}, map[string]string{"LANG": "ru_RU.UTF-8"}, i18n.EN},
		{[]string{"--", "--lang", "ru"}, nil, i18n.EN},
		{[]string{"--lang", "xx", "--help"}, nil, i18n.EN},
		{[]string{"--lang", "xx", "show", "kaz"}, map[string]string{"RANKINGS_LANG": "ru"}, i18n.RU},
		{[]string{"--lang=fr", "show", "kaz"}, map[string]string{"LANG": "ru_RU.UTF-8"}, i18n.RU},
	} {
		if got := earlyLang(c.args, env(c.env)); got != c.want {
			t.Errorf("earlyLang(%q, %v) = %s, want %s", c.args, c.env, got, c.want)
		}
	}
}

// TestRussianHelpWords checks that help in Russian says cobra's words in
// Russian, whichever way the language is asked for.
func TestRussianHelpWords(t *testing.T) {
	for _, args := range [][]string{{"--help", "--lang", "ru"}, {"help", "compare", "--lang=ru"}, {"countries", "-h", "--lang", "ru"}, {"compare", "-h", "--lang", "ru"}, {"chart", "-h", "--lang", "ru"}, {"import", "-h", "--lang", "ru"}} {
		out, _, code := run(args...)
		if code != 0 {
			t.Fatalf("%q: exit %d", args, code)
		}
		for _, w := range []string{"Usage:", "Flags:", "Global Flags:", "Available Commands:", "for more information", "help for ", "(default ", "<country>", "<file>", " DIR", " FILE", " Y]", "[flags]"} {
			if strings.Contains(out, w) {
				t.Errorf("%q: Russian help says %q:\n%s", args, w, out)
			}
		}
	}
}

// TestCommandsByName: each entry of commands builds the command it is
// named for, so that a command line starting with that name gets it; and
// the tree built for one command holds it alone, with its subcommands.
func TestCommandsByName(t *testing.T) {
	env := Env{Store: datasets.Embedded(), Getenv: func(string) string { return "" }}
	full := goRoot(&env, nil)
	if got, want := len(full.Commands()), len(commands); got != want {
		t.Fatalf("the whole tree has %d commands, the list %d", got, want)
	}
	for _, c := range commands {
		if got := c.build(&env).Name(); got != c.name {
			t.Errorf("commands lists %q, its builder makes %q", c.name, got)
		}
		one := goRoot(&env, []string{c.name, "--help"})
		if n := len(one.Commands()); n != 1 || one.Commands()[0].Name() != c.name {
			t.Errorf("the tree for %q holds %d commands", c.name, n)
		}
	}
	if n := len(goRoot(&env, []string{"--lang", "ru", "compare"}).Commands()); n != len(commands) {
		t.Errorf("a command line starting with a flag got %d commands, want the whole tree", n)
	}
}

// TestWatchesSignals: the commands that write files or run until stopped
// see an interrupt as a cancelled context; those that only print, and
// help, do not start the signal thread; another command line not starting
// with a command's name watches, whatever it turns out to run.
func TestWatchesSignals(t *testing.T) {
	env := Env{Store: datasets.Embedded(), Getenv: func(string) string { return "" }}
	for _, c := range commands {
		cmd := c.build(&env)
		if writes := cmd.Flags().Lookup("output") != nil; writes && c.printOnly {
			t.Errorf("%s writes files (--output) but is marked printOnly", c.name)
		}
		if got := WatchesSignals([]string{c.name, "--help"}); got == c.printOnly {
			t.Errorf("WatchesSignals(%s) = %v", c.name, got)
		}
	}
	for _, name := range []string{"serve", "bake", "update", "import", "charts", "chart", "report"} {
		if !WatchesSignals([]string{name}) {
			t.Errorf("%s must watch signals", name)
		}
	}
	for _, args := range [][]string{{"--lang", "ru", "show", "kaz"}, {"shwo", "kaz"}, {"--data", "d", "serve"}} {
		if !WatchesSignals(args) {
			t.Errorf("WatchesSignals(%q) = false, want true", args)
		}
	}
	for _, args := range [][]string{nil, {"--help"}, {"-h"}, {"help", "serve"}} {
		if WatchesSignals(args) {
			t.Errorf("WatchesSignals(%q) = true: help only prints", args)
		}
	}
	if WatchesSignals([]string{"compare", "kazakhstan", "uzbekistan"}) {
		t.Error("compare starts the signal thread")
	}
}
