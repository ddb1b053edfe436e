package indicators

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// Data is what the analytics read: an indicator's figures by country and by
// year. datasets.Store implements it.
type Data interface {
	Series(id, iso3 string) (Series, error)
	Year(id string, year int) ([]Observation, error)
	Years(id string) ([]int, error)
	// At returns one country's figure of one year, false when there is none.
	At(id, iso3 string, year int) (Observation, bool, error)
}

// DefaultSinceYears is how far back "change since" and the compare trend
// look by default.
const DefaultSinceYears = 10

// Placed is one country's figure in a comparison.
type Placed struct {
	ISO3       string
	Has        bool // false when the country has no figure that year
	Obs        Observation
	Percentile float64 // share of the ranked field below the country, NaN without a rank
}

// Pair is the difference between two countries on one indicator and year.
type Pair struct {
	A, B       string
	Difference float64 // A − B in points of the indicator
	// AAhead: A is better than B on the indicator's own direction.
	AAhead bool
	Tie    bool
	// Distinguishable is nil when the source publishes no uncertainty;
	// otherwise it says whether the two published intervals are disjoint.
	Distinguishable *bool
}

// Change is a country's change since a base year in the same methodology
// segment: in points of the index and in rank positions (positive = moved
// up the ranking). A rank change means little when the source ranked a
// different number of entities in the two years (WJP ranked 99 in 2014 and
// 142 in 2024), so the ranks carry their field sizes and FieldChanged and
// PercentileChange compare the positions within the field instead.
type Change struct {
	ISO3       string
	From, To   int
	Value      float64 // NaN when there is no base figure
	RankChange int     // base rank − current rank; 0 when either has no rank
	HasRank    bool    // both years have a rank
	// Rank and RankOf are the rank k of N in To, SinceRank and
	// SinceRankOf in From; set only when HasRank.
	Rank, RankOf           int
	SinceRank, SinceRankOf int
	Reason                 string // why there is no change figure, when there is none
}

// FieldChanged reports whether the source ranked a different number of
// entities in the two years, so that a change of places is not a change of
// position in a comparable field.
func (c Change) FieldChanged() bool { return c.HasRank && c.RankOf != c.SinceRankOf }

// PercentileChange is the change of Percentile (the share of the ranked
// field placed below the country) from From to To, in percentage points:
// positive means a larger share of the field is ranked below the country.
// NaN without ranks in both years.
func (c Change) PercentileChange() float64 {
	if !c.HasRank {
		return math.NaN()
	}
	return Percentile(c.Rank, c.RankOf) - Percentile(c.SinceRank, c.SinceRankOf)
}

// CountryFit is a country's trend within the comparison window.
type CountryFit struct {
	ISO3 string
	Fit
}

// Comparison is the countries side by side on one indicator in one year.
type Comparison struct {
	Indicator Indicator
	Year      int
	Segment   Segment
	Values    []Placed
	// Leader is the ISO3 of the country ahead on the indicator's own
	// direction, "" when the best figures are tied or fewer than two
	// countries have one.
	Leader          string
	Distinguishable *bool // leader vs every other country; nil without published uncertainty
	Pairs           []Pair
	Fits            []CountryFit
	Changes         []Change
	// Window is the years the trend and change look at: from Since to Year
	// within Segment.
	Since int
	// Sparks holds each country's values over the window (NaN for a missing
	// year), in the order of Values.
	Sparks [][]float64
}

// CompareOptions chooses the year and the change window.
type CompareOptions struct {
	Year  int // 0: the latest year in which every country has a figure
	Since int // 0: Year − DefaultSinceYears, clamped to the segment
	// Strict makes a missing figure for a named country in Year an error.
	Strict bool
}

