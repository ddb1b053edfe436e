package docs

import (
	"github.com/rankings-dev/rankings/datasets/countries"
	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/i18n"
)

// The words every view says about elections and groups, in a language:
// one place for the CLI, the charts, the report and the web. English is
// the library's own wording; a code the catalogue does not know is said
// as English says it.

// AssessmentIn is an ODIHR assessment code in words in language l
// ("partly met", «частично соответствовали»).
func AssessmentIn(l i18n.Lang, code string) string {
	a := indicators.Assessment(code)
	if isEnglish(l) || !a.Valid() || !i18n.Has("assessment."+code) {
		return a.Label()
	}
	return l.T("assessment." + code)
}

// SourceKindIn says in language l what kind of page an election's source
// is.
func SourceKindIn(l i18n.Lang, kind string) string {
	if isEnglish(l) || !i18n.Has("source_kind."+kind) {
		return indicators.SourceKind(kind).Label()
	}
	return l.T("source_kind." + kind)
}

// ElectionTypeIn is the type of an election in language l; English keeps
// the code ("presidential_runoff"), which the tables print as it is.
func ElectionTypeIn(l i18n.Lang, t string) string {
	if isEnglish(l) || !i18n.Has("election."+t) {
		return t
	}
	return l.T("election." + t)
}

// GroupTitleIn is a group's title in language l ("post-Soviet states",
// «постсоветские государства»); a name that is not a group is returned as
// countries.GroupTitle returns it.
func GroupTitleIn(l i18n.Lang, group string) string {
	id, err := countries.GroupID(group)
	if isEnglish(l) || err != nil || !i18n.Has("group."+id) {
		return countries.GroupTitle(group)
	}
	return l.T("group." + id)
}

// isEnglish reports whether l is English ("" reads as English).
func isEnglish(l i18n.Lang) bool { return l == i18n.EN || l == "" }
