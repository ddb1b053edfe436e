package errtext

import (
	"sync"

	"github.com/rankings-dev/rankings/datasets/countries"
	"github.com/rankings-dev/rankings/internal/i18n"
)

// webPatterns recognise the messages whose way on is a command of the CLI
// ("run \"rankings countries\" for the list"): the API keeps them as the
// CLI says them, and a web page words them with its own way on.
var webPatterns = sync.OnceValue(func() []errPattern {
	return []errPattern{
		ep(`unknown country "(.+)" — run "rankings countries" for the list`, "web.err.unknown_country", argRaw),
		ep(`unknown indicator "(.+)" — run "rankings indicators" for the list`, "web.err.unknown_indicator", argRaw),
		ep(`no figures for (.+?) on (\S+) in any year: "rankings indicators \S+" lists the countries and territories it covers`, "web.err.nodata_any_year", argSubject, argRaw),
		ep(`no figures for (.+?) on these indicators in any year: "rankings indicators <id>" lists the countries and territories each covers`, "web.err.nodata_any_year_these", argSubject),
		ep(`no indicator has a year in which (.+) all have figures: see each one's figures with "rankings show <country>"`, "web.err.compare_no_year", argSubject),
	}
})

// Web says the one-line English message msg of an error as a web page
// words it in language l (English included), where msg sends the reader
// to a command of the CLI; ok is false, and msg is returned, for any other
// message. Country names are found in reg, which may be nil.
func Web(l i18n.Lang, reg *countries.Registry, msg string) (string, bool) {
	if l == "" {
		l = i18n.EN
	}
	return say(webPatterns(), l, reg, msg)
}
