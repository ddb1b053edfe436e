package cli

import (
	"github.com/spf13/cobra"

	"github.com/rankings-dev/rankings/internal/i18n"
)

// langFlag adds --lang and chooses the language before any command runs:
// --lang, else $RANKINGS_LANG, else the locale (LC_ALL, LC_MESSAGES,
// LANG), else English. A language rankings does not speak is a usage
// error, whether given by the flag or by RANKINGS_LANG.
func langFlag(root *cobra.Command, env *Env) {
	root.PersistentFlags().StringVar(&env.langFlag, "lang", "", "language of the output: en or ru (default: $RANKINGS_LANG, else the locale, else en)")
	next := root.PersistentPreRunE
	root.PersistentPreRunE = func(cmd *cobra.Command, args []string) error {
		if err := env.chooseLang(); err != nil {
			return err
		}
		if next != nil {
			return next(cmd, args)
		}
		return nil
	}
}

// chooseLang sets env.Lang from the flag and the environment.
func (env *Env) chooseLang() error {
	if env.langFlag != "" {
		l, ok := i18n.Parse(env.langFlag)
		if !ok {
			return usagef("%s", i18n.EN.T("lang.unknown", env.langFlag))
		}
		env.Lang = l
		return nil
	}
	getenv := env.Getenv
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	l, bad := i18n.FromEnv(getenv)
	if bad != "" {
		return usagef("%s", i18n.EN.T("lang.unknown_env", bad))
	}
	env.Lang = l
	return nil
}
