// Package charts turns domain values into chart documents: interactive HTML
// pages and embeddable fragments drawn by ECharts (options built with
// go-echarts), and static SVG, PNG and PDF images for reports that cannot
// run JavaScript, drawn on gonum/plot's vg canvases with their axes laid
// out by charts/internal/figure.
//
// The package never reads files or the data store: callers describe a chart
// with a Spec (title, source line, axis labels that state the direction, one
// Series per country with its points, methodology breaks, election events,
// uncertainty bands) and Build turns it into a Chart. Every chart carries its
// numbers as an accessible HTML table and a one-paragraph description.
//
// Every string in a Spec is treated as untrusted text: it is escaped in the
// option JSON (no "<", ">" or "&" survives, and go-echarts' "__f__" function
// marker is neutralised) and by html/template everywhere else. Non-finite
// numbers are gaps, never values.
package charts

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"strings"

	"github.com/rankings-dev/rankings/internal/i18n"
)

// Kind is a chart kind; its string is the name the CLI and URLs use.
type Kind string

// The chart kinds.
const (
	// Ranking: one indicator in one year, the countries as sorted bars
	// labelled with their global rank "k of N".
	Ranking Kind = "ranking"
	// Timeline: countries over the years on one indicator; missing years are
	// gaps, methodology breaks start new segments and are marked, elections
	// are markers and published uncertainty is a band.
	Timeline Kind = "timeline"
	// Profile: a dot plot of countries across indicators, one row per
	// indicator; each dot is the country's percentile in the field the
	// source ranked (0–100, higher is better on every row), labelled with
	// the published value and the rank "k of N".
	Profile Kind = "profile"
	// Heatmap: countries × years for one indicator.
	Heatmap Kind = "heatmap"
	// Scatter: one indicator against another across a group in one year.
	Scatter Kind = "scatter"
	// Slope: two years, one line per country.
	Slope Kind = "slope"
	// Map: a group's countries on a map of the region, filled by their
	// figures in one year, the countries around them in grey; a slider
	// shows the other years of the same methodology.
	Map Kind = "map"
)

// Kinds lists every chart kind in display order.
func Kinds() []Kind { return []Kind{Ranking, Timeline, Profile, Heatmap, Scatter, Slope, Map} }

// ParseKind returns the kind named s, and false when there is none.
func ParseKind(s string) (Kind, bool) {
	for _, k := range Kinds() {
		if string(k) == s {
			return k, true
		}
	}
	return "", false
}

// Spec describes one chart. Series are countries throughout: a ranking has
// one series per country with one point, a timeline one series per country
// with a point per year, a profile one series per country with a point per
// category (indicator), a heatmap one series (row) per country with a point
// per year, a scatter one series per country with one (X, Y) point, a
// slope one series per country with a point per year, and a map one series
// per country with a point per year of the methodology segment of Year,
// which it shows first.
type Spec struct {
	Kind Kind
	// ID overrides the chart id; by default it is derived from the kind,
	// indicators, countries, years and title (see Chart.ID).
	ID string
	// Indicator names the indicator(s) shown, for the id and the table
	// ("rsf", or "wgi-rl vs rsf" for a scatter).
	Indicator string
	// Year is the year shown (ranking, profile, scatter), 0 if none.
	Year int

	Title string
	// Subtitle names the source and its edition.
	Subtitle string
	// Citation is how to cite the source; it is part of the subtitle in
	// every output.
	Citation string
	// Notes are shown under the chart: caveats a reader must know (for
	// example that a source publishes no uncertainty intervals).
	Notes []string

	// XLabel and YLabel name the axes. The value axis says which direction
	// is better ("score 0–100, higher is better").
	XLabel, YLabel string
	// HigherIsBetter is the direction of the value axis (rankings sort
	// with it; a lower-is-better axis is drawn inverted so that "up" and
	// "right" always mean better).
	HigherIsBetter bool
	// XHigherIsBetter is the direction of a scatter's x axis.
	XHigherIsBetter bool
	// Decimals is how many decimals the publisher prints.
	Decimals int
	// Min and Max fix the value axis when both are finite and Min < Max.
	Min, Max float64
	// XMin and XMax fix a scatter's x axis the same way; the zero value
	// leaves it to the data (and the axis title says it is zoomed).
	XMin, XMax float64

	// Categories names the points of a profile (indicator names).
	Categories []string
	// CategoryNotes, one per category where set, is shown with the
	// category's name: for a profile, the published scale and direction of
	// the row's figures and, where it applies, how its percentile is
	// obtained ("score 0–100, higher is better").
	CategoryNotes []string
	Series        []Series
	// Breaks are methodology breaks (timeline, heatmap, slope).
	Breaks []Break
	// Panels split a timeline or heatmap that spans methodology breaks into
	// one panel per segment, each with its own value scale and direction:
	// no line, axis or colour scale holds figures of two segments. Empty:
	// one panel described by YLabel, HigherIsBetter, Min and Max.
	Panels []Panel
	// Covered is how many years before its X a timeline point's figures
	// describe: 1 for edition-year indices whose edition of year N mostly
	// covers N−1. The timeline draws each point in the year it covers, so
	// that an election is placed in time against what the figures describe.
	Covered int
	// Events are election markers on a timeline.
	Events []Event
	// Band says what the uncertainty band of the points is ("90% interval:
	// estimate ± 1.645 × standard error"); empty when there is none.
	Band string
	// Entities says what the series are, for the description and the
	// table: countries (the default), territories, or both.
	Entities Entities
	// Shapes are the outlines a map draws: each series' country (matched
	// by code) and the countries around them, drawn grey for context.
	Shapes []Shape
	// Credit is the boundaries' credit line a map carries.
	Credit string
	// Lang is the language of the words the chart adds around the spec's
	// own strings (legend, table headers, description, links); the zero
	// value is English. The spec's strings are in this language already.
	Lang i18n.Lang
}

