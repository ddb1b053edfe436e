// Package indicators holds the domain model of rankings: indicator metadata,
// observations, series, election events and countries, plus the statistics
// computed on them. It knows nothing of files, terminals or HTTP.
package indicators

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Direction says which end of an indicator's scale is the better one.
type Direction int

const (
	// HigherIsBetter marks scales where a larger value means more freedom,
	// stronger rule of law or better governance.
	HigherIsBetter Direction = iota + 1
	// LowerIsBetter marks scales where a smaller value is better (for example
	// Freedom House ratings, where 1 is most free).
	LowerIsBetter
)

// String returns "higher is better" or "lower is better".
func (d Direction) String() string {
	switch d {
	case HigherIsBetter:
		return "higher is better"
	case LowerIsBetter:
		return "lower is better"
	}
	return "unknown direction"
}

// Better reports whether a is strictly better than b on this direction.
func (d Direction) Better(a, b float64) bool {
	if d == LowerIsBetter {
		return a < b
	}
	return a > b
}

// YearMeaning says what the year of an observation stands for.
type YearMeaning string

const (
	// EditionYear: the year is the publication (edition) year of the index;
	// the period it assesses is usually the year before.
	EditionYear YearMeaning = "edition"
	// DataYear: the year is the calendar year the figures describe.
	DataYear YearMeaning = "data"
)

// Scale is the range of an indicator's values. An unbounded end is ±Inf.
// Approximate scales (such as WGI's "about −2.5 to +2.5") are nominal: a few
// published values fall outside them.
type Scale struct {
	Min, Max    float64
	Approximate bool
	// HardMin and HardMax are an approximate scale's hard bounds, which no
	// value of the indicator can leave (see Hard); both zero for an exact
	// scale, whose Min and Max are hard.
	HardMin, HardMax float64
}

// Hard returns the bounds no value on the scale can leave: Min and Max of
// an exact scale, HardMin and HardMax of an approximate one, and ±Inf for an
// approximate scale without hard bounds.
func (s Scale) Hard() (lo, hi float64) {
	switch {
	case !s.Approximate:
		return s.Min, s.Max
	case s.HardMin == 0 && s.HardMax == 0:
		return math.Inf(-1), math.Inf(1)
	}
	return s.HardMin, s.HardMax
}

// Bounded reports whether both ends of the scale are finite.
func (s Scale) Bounded() bool { return !math.IsInf(s.Min, 0) && !math.IsInf(s.Max, 0) }

// String renders the scale as "0–100", "1–7" or "unbounded".
func (s Scale) String() string {
	if !s.Bounded() {
		return "unbounded"
	}
	sep := "–"
	if s.Min < 0 {
		sep = " to "
	}
	r := FormatNumber(s.Min) + sep + FormatNumber(s.Max)
	if s.Approximate {
		return "about " + r
	}
	return r
}

// Segment is a run of years over which an indicator's figures are
// comparable: one methodology, one scale, one direction. Trends and "change
// since" figures never cross from one segment to another.
type Segment struct {
	From      int // first year of the segment
	To        int // last year, 0 when the segment is still current
	Label     string
	Scale     Scale
	Direction Direction
	// Reason explains why this segment starts a new methodology; empty for
	// the first segment.
	Reason string
	// Restated, when set, says that the source's current files give this
	// segment's figures on another scale than the one the publisher first
	// published them on (RSF 2013–2021: 100 − the published score).
	Restated *Restatement
}

// Restatement is how a source's current files restate the figures a
// publisher first published: the file gives Pivot − the published figure,
// on a scale whose better direction is the reverse of the published one.
// The value keeps the file's convention (so that a segment reads one way);
// the published figure is carried beside it.
type Restatement struct {
	Pivot float64
	// Publisher is the publisher's short name, for notes ("RSF").
	Publisher string
	// Published is the direction of the scale as first published.
	Published Direction
}

// PublishedValue returns the figure the publisher originally published for
// an observation of this indicator, and false where the file's figure is
// the published one. It is rounded to the indicator's decimals, as the
// publisher printed it.
func (ind Indicator) PublishedValue(o Observation) (float64, bool) {
	seg, ok := ind.SegmentAt(o.Year)
	if !ok || seg.Restated == nil || math.IsNaN(o.Value) {
		return math.NaN(), false
	}
	p := math.Pow(10, float64(ind.Decimals))
	return math.Round((seg.Restated.Pivot-o.Value)*p) / p, true
}

// PublishedColumnNote explains a column of originally published figures
// beside the file's, for a table of one year (a ranking): "PUBLISHED: the
// score as RSF's 2015 report published it, on its 2013–2021 scale (lower
// is better); VALUE is what RSF's current files give, 100 minus it". It is
// "" for a year whose figures the source does not restate.
func (ind Indicator) PublishedColumnNote(year int) string {
	seg, ok := ind.SegmentAt(year)
	if !ok || seg.Restated == nil {
		return ""
	}
	r := seg.Restated
	return fmt.Sprintf("PUBLISHED: the score as %s's %d report published it, on its %d–%d scale (%s); VALUE is what %s's current files give, %s minus it",
		r.Publisher, year, seg.From, seg.To, r.Published, r.Publisher, FormatNumber(r.Pivot))
}

