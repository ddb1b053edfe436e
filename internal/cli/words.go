package cli

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/docs"
	"github.com/rankings-dev/rankings/internal/i18n"
)

// This file holds the sentences the commands say with numbers in them:
// counts whose wording depends on the number, trends in words and figures
// at the precision they deserve. Every sentence is one format string with
// arguments, so that another language gets whole sentences to translate,
// never fragments to glue.

// countMessage is the catalogue key of a sentence whose wording depends
// on a count: a plural message (English one and other; Russian one, few,
// many and other), picked by CLDR's rules for the count.
type countMessage string

// in is the sentence in language l for count n, formatted with args; n is
// usually among args too.
func (k countMessage) in(l i18n.Lang, n int, args ...any) string {
	return l.N(string(k), n, args...)
}

// format is the sentence in English, for the outputs not yet given a
// language.
func (k countMessage) format(n int, args ...any) string { return k.in(i18n.EN, n, args...) }

// The count sentences of the commands.
const (
	sayMembersWithFigure countMessage = "count.members_with_figure"
	sayElectionCounts    countMessage = "count.elections"
	sayTooFewPoints      countMessage = "count.too_few_points"
	sayFittedYears       countMessage = "count.fitted_years"
	sayChartsWritten     countMessage = "count.charts_written"
	sayIndicatorsWithout countMessage = "count.indicators_without"
	sayCountriesCovered  countMessage = "count.countries_covered"
)

// minusSign writes a negative number with the typographic minus sign, as
// sig does.
func minusSign(s string) string { return strings.Replace(s, "-", "−", 1) }

// fixed formats v with d decimals; a value that rounds to zero loses its
// sign ("0.0", never "−0.0").
func fixed(v float64, d int) string {
	s := strconv.FormatFloat(v, 'f', d, 64)
	if strings.Trim(s, "-0.") == "" {
		s = strings.TrimPrefix(s, "-")
	}
	return minusSign(s)
}

// signed is fixed with a "+" on positive values.
func signed(v float64, d int) string {
	s := fixed(v, d)
	if v > 0 && strings.Trim(s, "0.") != "" {
		s = "+" + s
	}
	return s
}

// maxSlopeDecimals is the precision of the trends in the documents
// (docs.TrendDoc rounds to 4 decimals): no slope is shown finer.
const maxSlopeDecimals = 4

// slopeDecimals is the precision a trend deserves: two significant digits
// of the larger of the slope and its 95% interval's half-width (a slope of
// 3.24 within 1.5 to 4.8 reads 3.2; 0.0171 reads 0.017; a slope near zero
// within −0.003 to 0.0023 reads to 4 decimals), never finer than the
// documents keep, and fine enough that a slope that is not zero does not
// read as zero.
func slopeDecimals(t docs.Trend) int {
	size := 0.0
	if t.Slope != nil {
		size = math.Abs(*t.Slope)
	}
	if t.CILow != nil && t.CIHigh != nil {
		size = math.Max(size, (*t.CIHigh-*t.CILow)/2)
	}
	d := maxSlopeDecimals
	if size > 0 {
		d = 1 - int(math.Floor(math.Log10(size)))
	}
	d = min(max(d, 0), maxSlopeDecimals)
	for t.Slope != nil && *t.Slope != 0 && d < maxSlopeDecimals && strings.Trim(fixed(*t.Slope, d), "−0.") == "" {
		d++
	}
	return d
}

// slopeUnit is what a trend of ind counts per year: the points of its
// score or index, or WGI's standard units. It is the catalogue key of the
// unit's words (unitWords).
func slopeUnit(ind indicators.Indicator) string {
	if strings.Contains(ind.Unit, "standard normal units") {
		return "trend.unit_standard"
	}
	return "trend.unit_points"
}

// unitWords is unit (slopeUnit's key) as said after the figure v written
// in language l: "3.2 points", "3,2 пункта", "2 пункта", "5 пунктов". A
// figure with decimals takes the unit's "fraction" form (Russian: the
// genitive singular), a whole figure its plural form.
func unitWords(l i18n.Lang, unit, v string) string {
	if strings.ContainsAny(v, ".,") {
		return l.T(unit + "_fraction")
	}
	n, err := strconv.Atoi(strings.TrimLeft(v, "+−"))
	if err != nil {
		return l.T(unit + "_fraction")
	}
	return l.N(unit, n)
}