// Entities says what a chart's series are.
type Entities int

// The kinds of series a chart can have.
const (
	Countries Entities = iota
	Territories
	CountriesAndTerritories
)

// countIn is count in language l.
func (e Entities) countIn(l i18n.Lang, n int) string {
	if l != i18n.RU {
		return e.count(n)
	}
	switch e {
	case Territories:
		return l.N("chart.n_territories", n, l.Int(n))
	case CountriesAndTerritories:
		return l.N("chart.n_countries_territories", n, l.Int(n))
	}
	return l.N("chart.n_countries", n, l.Int(n))
}

// headerIn is header in language l.
func (e Entities) headerIn(l i18n.Lang) string {
	switch e {
	case Territories:
		return l.T("chart.col.territory")
	case CountriesAndTerritories:
		return l.T("chart.col.country_territory")
	}
	return l.T("chart.col.country")
}

// count is "15 countries", "1 territory", "208 countries and territories".
func (e Entities) count(n int) string {
	switch {
	case e == Territories && n == 1:
		return "1 territory"
	case e == Territories:
		return fmt.Sprintf("%d territories", n)
	case e == CountriesAndTerritories && n == 1:
		return "1 country or territory"
	case e == CountriesAndTerritories:
		return fmt.Sprintf("%d countries and territories", n)
	case n == 1:
		return "1 country"
	}
	return fmt.Sprintf("%d countries", n)
}

// header names the entities in a table's first column.
func (e Entities) header() string {
	switch e {
	case Territories:
		return "Territory"
	case CountriesAndTerritories:
		return "Country or territory"
	}
	return "Country"
}

// Series is one country's points.
type Series struct {
	Name string // display name, e.g. "Kazakhstan"
	Code string // ISO3 code
	// Highlight marks the countries a user asked for in a group chart.
	Highlight bool
	Points    []Point
}

// Point is one figure. A point whose Y is NaN or ±Inf is missing: a gap,
// never a zero and never joined across.
type Point struct {
	// X is the year (timeline, heatmap, slope), the x value (scatter) or
	// the category index (profile).
	X float64
	// Y is the value (for a profile, the percentile in the ranked field).
	Y float64
	// Lo and Hi bound the published uncertainty of Y; NaN when none.
	Lo, Hi float64
	// Rank and RankOf are the global rank "k of N"; 0 when none.
	Rank, RankOf int
	// Text is the value as printed in tables and tooltips (a profile gives
	// the published figure here); empty: Y with Spec.Decimals.
	Text string
	// Note is what a reader must know about this one figure, as whole
	// sentences (for example the figure the publisher originally published,
	// where its current files restate it). It is shown in the point's
	// tooltip and as a numbered footnote of the chart's table, whose cell
	// carries the footnote's mark.
	Note string
}

// Missing reports whether the point has no value.
func (p Point) Missing() bool { return !finite(p.Y) }

// HasBand reports whether the point has a finite uncertainty band.
func (p Point) HasBand() bool { return finite(p.Lo) && finite(p.Hi) && p.Lo <= p.Hi }

// Break is a methodology break: figures from Year on are not comparable
// with those before.
type Break struct {
	Year  int
	Label string
}

// Event is an election marker on a timeline.
type Event struct {
	Country string // series name the event belongs to
	Date    string // YYYY-MM-DD
	// Class is the assessment code (met, mostly_met, partly_met, not_met,
	// not_observed, unknown); it picks the marker's colour and shape.
	Class   string
	Label   string // the assessment in words
	Type    string // presidential, parliamentary …
	Summary string
	Source  string // URL of the page the assessment rests on
	// SourceKind says in words what the page at Source is ("ODIHR's own
	// page", "secondary source: news, reference or academic account"); it
	// is shown next to the source.
	SourceKind string
}