// PublishedNote says, for an observation whose figure the source restates,
// what the publisher first published: "RSF's 2015 report published 53.46
// on its 2013–2021 scale (lower is better); its current files give 46.54".
// It is "" for every other observation.
func (ind Indicator) PublishedNote(o Observation) string {
	pub, ok := ind.PublishedValue(o)
	if !ok {
		return ""
	}
	seg, _ := ind.SegmentAt(o.Year)
	return fmt.Sprintf("%s's %d report published %s on its %d–%d scale (%s); its current files give %s",
		seg.Restated.Publisher, o.Year, ind.Format(pub), seg.From, seg.To, seg.Restated.Published, ind.Format(o.Value))
}

// Contains reports whether year falls inside the segment.
func (s Segment) Contains(year int) bool {
	return year >= s.From && (s.To == 0 || year <= s.To)
}

// Break is a methodology break: figures before Year are not comparable with
// figures from Year on.
type Break struct {
	Year   int
	Reason string
}

// Uncertainty lists which uncertainty fields a source publishes.
type Uncertainty struct {
	// StdErr: the value has a published standard error (WGI, CPI).
	StdErr bool
	// StdErrLevel, when set, is the coverage of the interval value ± z·SE
	// that the publisher says to read the standard error as (CPI: 0.90,
	// ±1.645 SE). Compare uses it where no bounds are published.
	StdErrLevel float64
	// Bounds: the value has published lower and upper interval bounds.
	Bounds bool
	// BoundsLevel is the coverage of Bounds, e.g. 0.68 or 0.90.
	BoundsLevel float64
	// Percentile: a published percentile rank with lower and upper bounds.
	Percentile bool
	// PercentileLevel is the coverage of the percentile bounds (WGI: 0.90).
	PercentileLevel float64
}

// StdErrZ is the normal quantile of StdErrLevel: 1.645 for 0.90, 1.96 for
// 0.95; 0 when StdErrLevel is not set.
func (u Uncertainty) StdErrZ() float64 {
	if u.StdErrLevel <= 0 || u.StdErrLevel >= 1 {
		return 0
	}
	switch u.StdErrLevel {
	case 0.90:
		return 1.645 // the rounding publishers use
	case 0.95:
		return 1.96
	}
	return math.Sqrt2 * math.Erfinv(u.StdErrLevel)
}

// Any reports whether the indicator publishes any uncertainty at all.
func (u Uncertainty) Any() bool { return u.StdErr || u.Bounds || u.Percentile }

// RankSource says where ranks come from.
type RankSource string

const (
	// RanksPublished: the publisher's own ranks, copied unchanged.
	RanksPublished RankSource = "published"
	// RanksComputed: ranks computed by rankings within each year across the
	// whole field the source covers (descending on the better direction,
	// ties take the minimum rank).
	RanksComputed RankSource = "computed"
)

// Indicator is the metadata of one indicator. Every figure shown to a user is
// read with this metadata: its direction, scale, what its year means and
// where its methodology breaks.
type Indicator struct {
	ID        string // stable id used by the CLI and the JSON contract
	Name      string
	Source    string // id of the Source the indicator comes from
	Unit      string
	Segments  []Segment
	Year      YearMeaning
	YearNote  string // what the year covers, in words
	Uncertain Uncertainty
	Ranks     RankSource
	Status    string // meaning of the status column, if any (e.g. "F/PF/NF")
	Notes     string
	// Events is true for event indicators (ODIHR elections) that have no
	// yearly values.
	Events bool
	// Decimals is how many decimals the publisher prints; figures are stored
	// at full precision and shown with this many.
	Decimals int
	// RankByPercentile: computed ranks follow the published percentile rank
	// (higher first), not the value. WGI publishes its estimates rounded to
	// two decimals but computes its percentile ranks from the unrounded
	// ones, so ranking the rounded estimates would make ties and orders the
	// World Bank's own figures do not have.
	RankByPercentile bool
	// RanksComputedTo, for an indicator whose ranks are the publisher's
	// (RanksPublished), is the last year whose ranks rankings computed
	// because the publisher's file gives none for it (CPI: 2016); 0 when
	// every rank is the publisher's.
	RanksComputedTo int
}

// Format renders a figure of this indicator for display, with the
// publisher's number of decimals ("" for NaN).
func (ind Indicator) Format(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return FormatNumber(v)
	}
	s := strconv.FormatFloat(v, 'f', ind.Decimals, 64)
	if s == "-0" || strings.HasPrefix(s, "-0.") && strings.Trim(s[1:], "0.") == "" {
		s = s[1:]
	}
	return s
}

// Current returns the latest segment.
func (ind Indicator) Current() Segment { return ind.Segments[len(ind.Segments)-1] }

// Direction returns the direction of the current segment.
func (ind Indicator) Direction() Direction { return ind.Current().Direction }

// Scale returns the scale of the current segment.
func (ind Indicator) Scale() Scale { return ind.Current().Scale }

// SegmentAt returns the segment containing year, and false when year lies
// outside every segment.
func (ind Indicator) SegmentAt(year int) (Segment, bool) {
	for _, s := range ind.Segments {
		if s.Contains(year) {
			return s, true
		}
	}
	return Segment{}, false
}

// Breaks lists the methodology breaks: the start of every segment after the
// first.
func (ind Indicator) Breaks() []Break {
	var out []Break
	for _, s := range ind.Segments[1:] {
		out = append(out, Break{Year: s.From, Reason: s.Reason})
	}
	return out
}

// SameSegment reports whether two years fall in one methodology segment.
func (ind Indicator) SameSegment(a, b int) bool {
	sa, oka := ind.SegmentAt(a)
	sb, okb := ind.SegmentAt(b)
	return oka && okb && sa.From == sb.From
}