// Compare places the countries on one indicator.
func Compare(d Data, ind Indicator, iso3s []string, opt CompareOptions) (Comparison, error) {
	series := make([]Series, len(iso3s))
	for i, c := range iso3s {
		s, err := d.Series(ind.ID, c)
		if err != nil {
			return Comparison{}, err
		}
		series[i] = s
	}
	year := opt.Year
	if year == 0 {
		year = latestCommonYear(series)
		if year == 0 {
			return Comparison{}, Errorf(ENotFound, "%s: no year in which %s all have figures", ind.ID, strings.Join(iso3s, ", "))
		}
	} else if opt.Strict {
		for _, s := range series {
			if _, ok := s.At(year); !ok {
				return Comparison{}, yearError(ind, s, year)
			}
		}
	}
	seg, ok := ind.SegmentAt(year)
	if !ok {
		return Comparison{}, Errorf(EInvalid, "%s has no figures for %d: its series starts in %d", ind.ID, year, ind.Segments[0].From)
	}
	since := opt.Since
	if since == 0 {
		since = year - DefaultSinceYears
	}
	if since > year {
		return Comparison{}, Errorf(EInvalid, "--since %d is after the comparison year %d", since, year)
	}
	if since < seg.From {
		since = seg.From
	}
	c := Comparison{Indicator: ind, Year: year, Segment: seg, Since: since}
	for _, s := range series {
		o, has := s.At(year)
		p := Placed{ISO3: s.ISO3, Has: has, Obs: o, Percentile: math.NaN()}
		if has && o.HasRank() {
			p.Percentile = Percentile(o.Rank, o.RankOf)
		}
		c.Values = append(c.Values, p)
		c.Fits = append(c.Fits, CountryFit{ISO3: s.ISO3, Fit: fitWindow(s, since, year)})
		c.Changes = append(c.Changes, change(ind, s, o, has, opt.Since, since, year))
		c.Sparks = append(c.Sparks, spark(s, since, year))
	}
	c.Pairs, c.Leader, c.Distinguishable = pairsOf(ind, seg.Direction, c.Values)
	return c, nil
}

func latestCommonYear(series []Series) int {
	if len(series) == 0 {
		return 0
	}
	s0 := series[0].Points
	for i := len(s0) - 1; i >= 0; i-- {
		y := s0[i].Year
		all := true
		for _, s := range series[1:] {
			if _, ok := s.At(y); !ok {
				all = false
				break
			}
		}
		if all {
			return y
		}
	}
	return 0
}

// yearError is the error for a year without a figure, naming the years that
// exist.
func yearError(ind Indicator, s Series, year int) error {
	if len(s.Points) == 0 {
		return Errorf(ENotFound, "%s has no figures for %s at all", ind.ID, s.ISO3)
	}
	return Errorf(ENotFound, "%s has no figure for %s in %d: years with figures are %s", ind.ID, s.ISO3, year, YearRanges(s.Years()))
}