// trendDirection says whether the 95% interval of a trend lies on the
// better side of zero (1), the worse side (−1), or includes it (0), on the
// segment's direction: a falling figure improves on a lower-is-better
// scale.
func trendDirection(t docs.Trend, higherIsBetter bool) int {
	if t.CILow == nil || t.CIHigh == nil {
		return 0
	}
	dir := 0
	switch {
	case *t.CILow > 0:
		dir = 1
	case *t.CIHigh < 0:
		dir = -1
	}
	if !higherIsBetter {
		dir = -dir
	}
	return dir
}

// trendWords says a fitted trend in words in language l, on the direction
// of its segment: "worsening by 3.2 points a year, 95% CI 1.5 to 4.8",
// "improving by …", or, when the interval includes zero, "no clear trend:
// −0.3 points a year, 95% CI −0.9 to 0.4". An improving or worsening
// trend is given as a size with its interval; one with no clear direction
// keeps its signs; a series that never changed says so. Too few figures
// are said so. unit is slopeUnit's key.
func trendWords(l i18n.Lang, t docs.Trend, higherIsBetter bool, unit string) string {
	if t.Insufficient || t.Slope == nil || t.CILow == nil || t.CIHigh == nil {
		return sayTooFewPoints.in(l, t.N, t.N, indicators.MinTrendPoints)
	}
	d := slopeDecimals(t)
	num := func(v float64) string { return l.Figure(fixed(v, d)) }
	snum := func(v float64) string { return l.Figure(signed(v, d)) }
	slope, lo, hi := *t.Slope, *t.CILow, *t.CIHigh
	switch dir := trendDirection(t, higherIsBetter); dir {
	case 1, -1:
		if slope < 0 {
			slope, lo, hi = -slope, -hi, -lo
		}
		key := "trend.improving"
		if dir == -1 {
			key = "trend.worsening"
		}
		return l.T(key, num(slope), unitWords(l, unit, num(slope)), num(lo), num(hi))
	}
	if slope == 0 && lo == 0 && hi == 0 {
		return l.T("trend.no_change")
	}
	if fixed(lo, d) == fixed(0, d) && fixed(hi, d) == fixed(0, d) {
		least := num(math.Pow(10, -float64(d)))
		return l.T("trend.no_clear_less_than", least, unitWords(l, unit, least))
	}
	return l.T("trend.no_clear", snum(slope), unitWords(l, unit, snum(slope)), snum(lo), snum(hi))
}

// trendShort is a trend in a table's narrow column: an arrow pointing up
// for better (↗ improving, ↘ worsening, → no clear trend, as trendWords
// decides) and the slope per year at the precision it deserves, "↘−3.4/y";
// "n=3" when there are too few figures, "" when there are none.
func trendShort(t docs.Trend, higherIsBetter bool) string {
	if t.N == 0 {
		return ""
	}
	if t.Insufficient || t.Slope == nil {
		return fmt.Sprintf("n=%d", t.N)
	}
	arrow := "→"
	switch trendDirection(t, higherIsBetter) {
	case 1:
		arrow = "↗"
	case -1:
		arrow = "↘"
	}
	slope := signed(*t.Slope, slopeDecimals(t))
	if strings.Trim(slope, "0.") == "" {
		slope = "0"
	}
	return arrow + slope + "/y"
}

