package cli

import (
	"github.com/rankings-dev/rankings/datasets/countries"
	"github.com/rankings-dev/rankings/internal/i18n"
)

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

// registry is the store's country registry, or nil before the store is
// open.
func (env *Env) registry() *countries.Registry {
	if env.Store == nil {
		return nil
	}
	return env.Store.Registry()
}
