package cli

import (
	"strings"

	"github.com/rankings-dev/rankings/internal/i18n"
)

// localNumber writes a figure formatted the English way ("39.34",
// "-0.45") with the decimal separator of language l ("39,34").
func localNumber(l i18n.Lang, s string) string {
	if l != i18n.RU {
		return s
	}
	return strings.ReplaceAll(s, ".", ",")
}

// countryName is the name of the country iso3 in the output's language
// (the registry's Russian name in Russian); name is its English name, used
// where the registry does not know the code (a user's own entity).
func (env *Env) countryName(iso3, name string) string {
	if env.Lang == i18n.EN || env.Lang == "" {
		return name
	}
	if c, ok := env.Store.Registry().ByCode(iso3); ok {
		return c.DisplayName(env.Lang.Tag())
	}
	return name
}
