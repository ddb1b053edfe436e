// Package i18n holds the messages rankings says, in English and in
// Russian, and the rules for numbers, dates and plurals of each language.
//
// The messages are data: one folder of TOML files per language under
// locales/ (locales/en/*.toml, locales/ru/*.toml), compiled into Go values
// (catalog_table.go) that the binary reads without parsing anything.
// A message is a key with either one format string (text = "…") or one
// format string per CLDR plural form (one, few, many, other). Format
// strings are fmt's (a literal percent sign is %%, even in a message
// without arguments), with the same arguments in every language; a
// translation may reorder them with explicit indexes (%[2]s). The English
// catalogue is the source of truth: a key missing in Russian is a test
// failure, and at run time falls back to English.
//
// Plural forms follow CLDR's rules (golang.org/x/text/feature/plural);
// the language a user asked for is matched with golang.org/x/text/language.
// Numbers are formatted here, not by fmt's verbs, so that a year is never
// grouped ("2026", not "2 026") and a figure has the decimal separator of
// the language (39.34, 39,34).
package i18n

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	cldr "golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// Lang is a language rankings speaks.
type Lang string

// The languages of the catalogue.
const (
	EN Lang = "en"
	RU Lang = "ru"
)

// Langs lists the languages in the order the help text names them.
var Langs = []Lang{EN, RU}

// Tag is the language's BCP 47 tag.
func (l Lang) Tag() language.Tag {
	if l == RU {
		return language.Russian
	}
	return language.English
}

// Other is the other language, for the link from a page to its
// translation.
func (l Lang) Other() Lang {
	if l == RU {
		return EN
	}
	return RU
}

// message is one entry of a catalogue: a single text or plural forms.
type message struct {
	Text  string `toml:"text"`
	One   string `toml:"one"`
	Few   string `toml:"few"`
	Many  string `toml:"many"`
	Other string `toml:"other"`
	// Note is for the translator; it is never shown.
	Note string `toml:"note"`
}

// plural reports whether the message has plural forms.
func (m message) plural() bool { return m.Text == "" }

// form is the format string of plural form f, falling back to Other.
func (m message) form(f cldr.Form) string {
	switch f {
	case cldr.One:
		if m.One != "" {
			return m.One
		}
	case cldr.Few:
		if m.Few != "" {
			return m.Few
		}
	case cldr.Many:
		if m.Many != "" {
			return m.Many
		}
	}
	return m.Other
}

var (
	loadOnce sync.Once
	catalog  map[Lang]map[string]message
)

// load gives the catalogues, built on first use from catalog_table.go:
// the TOML files compiled into Go values at generation time, so that a
// command parses nothing at start (parsing the TOML took some 30 ms of
// every run). TestCompiledCatalogueIsTheTOML fails when the two differ;
// `go test ./internal/i18n -run TestCompiledCatalogueIsTheTOML -update`
// rewrites the table.
func load() (map[Lang]map[string]message, error) {
	loadOnce.Do(func() {
		catalog = make(map[Lang]map[string]message, len(Langs))
		for _, l := range Langs {
			entries := compiled(l)
			m := make(map[string]message, len(entries))
			for _, e := range entries {
				m[e.key] = e.msg
			}
			catalog[l] = m
		}
	})
	return catalog, nil
}

// entry is one message of catalog_table.go.
type entry struct {
	key string
	msg message
}

// lookup finds key in l's catalogue, else in English's. A key in no
// catalogue is a programming error: it panics in tests' eyes, and prints
// the key so that a user still sees something.
func lookup(l Lang, key string) (message, bool) {
	if m, ok := find(l, key); ok {
		return m, true
	}
	return find(EN, key)
}

// find looks key up in language l's compiled messages, sorted by key, by
// binary search: no table is built at start.
func find(l Lang, key string) (message, bool) {
	entries := compiled(l)
	i := sort.Search(len(entries), func(i int) bool { return entries[i].key >= key })
	if i < len(entries) && entries[i].key == key {
		return entries[i].msg, true
	}
	return message{}, false
}

