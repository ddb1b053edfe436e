package cli

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	cldr "golang.org/x/text/feature/plural"

	"github.com/rankings-dev/rankings/datasets/countries"
	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/docs"
	"github.com/rankings-dev/rankings/internal/i18n"
)

// This file holds the sentences the commands say with numbers in them:
// counts whose wording depends on the number, trends in words and figures
// at the precision they deserve. Every sentence is one format string with
// arguments, so that another language gets whole sentences to translate,
// never fragments to glue.

// countSentence is a sentence whose wording depends on a count: one format
// string per plural form of the display language (English has One and
// Other; Russian adds Few and Many). A form the language uses but the
// sentence lacks falls back to Other.
type countSentence map[cldr.Form]string

// format picks the form for n by the display language's plural rules
// (CLDR, golang.org/x/text/feature/plural) and formats it with args; n is
// usually among args too.
func (s countSentence) format(n int, args ...any) string {
	f, ok := s[cldr.Cardinal.MatchPlural(countries.DisplayLanguage, abs(n)%10000000, 0, 0, 0, 0)]
	if !ok {
		f = s[cldr.Other]
	}
	return fmt.Sprintf(f, args...)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// The count sentences of the commands.
var (
	sayMembersWithFigure = countSentence{
		cldr.One:   "%d of %d members has a figure",
		cldr.Other: "%d of %d members have a figure",
	}
	sayElectionCounts = countSentence{
		cldr.One:   "%d election: %s.",
		cldr.Other: "%d elections: %s.",
	}
	sayTooFewPoints = countSentence{
		cldr.One:   "too few figures for a trend: %d year; a trend needs %d",
		cldr.Other: "too few figures for a trend: %d years; a trend needs %d",
	}
	sayFittedYears = countSentence{
		cldr.One:   "%d–%d, %d year of figures",
		cldr.Other: "%d–%d, %d years of figures",
	}
	sayChartsWritten = countSentence{
		cldr.One:   "wrote %d chart and index.html to %s",
		cldr.Other: "wrote %d charts and index.html to %s",
	}
	sayIndicatorsWithout = countSentence{
		cldr.One:   "%d indicator has no figures for %d: %s",
		cldr.Other: "%d indicators have no figures for %d: %s",
	}
	sayCountriesCovered = countSentence{
		cldr.One:   "%d country or territory",
		cldr.Other: "%d countries and territories",
	}
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
// score or index, or WGI's standard units.
func slopeUnit(ind indicators.Indicator) string {
	if strings.Contains(ind.Unit, "standard normal units") {
		return "standard units"
	}
	return "points"
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

// trendWords says a fitted trend in words, on the direction of its
// segment: "worsening by 3.2 points a year, 95% CI 1.5 to 4.8",
// "improving by …", or, when the interval includes zero, "no clear trend:
// −0.3 points a year, 95% CI −0.9 to 0.4". An improving or worsening
// trend is given as a size with its interval; one with no clear direction
// keeps its signs; a series that never changed says so. Too few figures
// are said so.
func trendWords(t docs.Trend, higherIsBetter bool, unit string) string {
	if t.Insufficient || t.Slope == nil || t.CILow == nil || t.CIHigh == nil {
		return sayTooFewPoints.format(t.N, t.N, indicators.MinTrendPoints)
	}
	d := slopeDecimals(t)
	slope, lo, hi := *t.Slope, *t.CILow, *t.CIHigh
	switch trendDirection(t, higherIsBetter) {
	case 1:
		if slope < 0 {
			slope, lo, hi = -slope, -hi, -lo
		}
		return fmt.Sprintf("improving by %s %s a year, 95%% CI %s to %s", fixed(slope, d), unit, fixed(lo, d), fixed(hi, d))
	case -1:
		if slope < 0 {
			slope, lo, hi = -slope, -hi, -lo
		}
		return fmt.Sprintf("worsening by %s %s a year, 95%% CI %s to %s", fixed(slope, d), unit, fixed(lo, d), fixed(hi, d))
	}
	if slope == 0 && lo == 0 && hi == 0 {
		return "no change: the same figure every year"
	}
	if fixed(lo, d) == fixed(0, d) && fixed(hi, d) == fixed(0, d) {
		return fmt.Sprintf("no clear trend: less than %s %s a year either way", fixed(math.Pow(10, -float64(d)), d), unit)
	}
	return fmt.Sprintf("no clear trend: %s %s a year, 95%% CI %s to %s", signed(slope, d), unit, signed(lo, d), signed(hi, d))
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
		out = append(out, n.Reason)
	}
	return out
}

// noElectionsMarkdown is noElectionsLines as Markdown paragraphs, apart
// from the table above them.
func noElectionsMarkdown(doc docs.Compare) string {
	if len(doc.NoElections) == 0 {
		return ""
	}
	var b strings.Builder
	if len(doc.Elections) == 0 {
		b.WriteString("\n**" + electionsHeading(i18n.EN, doc) + "**\n")
	}
	for _, n := range doc.NoElections {
		b.WriteString("\n" + mdEscape(n.Reason) + "\n")
	}
	return b.String()
}