// Year returns the event's date as a fractional year (2024-07-01 ≈ 2024.5),
// and false when the date does not parse.
func (e Event) Year() (float64, bool) {
	var y, m, d int
	if _, err := fmt.Sscanf(e.Date, "%4d-%2d-%2d", &y, &m, &d); err != nil || m < 1 || m > 12 || d < 1 || d > 31 {
		return 0, false
	}
	return float64(y) + (float64(m-1)*30.4+float64(d-1))/365, true
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// chartID derives a deterministic id from the chart's content: the same
// chart gets the same id in every run, two different charts on one page do
// not share one.
func chartID(s Spec) string {
	if s.ID != "" {
		return slug(s.ID)
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%d\x00%s\x00", s.Kind, s.Indicator, s.Year, s.Title)
	for _, sr := range s.Series {
		fmt.Fprintf(h, "%s\x01", sr.Code)
		if len(sr.Points) > 0 {
			fmt.Fprintf(h, "%g-%g\x01", sr.Points[0].X, sr.Points[len(sr.Points)-1].X)
		}
	}
	return "rk-" + string(s.Kind) + "-" + hex.EncodeToString(h.Sum(nil))[:12]
}

// slug keeps [a-z0-9-] so an id is safe in HTML attributes, CSS selectors
// and JavaScript strings.
func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	out := strings.Trim(b.String(), "-")
	if out == "" || out[0] >= '0' && out[0] <= '9' {
		out = "rk-" + out
	}
	return out
}

// format prints v with the spec's decimals.
func (s Spec) format(v float64) string {
	if !finite(v) {
		return ""
	}
	out := fmt.Sprintf("%.*f", s.Decimals, v)
	if strings.Trim(out, "-0.") == "" {
		out = strings.TrimPrefix(out, "-")
	}
	if s.Lang == i18n.RU {
		out = strings.ReplaceAll(out, ".", ",")
	}
	return out
}

// text is a point's printed value.
func (s Spec) text(p Point) string {
	if p.Missing() {
		return s.Lang.T("chart.no_data")
	}
	if p.Text != "" {
		return p.Text
	}
	return s.format(p.Y)
}

// direction is "higher is better" or "lower is better".
func (s Spec) direction() string {
	return directionIn(s.Lang, s.HigherIsBetter)
}

// sourceLine is the subtitle and the citation, as one line.
func (s Spec) sourceLine() string {
	parts := []string{}
	if s.Subtitle != "" {
		parts = append(parts, s.Subtitle)
	}
	if s.Citation != "" {
		parts = append(parts, s.Lang.T("chart.cite", s.Citation))
	}
	return strings.Join(parts, ". ")
}

// Ordinal renders n as "1st", "2nd", "3rd", "4th", "11th", "112th",
// "141st".
func Ordinal(n int) string {
	suffix := "th"
	switch n % 100 {
	case 11, 12, 13:
	default:
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return fmt.Sprintf("%d%s", n, suffix)
}

// validate checks what a builder needs.
func (s Spec) validate() error {
	if _, ok := ParseKind(string(s.Kind)); !ok {
		return fmt.Errorf("charts: unknown kind %q", s.Kind)
	}
	if strings.TrimSpace(s.Title) == "" {
		return fmt.Errorf("charts: %s chart has no title", s.Kind)
	}
	if len(s.Series) == 0 {
		return fmt.Errorf("charts: %s chart %q has no series", s.Kind, s.Title)
	}
	if s.Kind == Map && len(s.Shapes) == 0 {
		return fmt.Errorf("charts: map %q has no shapes", s.Title)
	}
	if s.Kind == Profile && len(s.Categories) < 3 {
		return fmt.Errorf("charts: a profile needs at least 3 indicators, got %d", len(s.Categories))
	}
	return nil
}

// Panel is one methodology segment of a chart that spans breaks.
type Panel struct {
	// From and To are the segment's first and last years within the
	// chart (X values); To 0 is open.
	From, To int
	// Title names the segment and its years ("2002–2012: old points
	// scale (unbounded), lower is better").
	Title string
	// YLabel is the panel's value axis title, with its direction.
	YLabel string
	// HigherIsBetter is the segment's direction; a lower-is-better panel
	// is drawn inverted (axis or colour ramp) so that up and dark mean
	// better in every panel.
	HigherIsBetter bool
	// Min and Max fix the panel's scale when both are finite and Min < Max.
	Min, Max float64
}

// Holds reports whether the panel holds a figure of year x.
func (p Panel) Holds(x float64) bool {
	return finite(x) && int(x) >= p.From && (p.To == 0 || int(x) <= p.To)
}

// panels returns the panels a timeline or heatmap draws: the spec's own,
// or one panel of the whole chart.
func (s Spec) panels() []Panel {
	if len(s.Panels) > 0 {
		return s.Panels
	}
	return []Panel{{From: math.MinInt32, Title: "", YLabel: s.YLabel, HigherIsBetter: s.HigherIsBetter, Min: s.Min, Max: s.Max}}
}

// inPanel returns the points of pts that panel p holds, in order.
func inPanel(pts []Point, p Panel) []Point {
	var out []Point
	for _, q := range pts {
		if p.Holds(q.X) {
			out = append(out, q)
		}
	}
	return out
}