// Has reports whether the English catalogue holds key.
func Has(key string) bool {
	_, ok := lookup(EN, key)
	return ok
}

// T is message key in language l, formatted with args.
func (l Lang) T(key string, args ...any) string {
	m, ok := lookup(l, key)
	if !ok {
		return "[" + key + "]"
	}
	f := m.Text
	if m.plural() {
		f = m.Other
	}
	return fmt.Sprintf(f, args...)
}

// N is message key in the plural form that count n takes in language l,
// formatted with args (n is usually among them, formatted by the caller).
func (l Lang) N(key string, n int, args ...any) string {
	m, ok := lookup(l, key)
	if !ok {
		return "[" + key + "]"
	}
	return formatPlural(l, m, n, args...)
}

// formatPlural formats the form of m that count n takes in language l.
func formatPlural(l Lang, m message, n int, args ...any) string {
	if !m.plural() {
		return fmt.Sprintf(m.Text, args...)
	}
	if n < 0 {
		n = -n
	}
	form := cldr.Cardinal.MatchPlural(l.Tag(), n%10000000, 0, 0, 0, 0)
	return fmt.Sprintf(m.form(form), args...)
}

// Keys lists the keys of language l's catalogue, sorted.
func Keys(l Lang) []string {
	cat, err := load()
	if err != nil {
		panic(err)
	}
	keys := make([]string, 0, len(cat[l]))
	for k := range cat[l] {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Parse reads a language a user named: "ru", "en", or a locale such as
// "ru_RU.UTF-8" or "en-GB". ok is false for any other.
func Parse(s string) (l Lang, ok bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, ".@"); i >= 0 {
		s = s[:i]
	}
	base, _, _ := strings.Cut(strings.ReplaceAll(s, "_", "-"), "-")
	switch base {
	case "ru":
		return RU, true
	case "en":
		return EN, true
	}
	return EN, false
}

// FromEnv is the language the environment asks for: RANKINGS_LANG, then
// the locale (LC_ALL, LC_MESSAGES, LANG); English when none names a
// language rankings speaks. "C" and "POSIX" mean English. A
// RANKINGS_LANG that names no language is returned as bad so that the
// caller can say so.
func FromEnv(getenv func(string) string) (l Lang, bad string) {
	if v := getenv("RANKINGS_LANG"); v != "" {
		if l, ok := Parse(v); ok {
			return l, ""
		}
		return EN, v
	}
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := getenv(name)
		if v == "" {
			continue
		}
		// The first locale variable set decides, as in POSIX.
		l, _ := Parse(v)
		return l, ""
	}
	return EN, ""
}

var matcher = sync.OnceValue(func() language.Matcher {
	return language.NewMatcher([]language.Tag{language.English, language.Russian})
})

// FromAcceptLanguage is the language an HTTP Accept-Language header
// prefers among those rankings speaks; English when it names neither.
func FromAcceptLanguage(header string) Lang {
	tags, _, err := language.ParseAcceptLanguage(header)
	if err != nil || len(tags) == 0 {
		return EN
	}
	_, i, conf := matcher().Match(tags...)
	if conf == language.No || i != 1 {
		return EN
	}
	return RU
}

// indicatorPrefix begins the keys of indicator names, which only the
// Russian catalogue holds: the English names are the indicator catalogue's
// (package indicators).
const indicatorPrefix = "indicator."

// IndicatorName is the name of indicator id in language l; english is its
// name in the indicator catalogue, used for English and wherever the
// catalogue holds no translation.
func (l Lang) IndicatorName(id, english string) string {
	if l == EN {
		return english
	}
	if m, ok := find(l, indicatorPrefix+id); ok {
		return m.Text
	}
	return english
}

// IndicatorNameFirst is the name of indicator id as a text says it the
// first time: in Russian, the translation with the publisher's own name
// beside it («Индекс восприятия коррупции: балл (Corruption Perceptions
// Index score)»), so that a reader can find the source.
func (l Lang) IndicatorNameFirst(id, english string) string {
	name := l.IndicatorName(id, english)
	if name == english {
		return name
	}
	return name + " (" + english + ")"
}