// YearRanges renders years compactly: "1996, 1998, 2000, 2002–2023".
func YearRanges(years []int) string {
	var parts []string
	for i := 0; i < len(years); {
		j := i
		for j+1 < len(years) && years[j+1] == years[j]+1 {
			j++
		}
		if i == j {
			parts = append(parts, strconv.Itoa(years[i]))
		} else {
			parts = append(parts, fmt.Sprintf("%d–%d", years[i], years[j]))
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}

// fitWindow fits the trend over the years from since to year.
func fitWindow(s Series, since, year int) Fit {
	var ys []int
	var vs []float64
	for _, p := range s.Points {
		if p.Year >= since && p.Year <= year {
			ys = append(ys, p.Year)
			vs = append(vs, p.Value)
		}
	}
	return FitTrend(ys, vs)
}

func spark(s Series, since, year int) []float64 {
	out := make([]float64, 0, year-since+1)
	for y := since; y <= year; y++ {
		if o, ok := s.At(y); ok {
			out = append(out, o.Value)
		} else {
			out = append(out, math.NaN())
		}
	}
	return out
}

// change finds the base figure: the first year from the window start on in
// which the country has a figure.
func change(ind Indicator, s Series, cur Observation, has bool, asked, since, year int) Change {
	ch := Change{ISO3: s.ISO3, To: year, Value: math.NaN()}
	if !has {
		ch.Reason = fmt.Sprintf("no figure in %d", year)
		return ch
	}
	// A base year before the series' first year crosses no break: the
	// change starts at the first year. One before a break is refused.
	if asked != 0 && asked < since && since != ind.Segments[0].From {
		ch.Reason = fmt.Sprintf("%d is before the methodology break of %d", asked, since)
		return ch
	}
	for _, p := range s.Points {
		if p.Year >= since && p.Year < year {
			if !ind.SameSegment(p.Year, year) {
				continue
			}
			ch.From = p.Year
			ch.Value = cur.Value - p.Value
			if p.HasRank() && cur.HasRank() {
				ch.RankChange, ch.HasRank = p.Rank-cur.Rank, true
				ch.Rank, ch.RankOf, ch.SinceRank, ch.SinceRankOf = cur.Rank, cur.RankOf, p.Rank, p.RankOf
			}
			return ch
		}
	}
	ch.Reason = fmt.Sprintf("no earlier figure since %d in the same methodology", since)
	return ch
}

// interval returns the published uncertainty interval of a figure: the
// value's own bounds, or else the percentile rank's bounds (WGI's 90%
// intervals), or else the value ± z standard errors where the publisher
// says how to read its standard error (CPI: 90%, ±1.645 SE); ok is false
// when none is published.
func interval(ind Indicator, o Observation) (lo, hi float64, ok bool) {
	if !math.IsNaN(o.Lower) && !math.IsNaN(o.Upper) {
		return o.Lower, o.Upper, true
	}
	if !math.IsNaN(o.PctLower) && !math.IsNaN(o.PctUpper) {
		return o.PctLower, o.PctUpper, true
	}
	if z := ind.Uncertain.StdErrZ(); z > 0 && ind.Uncertain.StdErr && !math.IsNaN(o.StdErr) {
		return o.Value - z*o.StdErr, o.Value + z*o.StdErr, true
	}
	return 0, 0, false
}

func pairsOf(ind Indicator, dir Direction, vals []Placed) ([]Pair, string, *bool) {
	var pairs []Pair
	for i := range vals {
		for j := i + 1; j < len(vals); j++ {
			a, b := vals[i], vals[j]
			if !a.Has || !b.Has {
				continue
			}
			p := Pair{A: a.ISO3, B: b.ISO3, Difference: a.Obs.Value - b.Obs.Value,
				AAhead: dir.Better(a.Obs.Value, b.Obs.Value), Tie: a.Obs.Value == b.Obs.Value}
			alo, ahi, aok := interval(ind, a.Obs)
			blo, bhi, bok := interval(ind, b.Obs)
			if aok && bok {
				d := ahi < blo || bhi < alo
				p.Distinguishable = &d
			}
			pairs = append(pairs, p)
		}
	}
	// The leader is the best figure; a tie at the top has no leader.
	var have []Placed
	for _, v := range vals {
		if v.Has {
			have = append(have, v)
		}
	}
	if len(have) < 2 {
		return pairs, "", nil
	}
	sort.SliceStable(have, func(i, j int) bool { return dir.Better(have[i].Obs.Value, have[j].Obs.Value) })
	if have[0].Obs.Value == have[1].Obs.Value {
		return pairs, "", nil
	}
	leader := have[0].ISO3
	var dist *bool
	for _, p := range pairs {
		if p.A != leader && p.B != leader {
			continue
		}
		if p.Distinguishable == nil {
			return pairs, leader, nil
		}
		if dist == nil {
			t := true
			dist = &t
		}
		if !*p.Distinguishable {
			f := false
			dist = &f
		}
	}
	return pairs, leader, dist
}

// Aggregate summarises a group of countries on one indicator and year.
type Aggregate struct {
	Group    string
	Year     int
	Median   float64
	Mean     float64
	N        int // members with a figure
	Of       int // members of the group
	Missing  []string
	Best     string // ISO3 of the best member
	Worst    string
	Min, Max float64
}

// GroupAggregate computes the median and mean of a group's members on one
// indicator and year, with how many of them have a figure.
func GroupAggregate(d Data, ind Indicator, group string, members []string, year int) (Aggregate, error) {
	// The members' values, in members' order; has says which have one.
	vals := make([]float64, len(members))
	has := make([]bool, len(members))
	for i, m := range members {
		o, ok, err := d.At(ind.ID, m, year)
		if err != nil {
			return Aggregate{}, err
		}
		vals[i], has[i] = o.Value, ok
	}
	a := Aggregate{Group: group, Year: year, Of: len(members), Median: math.NaN(), Mean: math.NaN(), Min: math.NaN(), Max: math.NaN()}
	dir := ind.Direction()
	if seg, ok := ind.SegmentAt(year); ok {
		dir = seg.Direction
	}
	vs := make([]float64, 0, len(members))
	best, worst := -1, -1
	for i, m := range members {
		if !has[i] {
			a.Missing = append(a.Missing, m)
			continue
		}
		v := vals[i]
		vs = append(vs, v)
		if best < 0 || dir.Better(v, vals[best]) {
			best = i
		}
		if worst < 0 || dir.Better(vals[worst], v) {
			worst = i
		}
	}
	a.N = len(vs)
	if a.N > 0 {
		a.Best, a.Worst = members[best], members[worst]
		a.Median, a.Mean = Median(vs), Mean(vs)
		a.Min, a.Max = vals[worst], vals[best]
		if a.Min > a.Max {
			a.Min, a.Max = a.Max, a.Min
		}
	}
	return a, nil
}