// stdErrText is a standard error with one decimal more than the figure it
// belongs to (CPI's 3.331854 reads 3.3; WGI's 0.14 stays 0.14).
func stdErrText(ind indicators.Indicator, v float64) string {
	s := strconv.FormatFloat(v, 'f', ind.Decimals+1, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return minusSign(s)
}

// percentileText is a percentile rank with one decimal, as WGI publishes
// it ("25.0", not "25" beside "43.4").
func percentileText(v float64) string { return fixed(v, 1) }

// noElectionsLines says why compared countries have no ODIHR section, a
// sentence a line; when no compared country has one, the section's heading
// comes first, so that the sentences are not left without one.
func noElectionsLines(lang i18n.Lang, doc docs.Compare) []string {
	if len(doc.NoElections) == 0 {
		return nil
	}
	var out []string
	if len(doc.Elections) == 0 {
		out = append(out, "", electionsHeading(lang, doc))
	}
	for _, n := range doc.NoElections {
		out = append(out, n.ReasonIn(lang))
	}
	return out
}

// noElectionsMarkdown is noElectionsLines as Markdown paragraphs, apart
// from the table above them.
func noElectionsMarkdown(lang i18n.Lang, doc docs.Compare) string {
	if len(doc.NoElections) == 0 {
		return ""
	}
	var b strings.Builder
	if len(doc.Elections) == 0 {
		b.WriteString("\n**" + electionsHeading(lang, doc) + "**\n")
	}
	for _, n := range doc.NoElections {
		b.WriteString("\n" + mdEscape(n.ReasonIn(lang)) + "\n")
	}
	return b.String()
}

// directionText is "higher is better" or "lower is better" in language l.
func directionText(l i18n.Lang, d indicators.Direction) string {
	switch d {
	case indicators.HigherIsBetter:
		return l.T("direction.higher")
	case indicators.LowerIsBetter:
		return l.T("direction.lower")
	}
	return d.String()
}

// scaleText is a segment's scale in language l: "about -2.5 to 2.5",
// «примерно от -2,5 до 2,5».
func scaleText(l i18n.Lang, s indicators.Scale) string {
	if l == i18n.EN {
		return s.String()
	}
	if !s.Bounded() {
		return l.T("scale.unbounded")
	}
	// The signs are as English writes a scale (and a figure): "-2.5".
	lo := l.Figure(indicators.FormatNumber(s.Min))
	hi := l.Figure(indicators.FormatNumber(s.Max))
	r := l.T("scale.range", lo, hi)
	if s.Min < 0 {
		r = l.T("scale.range_negative", lo, hi)
	}
	if s.Approximate {
		return l.T("scale.about", r)
	}
	return r
}

// segmentText describes a methodology segment in language l: its years,
// scale (or the publisher's label for it) and direction: "2002–2012 old
// points scale (unbounded), lower is better", "1996– scale about -2.5 to
// 2.5, higher is better". id is the segment's indicator.
func segmentText(l i18n.Lang, id string, seg indicators.Segment) string {
	years := l.T("segment.years_open", seg.From)
	if seg.To != 0 {
		years = l.T("segment.years", seg.From, seg.To)
	}
	label := seg.Label
	if key := fmt.Sprintf("segment.%s.%d", id, seg.From); label != "" && l != i18n.EN && i18n.Has(key) {
		label = l.T(key)
	}
	if label == "" {
		label = l.T("segment.scale", scaleText(l, seg.Scale))
	}
	return l.T("segment.text", years, label, directionText(l, seg.Direction))
}

// rankOf is a global rank "k of N" in language l.
func rankOf(l i18n.Lang, k, n int) string { return l.T("rank.k_of_n", k, n) }

// yearKind says what an indicator's years stand for, in a heading's
// brackets: "edition year" or "data year".
func yearKind(l i18n.Lang, y indicators.YearMeaning) string {
	if i18n.Has("year_kind." + string(y)) {
		return l.T("year_kind." + string(y))
	}
	return l.T("year_kind.other", string(y))
}

// The notes the data files carry on a figure (the note column) are
// English: the edition a figure comes from and the period it covers
// ("edition 2020, covers 2019", "edition 1983-84, covers Aug.1982-Nov.1983",
// "edition 2011-12"), or a sentence of the curators. dataNote says the
// edition notes and the sentences the catalogue knows (dataNoteKeys) in
// language l; any other note, or any other part after a ";", stays as the
// data gives it.
var (
	editionCoversRe = lazyRegexp(`^edition (.+?), covers (.+)$`)
	editionRe       = lazyRegexp(`^edition (.+)$`)
	yearRe          = lazyRegexp(`^\d{4}$`)
	yearsRe         = lazyRegexp(`^(\d{4})-(\d{2}|\d{4})$`)
	monthsYearRe    = lazyRegexp(`^([A-Z][a-z]{2})\.-([A-Z][a-z]{2})\. (\d{4})$`)
	monthYearSpanRe = lazyRegexp(`^([A-Z][a-z]{2})\. ?(\d{4})-([A-Z][a-z]{2})\. ?(\d{4})$`)
)

// dataNoteKeys are the keys of the curators' sentences that the catalogue
// translates; the English catalogue holds each as the data does, a number
// in it as %s.
var dataNoteKeys = []string{
	"note.cpi_rank_computed", "note.rsf_us_territory", "note.rsf_israel_territory",
	"note.fotp_palestine", "note.rsf_yug", "note.rsf_label_morocco",
	"note.vdem_czechoslovakia", "note.vdem_north_vietnam", "note.vdem_north_yemen",
	"note.vdem_west_germany", "note.vdem_yugoslavia", "note.vdem_fry", "note.vdem_soviet_union",
	"note.vdem_palestine", "note.vdem_vdr", "note.fh_xou_from", "note.fh_xou_up_to",
	"note.fh_yugoslavia", "note.parts_sum",
}

func dataNote(l i18n.Lang, note string) string {
	if l == i18n.EN || note == "" {
		return note
	}
	if k, args, ok := dataNoteKey(note); ok {
		return l.T(k, args...)
	}
	parts := strings.Split(note, "; ")
	for i, p := range parts {
		parts[i] = dataNotePart(l, p)
	}
	return strings.Join(parts, l.T("show.detail_sep"))
}

// dataNotePart is one part of a data note in language l.
func dataNotePart(l i18n.Lang, p string) string {
	if k, args, ok := dataNoteKey(p); ok {
		return l.T(k, args...)
	}
	if m := editionCoversRe().FindStringSubmatch(p); m != nil {
		ed, ok1 := editionWords(l, m[1])
		cov, ok2 := coversWords(l, m[2])
		if ok1 && ok2 {
			return l.T("note.edition_covers", ed, cov)
		}
		return p
	}
	if m := editionRe().FindStringSubmatch(p); m != nil {
		if ed, ok := editionWords(l, m[1]); ok {
			return l.T("note.edition", ed)
		}
	}
	return p
}

// dataNoteKey is the key of the curators' sentence s, if the catalogue
// knows it, with the numbers it holds.
func dataNoteKey(s string) (string, []any, bool) {
	for _, k := range dataNoteKeys {
		if m := dataNotePatterns()[k].FindStringSubmatch(s); m != nil {
			args := make([]any, len(m)-1)
			for i, a := range m[1:] {
				args[i] = a
			}
			return k, args, true
		}
	}
	return "", nil, false
}

// dataNotePatterns match the English messages of dataNoteKeys, each %s in
// them a number; built on first use.
var dataNotePatterns = sync.OnceValue(func() map[string]*regexp.Regexp {
	out := map[string]*regexp.Regexp{}
	for _, k := range dataNoteKeys {
		// The message with as many placeholders as it takes arguments.
		var text string
		for n := 0; n <= 10; n++ {
			args := make([]any, n)
			for i := range args {
				args[i] = "\x00"
			}
			if text = i18n.EN.T(k, args...); !strings.Contains(text, "%!") {
				break
			}
		}
		parts := strings.Split(text, "\x00")
		for i, p := range parts {
			parts[i] = regexp.QuoteMeta(p)
		}
		out[k] = regexp.MustCompile("^" + strings.Join(parts, `(\d+)`) + "$")
	}
	return out
})

// editionWords is an edition's name in a data note ("2020", "1983-84",
// "Jan.-Feb. 1973") in language l.
func editionWords(l i18n.Lang, s string) (string, bool) {
	switch {
	case yearRe().MatchString(s):
		return l.T("note.edition_year", s), true
	case yearsRe().MatchString(s):
		m := yearsRe().FindStringSubmatch(s)
		return l.T("note.edition_years", m[1], m[2]), true
	case monthsYearRe().MatchString(s):
		m := monthsYearRe().FindStringSubmatch(s)
		if !i18n.Has("month."+m[1]) || !i18n.Has("month."+m[2]) {
			return "", false
		}
		return l.T("note.edition_months", l.T("month."+m[1]), l.T("month."+m[2]), m[3]), true
	}
	return "", false
}

// coversWords is the period an edition covers in a data note ("2019",
// "Aug.1982-Nov.1983") in language l.
func coversWords(l i18n.Lang, s string) (string, bool) {
	switch {
	case yearRe().MatchString(s):
		return l.T("note.covers_year", s), true
	case monthYearSpanRe().MatchString(s):
		m := monthYearSpanRe().FindStringSubmatch(s)
		if !i18n.Has("month."+m[1]) || !i18n.Has("month."+m[3]) {
			return "", false
		}
		return l.T("note.covers_span", l.T("month."+m[1]), m[2], l.T("month."+m[3]), m[4]), true
	}
	return "", false
}

// statusText is a figure's status code (Freedom House's F, PF, NF) in
// language l; a code the catalogue does not know stays as it is.
func statusText(l i18n.Lang, code string) string {
	if key := "status." + code; code != "" && l != i18n.EN && i18n.Has(key) {
		return l.T(key)
	}
	return code
}
