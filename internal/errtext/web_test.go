package errtext

import (
	"regexp"
	"strings"
	"testing"

	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/internal/i18n"
)

// TestWebWording: each message that names a command of the CLI is worded
// for a web page in both languages, with its facts, and names no command;
// the messages are taken from the code that makes them where a test can
// reach it, so that a change of wording there shows here.
func TestWebWording(t *testing.T) {
	store := datasets.Embedded()
	reg := store.Registry()
	_, errCountry := reg.Resolve("xyz")
	_, errIndicator := store.Indicator("rsx")
	if errCountry == nil || errIndicator == nil {
		t.Fatal("no error for an unknown country or indicator")
	}
	for _, c := range []struct{ msg, en, ru string }{
		{errCountry.Error(),
			`unknown country "xyz": the start page lists the countries and territories you can pick`,
			"неизвестная страна «xyz» — страны и территории, которые можно выбрать, перечислены на стартовой странице"},
		{strings.SplitN(errIndicator.Error(), " — did you mean", 2)[0] + ` — run "rankings indicators" for the list`,
			`unknown indicator "rsx": the start page lists the indicators`,
			"неизвестный показатель «rsx» — показатели перечислены на стартовой странице"},
		{`no figures for Kosovo on wjp in any year: "rankings indicators wjp" lists the countries and territories it covers`,
			"no figures for Kosovo on wjp in any year: the indicator's page lists the countries and territories it covers",
			"Косово: нет данных по wjp ни за один год — страны и территории, которые охватывает показатель, перечислены на его странице"},
		{`no figures for Kazakhstan and Kosovo on these indicators in any year: "rankings indicators <id>" lists the countries and territories each covers`,
			"no figures for Kazakhstan and Kosovo on these indicators in any year: each indicator's page lists the countries and territories it covers",
			"Казахстан и Косово: нет данных по этим показателям ни за один год — страны и территории, которые охватывает каждый из них, перечислены на странице показателя"},
		{`no indicator has a year in which Kazakhstan and Turkmenistan all have figures: see each one's figures with "rankings show <country>"`,
			"no indicator has a year in which Kazakhstan and Turkmenistan all have figures: see each one's figures on its country page",
			"Казахстан и Туркменистан: ни у одного показателя нет года, за который есть данные по всем этим странам — данные каждой страны есть на её странице"},
	} {
		for l, want := range map[i18n.Lang]string{i18n.EN: c.en, i18n.RU: c.ru} {
			got, ok := Web(l, reg, c.msg)
			if !ok || got != want {
				t.Errorf("%s %q:\n got %q (%v)\nwant %q", l, c.msg, got, ok, want)
			}
		}
	}
	if got, ok := Web(i18n.EN, reg, "the query string is malformed"); ok || got != "the query string is malformed" {
		t.Errorf("a message with no command was reworded: %q", got)
	}
	cmd := regexp.MustCompile(`rankings [a-z]`)
	for _, p := range webPatterns() {
		for _, l := range []i18n.Lang{i18n.EN, i18n.RU} {
			if !i18n.Has(p.key) {
				t.Errorf("%s is not in the catalogue", p.key)
			}
			if s := l.T(p.key, "a", "b"); cmd.MatchString(s) {
				t.Errorf("%s (%s) names a command: %s", p.key, l, s)
			}
		}
	}
}
