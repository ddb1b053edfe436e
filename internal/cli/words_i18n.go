package cli

import (
	"strings"

	"github.com/rankings-dev/rankings/datasets/countries"
	"github.com/rankings-dev/rankings/indicators"
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

// assessmentLabel is an ODIHR assessment code in words in language l.
func assessmentLabel(l i18n.Lang, code string) string {
	a := indicators.Assessment(code)
	if l == i18n.EN || !a.Valid() {
		return a.Label()
	}
	return l.T("assessment." + code)
}

// sourceKindLabel says what kind of page an election's source is.
func sourceKindLabel(l i18n.Lang, kind string) string {
	k := indicators.SourceKind(kind)
	if l == i18n.EN || !i18n.Has("source_kind."+kind) {
		return k.Label()
	}
	return l.T("source_kind." + kind)
}

// electionType is the type of an election in words
// ("presidential_runoff" is "presidential runoff").
func electionType(l i18n.Lang, t string) string {
	if l == i18n.EN || !i18n.Has("election."+t) {
		return t
	}
	return l.T("election." + t)
}

// groupTitle is a group's title in language l.
func groupTitle(l i18n.Lang, group string) string {
	id, err := countries.GroupID(group)
	if l == i18n.EN || err != nil || !i18n.Has("group."+id) {
		return countries.GroupTitle(group)
	}
	return l.T("group." + id)
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
