package docs

import (
	"regexp"
	"strconv"
	"sync"

	"github.com/rankings-dev/rankings/datasets/countries"
	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/i18n"
)

// A document's JSON is language-neutral: its notes and reasons are
// English sentences. Beside each, the document keeps the sentence as the
// catalogue of internal/i18n holds it (a key and its arguments), so that
// the CLI and the web can say it in the reader's language: Compare.NotesIn,
// Skipped.ReasonIn, NoElections.ReasonIn.

// Sentence is a sentence a document carries, to be said in a language.
type Sentence interface {
	// Text is the sentence in language l.
	Text(l i18n.Lang) string
}

// Message is a Sentence of the catalogue: its key and arguments. An
// argument that is a Localized (a country's name, a date) is put in the
// language the message is said in. Plural, when set, picks the plural
// form by Count.
type Message struct {
	Key    string
	Args   []any
	Plural bool
	Count  int
}

// Localized is an argument of a Message that has a form in each language.
type Localized interface {
	In(l i18n.Lang) any
}

// Say is the Message of key with args.
func Say(key string, args ...any) Message { return Message{Key: key, Args: args} }

// SayN is the Message of key in the plural form of count n, with args.
func SayN(key string, n int, args ...any) Message {
	return Message{Key: key, Args: args, Plural: true, Count: n}
}

// Text is the message in language l.
func (m Message) Text(l i18n.Lang) string {
	args := make([]any, len(m.Args))
	for i, a := range m.Args {
		if loc, ok := a.(Localized); ok {
			a = loc.In(l)
		}
		args[i] = a
	}
	if m.Plural {
		return l.N(m.Key, m.Count, args...)
	}
	return l.T(m.Key, args...)
}

// CountryName is a country's name as an argument of a Message.
type CountryName struct{ indicators.Country }

// In is the country's name in language l.
func (c CountryName) In(l i18n.Lang) any { return c.DisplayName(l.Tag()) }

// Date is a date written YYYY-MM-DD as an argument of a Message.
type Date string

// In is the date in language l.
func (d Date) In(l i18n.Lang) any { return l.DateText(string(d)) }

// english is a Sentence already said, in English only: the text of an
// error from a library that has no catalogue key.
type english string

func (e english) Text(i18n.Lang) string { return string(e) }

// NotesIn are the document's notes in language l: the English Notes for
// English (and for a document decoded from JSON, which has no other).
func (c Compare) NotesIn(l i18n.Lang) []string {
	if l == i18n.EN || len(c.notes) != len(c.Notes) {
		return c.Notes
	}
	out := make([]string, len(c.notes))
	for i, n := range c.notes {
		out[i] = n.Text(l)
	}
	return out
}

// note adds a note to the document, in English and as the message.
func (c *Compare) note(m Sentence) {
	c.Notes = append(c.Notes, m.Text(i18n.EN))
	c.notes = append(c.notes, m)
}

// ReasonIn is the reason an indicator was left out, in language l; a
// reason without a catalogue message (the text of an error) stays in
// English.
func (s Skipped) ReasonIn(l i18n.Lang) string {
	if s.why == nil || l == i18n.EN {
		return s.Reason
	}
	return s.why.Text(l)
}

// ReasonIn is the reason the ODIHR table has no election of the country,
// in language l.
func (n NoElections) ReasonIn(l i18n.Lang) string {
	if n.why == nil || l == i18n.EN {
		return n.Reason
	}
	return n.why.Text(l)
}

// NoElectionsMessage is NoElectionsReason as a Message.
func NoElectionsMessage(c indicators.Country) Message {
	if countries.OSCEParticipant(c.ISO3) {
		return Say("docs.no_elections.participant", CountryName{c})
	}
	return Say("docs.no_elections.not_participant", CountryName{c})
}

// RankingGroupTitleIn is RankingGroupTitle in language l.
func RankingGroupTitleIn(l i18n.Lang, group string) string {
	if l == i18n.EN {
		return RankingGroupTitle(group)
	}
	if IsWholeField(group) {
		return l.T("docs.group.whole_field")
	}
	if id, err := countries.GroupID(group); err == nil && i18n.Has("group."+id) {
		return l.T("group." + id)
	}
	return RankingGroupTitle(group)
}

// SourceKindSentenceIn is SourceKindSentence in language l.
func SourceKindSentenceIn(l i18n.Lang, counts map[string]int, total int) string {
	odihr, pa, mirror, secondary := counts[string(indicators.SourceODIHR)], counts[string(indicators.SourceOSCEPA)],
		counts[string(indicators.SourceMirror)], counts[string(indicators.SourceSecondary)]
	s := l.N("docs.source_kinds", odihr, odihr, total, pa, mirror, secondary)
	if n := counts[NotStated]; n > 0 {
		s += " " + l.N("docs.source_kinds.not_stated", n, n, total)
	}
	return s
}

// skippedReasons are the errors of indicators.Compare a comparison of
// all indicators turns into the reason an indicator is left out, each
// with its message: the English message is the error's text.
// They compile on first use, as every expression of this package does:
// compiling them at start cost every command some 0.1 ms.
var skippedReasons = sync.OnceValue(func() []skippedPattern {
	return []skippedPattern{
		{regexp.MustCompile(`^(\S+): no year in which (.+) all have figures$`), "docs.skipped.no_common_year", []bool{false, false}},
		{regexp.MustCompile(`^(\S+) has no figures for (\d+): its series starts in (\d+)$`), "docs.skipped.before_series", []bool{false, true, true}},
		{regexp.MustCompile(`^(\S+) has no figures for (\S+) at all$`), "docs.skipped.none_at_all", []bool{false, false}},
		{regexp.MustCompile(`^(\S+) has no figure for (\S+) in (\d+): years with figures are (.+)$`), "docs.skipped.no_figure_in", []bool{false, false, true, false}},
	}
})

// skippedPattern recognises one error of indicators.Compare.
type skippedPattern struct {
	re   *regexp.Regexp
	key  string
	ints []bool // which submatches are years
}

// skippedReason is the reason an indicator was left out of a comparison,
// from the error that left it out: a message where the error is one
// indicators.Compare says, else the error's English text.
func skippedReason(err error) Sentence {
	text := err.Error()
	for _, r := range skippedReasons() {
		m := r.re.FindStringSubmatch(text)
		if m == nil {
			continue
		}
		args := make([]any, len(r.ints))
		for i, isInt := range r.ints {
			args[i] = m[i+1]
			if isInt {
				n, err := strconv.Atoi(m[i+1])
				if err != nil {
					return english(text)
				}
				args[i] = n
			}
		}
		if msg := Say(r.key, args...); msg.Text(i18n.EN) == text {
			return msg
		}
	}
	return english(text)
}
