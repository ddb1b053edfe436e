package docs

import (
	"math"
	"strings"

	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/i18n"
)

// round returns v rounded to d decimals, nil for NaN.
func round(v float64, d int) *float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	p := math.Pow(10, float64(d))
	r := math.Round(v*p) / p
	return &r
}

// CompareValue is one country's figure in a comparison.
type CompareValue struct {
	ISO3 string `json:"iso3"`
	// Value is the figure in the indicator's unit; null when the country
	// has none that year.
	Value *float64 `json:"value"`
	// PublishedValue is the figure as the publisher originally published
	// it where the source's current files restate it (RSF 2013–2021),
	// null elsewhere and where Value is null; see Value.PublishedValue.
	PublishedValue *float64 `json:"published_value"`
	Rank           *int     `json:"rank"`
	RankOf         *int     `json:"rank_of"`
	// Percentile is the share of the ranked field below the country,
	// 100·(N−k)/N for rank k of N; null without a rank.
	Percentile *float64 `json:"percentile"`
	StdErr     *float64 `json:"stderr"`
	Lower      *float64 `json:"lower"`
	Upper      *float64 `json:"upper"`
	Pct        *float64 `json:"pct"`
	PctLower   *float64 `json:"pct_lower"`
	PctUpper   *float64 `json:"pct_upper"`
	Status     string   `json:"status,omitempty"`
	Note       string   `json:"note,omitempty"`
}

// Trend is a fitted trend in a document. Slopes are points of the index per
// year; with too few points every figure is null and Insufficient is true.
type Trend struct {
	ISO3 string `json:"iso3"`
	// Slope is the least-squares slope in points of the index per year,
	// with its 95% confidence interval CILow..CIHigh; a slope in the
	// better direction is an improvement (see higher_is_better).
	Slope  *float64 `json:"slope"`
	CILow  *float64 `json:"ci_low"`
	CIHigh *float64 `json:"ci_high"`
	// TheilSen is the Theil–Sen slope (median of pairwise slopes), points
	// per year; RSquared the fit's R².
	TheilSen *float64 `json:"theil_sen"`
	RSquared *float64 `json:"r_squared"`
	// N is the number of yearly figures fitted, From and To the first and
	// last of their years.
	N            int  `json:"n"`
	From         *int `json:"from"`
	To           *int `json:"to"`
	Insufficient bool `json:"insufficient"`
}

// TrendDoc renders a fit.
func TrendDoc(iso3 string, f indicators.Fit) Trend {
	t := Trend{ISO3: iso3, N: f.N, Insufficient: f.Insufficient, From: Int(f.From), To: Int(f.To),
		Slope: round(f.Slope, 4), CILow: round(f.CILow, 4), CIHigh: round(f.CIHigh, 4),
		TheilSen: round(f.TheilSen, 4), RSquared: round(f.RSquared, 3)}
	return t
}

// ChangeDoc is a change since a base year, never across a methodology
// break. Value is in points of the index. RankChange is the base rank minus
// the current one (positive = up); it is a change of position only when
// both years ranked the same field, so the document carries both field
// sizes: Rank of RankOf in To, SinceRank of SinceRankOf in From. Where they
// differ (WJP ranked 99 entities in 2014 and 142 in 2024) the comparable
// figure is PercentileChange: the change of the percentile, the share of
// the ranked field placed below the country, 100·(N−k)/N for rank k of N
// (indicators.Percentile), in percentage points, rounded to one decimal.
// The rank fields and PercentileChange are null unless both years have a
// rank.
type ChangeDoc struct {
	ISO3             string   `json:"iso3"`
	From             *int     `json:"from"`
	To               int      `json:"to"`
	Value            *float64 `json:"value"`
	RankChange       *int     `json:"rank_change"`
	Rank             *int     `json:"rank"`
	RankOf           *int     `json:"rank_of"`
	SinceRank        *int     `json:"since_rank"`
	SinceRankOf      *int     `json:"since_rank_of"`
	PercentileChange *float64 `json:"percentile_change"`
	Reason           string   `json:"reason,omitempty"`
}

// ChangeOf renders a change.
func ChangeOf(ch indicators.Change) ChangeDoc {
	cd := ChangeDoc{ISO3: ch.ISO3, From: Int(ch.From), To: ch.To, Value: round(ch.Value, 6), Reason: ch.Reason}
	if ch.HasRank {
		r := ch.RankChange
		cd.RankChange = &r
		cd.Rank, cd.RankOf = Int(ch.Rank), Int(ch.RankOf)
		cd.SinceRank, cd.SinceRankOf = Int(ch.SinceRank), Int(ch.SinceRankOf)
		cd.PercentileChange = round(ch.PercentileChange(), 1)
	}
	return cd
}

// FieldChanged reports whether the two years of a change ranked fields of
// different sizes, so that its places are not comparable.
func (c ChangeDoc) FieldChanged() bool {
	return c.RankOf != nil && c.SinceRankOf != nil && *c.RankOf != *c.SinceRankOf
}

// Pair is the difference between two countries.
type PairDoc struct {
	// A and B are the iso3 codes of the pair.
	A string `json:"a"`
	B string `json:"b"`
	// Difference is A's value minus B's, in the indicator's unit.
	Difference float64 `json:"difference"`
	// Ahead is the iso3 of the better of the two on the indicator's
	// direction; null when they are equal.
	Ahead *string `json:"ahead"`
	// Distinguishable is true when the publisher's uncertainty intervals
	// do not overlap, false when they do; null when the source publishes
	// no uncertainty.
	Distinguishable *bool `json:"distinguishable"`
}

// GroupDoc is a group's median and mean on the comparison's indicator and
// year, with its coverage.
type GroupDoc struct {
	Name string `json:"name"`
	// Median and Mean are the group's, over its N members with a figure
	// of the Of members; null when none has one. Missing lists the iso3
	// codes of the members without a figure.
	Median  *float64 `json:"median"`
	Mean    *float64 `json:"mean"`
	N       int      `json:"n"`
	Of      int      `json:"of"`
	Missing []string `json:"missing"`
}

// CompareIndicator is one indicator of the compare document.
type CompareIndicator struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Unit string `json:"unit"`
	// Year is the year compared, in the indicator's own year: the one
	// asked for, or the latest all the countries have.
	Year           int    `json:"year"`
	YearMeaning    string `json:"year_meaning"`
	HigherIsBetter bool   `json:"higher_is_better"`
	// Segment names the methodology segment of Year; absent for an
	// indicator with one segment.
	Segment string         `json:"segment,omitempty"`
	Values  []CompareValue `json:"values"`
	// Leader is the iso3 of the country ahead on the indicator's direction;
	// null when the best figures are tied or fewer than two countries have
	// one.
	Leader *string `json:"leader"`
	// Distinguishable says whether the leader is ahead of every other
	// country beyond the publisher's uncertainty; null when the source
	// publishes none.
	Distinguishable *bool     `json:"distinguishable"`
	Pairs           []PairDoc `json:"pairs"`
	// Since is the base year of Trends and Changes, within the segment of
	// Year.
	Since   int         `json:"since"`
	Trends  []Trend     `json:"trends"`
	Changes []ChangeDoc `json:"changes"`
	// Group is the group's median and mean on the indicator in Year.
	Group *GroupDoc `json:"group"`
	// Spark holds each country's values from Since to Year (null = no
	// figure), for sparklines.
	Spark [][]*float64 `json:"spark"`
}

// Compare is the document of `rankings compare`.
type Compare struct {
	Countries []Country `json:"countries"`
	Group     string    `json:"group"`
	// Year is the year asked for (--year), null when each indicator is
	// at its own latest common year. With a year, Elections holds each
	// country's latest assessment dated in or before it.
	Year       *int               `json:"year"`
	Indicators []CompareIndicator `json:"indicators"`
	Skipped    []Skipped          `json:"skipped"`
	Elections  []Election         `json:"elections"`
	// NoElections says, for each compared country the ODIHR table has no
	// election of, why: an OSCE participating State the table does not
	// cover, or a country or territory that is not a participating State,
	// whose elections ODIHR does not observe.
	NoElections []NoElections `json:"no_elections"`
	// Notes says, a sentence each, where an option could not be used as
	// given and what was used instead ("--since 2010 is before the 2022
	// methodology break of rsf: …"); the CLI prints them on stderr.
	Notes []string `json:"notes"`
	// notes are the Notes as the catalogue says them (NotesIn).
	notes []Sentence
}

// NoElections is a compared country without an ODIHR section, with the
// reason in a sentence.
type NoElections struct {
	ISO3   string `json:"iso3"`
	Reason string `json:"reason"`
	why    Sentence
}

// NoElectionsReason says why the ODIHR table has no election of c: ODIHR
// observes only OSCE participating States, and the table does not cover
// every one of them.
func NoElectionsReason(c indicators.Country) string {
	return NoElectionsMessage(c).Text(i18n.EN)
}

// Skipped is an indicator left out of a comparison, with the reason.
type Skipped struct {
	ID     string `json:"id"`
	Reason string `json:"reason"`
	why    Sentence
}

// CompareOptions are the choices of a comparison.
type CompareOptions struct {
	Year      int
	Since     int
	IDs       []string
	Group     string // group the countries are placed against (default post-soviet)
	Countries []indicators.Country
}

// BuildCompare compares countries on the chosen indicators (all by
// default). Without a year each indicator is taken at the latest year in
// which every country has a figure. With a year, an explicitly chosen
// indicator lacking a figure is an error naming the years that exist; in
// the default all-indicator view such indicators are listed as skipped.
func BuildCompare(store *datasets.Store, opt CompareOptions) (Compare, error) {
	group := opt.Group
	if group == "" {
		group = "post-soviet"
	}
	members, err := store.Registry().Group(group)
	if err != nil {
		return Compare{}, err
	}
	memberCodes := make([]string, len(members))
	for i, m := range members {
		memberCodes[i] = m.ISO3
	}
	doc := Compare{Group: group, Year: Int(opt.Year), Indicators: []CompareIndicator{}, Skipped: []Skipped{}, Elections: []Election{}, NoElections: []NoElections{}, Notes: []string{}}
	codes := make([]string, len(opt.Countries))
	for i, c := range opt.Countries {
		doc.Countries = append(doc.Countries, CountryRef(c))
		codes[i] = c.ISO3
	}
	inds, err := selectIndicators(store, opt.IDs)
	if err != nil {
		return Compare{}, err
	}
	explicit := len(opt.IDs) > 0
	notes := sinceNotes{countries: map[string]indicators.Country{}}
	for _, c := range opt.Countries {
		notes.countries[c.ISO3] = c
	}
	for _, ind := range inds {
		if ind.Events {
			continue
		}
		c, err := indicators.Compare(store, ind, codes, indicators.CompareOptions{Year: opt.Year, Since: opt.Since, Strict: explicit})
		if err != nil {
			if explicit || !indicators.IsUserError(err) {
				return Compare{}, err
			}
			doc.Skipped = append(doc.Skipped, Skipped{ID: ind.ID, Reason: err.Error(), why: skippedReason(err)})
			continue
		}
		if !explicit && opt.Year != 0 && !anyHas(c) {
			why := Say("docs.skipped.no_figures_year")
			doc.Skipped = append(doc.Skipped, Skipped{ID: ind.ID, Reason: why.Text(i18n.EN), why: why})
			continue
		}
		agg, err := indicators.GroupAggregate(store, ind, group, memberCodes, c.Year)
		if err != nil {
			return Compare{}, err
		}
		doc.Indicators = append(doc.Indicators, compareIndicatorDoc(c, agg))
		notes.add(c, opt.Since)
	}
	if err := compareHasFigures(store, doc, inds, opt); err != nil {
		return Compare{}, err
	}
	var elections []Sentence
	for _, c := range opt.Countries {
		es, err := store.Elections(c.ISO3)
		if err != nil {
			return Compare{}, err
		}
		if latest, ok := LatestAssessedAsOf(es, opt.Year); ok {
			doc.Elections = append(doc.Elections, ElectionDoc(latest))
		} else if len(es) == 0 {
			why := NoElectionsMessage(c)
			doc.NoElections = append(doc.NoElections, NoElections{ISO3: c.ISO3, Reason: why.Text(i18n.EN), why: why})
		} else {
			elections = append(elections, Say("docs.note.no_election_before", CountryName{c}, opt.Year, Date(es[0].Date)))
		}
	}
	for _, m := range append(notes.sentences(), elections...) {
		doc.note(m)
	}
	return doc, nil
}

// compareHasFigures returns an error when a comparison on inds compares
// nothing: with a year, NoFigures with the years in which any of the
// countries has figures on any of inds (the one, where one was asked for);
// without one, that no indicator has a year in which all of them have
// figures. A comparison of elections alone is never empty.
func compareHasFigures(store *datasets.Store, doc Compare, inds []indicators.Indicator, opt CompareOptions) error {
	if len(doc.Indicators) > 0 {
		return nil
	}
	var names []string
	for _, c := range opt.Countries {
		names = append(names, c.Name)
	}
	var years []int
	var ids []string
	for _, ind := range inds {
		if ind.Events {
			continue
		}
		ids = append(ids, ind.ID)
		for _, c := range opt.Countries {
			s, err := store.Series(ind.ID, c.ISO3)
			if err != nil {
				return err
			}
			years = append(years, s.Years()...)
		}
	}
	switch {
	case len(ids) == 0:
		return nil
	case opt.Year == 0 && len(years) > 0:
		return indicators.Errorf(indicators.ENotFound, "no indicator has a year in which %s all have figures: see each one's figures with \"rankings show <country>\"", NamesAnd(names))
	}
	id := ""
	if len(ids) == 1 {
		id = ids[0]
	}
	return NoFigures(NamesAnd(names), id, opt.Year, opt.Year, years)
}

// sinceNotes collects what a comparison did with an explicit --since that
// it could not use as given, grouped so that the indicators sharing a
// reason make one note.
type sinceNotes struct {
	keys      []sinceKey
	ids       map[sinceKey][]string
	countries map[string]indicators.Country
}

// sinceKey is one reason: the --since asked, the year used instead, and,
// for a country whose base figure is missing, the country and the year its
// change starts.
type sinceKey struct {
	asked, used int
	first       bool // used is the series' first year, not a break
	iso3        string
	from        int
}

func (n *sinceNotes) put(k sinceKey, id string) {
	if n.ids == nil {
		n.ids = map[sinceKey][]string{}
	}
	if _, ok := n.ids[k]; !ok {
		n.keys = append(n.keys, k)
	}
	n.ids[k] = append(n.ids[k], id)
}

// add notes a comparison's use of --since asked (0 = not given): a base
// year before the series' first year or before a methodology break, and a
// country without a figure in the base year.
func (n *sinceNotes) add(c indicators.Comparison, asked int) {
	if asked == 0 {
		return
	}
	ind := c.Indicator
	if c.Since > asked {
		n.put(sinceKey{asked: asked, used: c.Since, first: c.Since == ind.Segments[0].From}, ind.ID)
	}
	for _, ch := range c.Changes {
		if !math.IsNaN(ch.Value) && ch.From != c.Since {
			n.put(sinceKey{asked: asked, used: c.Since, iso3: ch.ISO3, from: ch.From}, ind.ID)
		}
	}
}

// sentences are the notes, one per reason.
func (n *sinceNotes) sentences() []Sentence {
	var out []Sentence
	for _, k := range n.keys {
		ids := strings.Join(n.ids[k], ", ")
		switch {
		case k.iso3 != "":
			out = append(out, Say("docs.note.since_base_missing", CountryName{n.countries[k.iso3]}, k.used, ids, k.from))
		case k.first:
			out = append(out, Say("docs.note.since_first", k.asked, ids, k.used))
		default:
			out = append(out, Say("docs.note.since_break", k.asked, k.used, ids, k.used))
		}
	}
	return out
}

func anyHas(c indicators.Comparison) bool {
	for _, v := range c.Values {
		if v.Has {
			return true
		}
	}
	return false
}

// LatestAssessedAsOf is LatestAssessed among the elections dated in or
// before year (all of them when year is 0): the latest assessment as of
// that year.
func LatestAssessedAsOf(es []indicators.Election, year int) (indicators.Election, bool) {
	if year == 0 {
		return LatestAssessed(es)
	}
	var before []indicators.Election
	for _, e := range es {
		if e.Year() <= year {
			before = append(before, e)
		}
	}
	return LatestAssessed(before)
}

// LatestAssessed returns the latest election that ODIHR assessed (met,
// mostly, partly or not met), or else the latest election of any kind.
func LatestAssessed(es []indicators.Election) (indicators.Election, bool) {
	for i := len(es) - 1; i >= 0; i-- {
		if _, ok := es[i].Assessment.Score(); ok {
			return es[i], true
		}
	}
	if len(es) > 0 {
		return es[len(es)-1], true
	}
	return indicators.Election{}, false
}

func compareIndicatorDoc(c indicators.Comparison, agg indicators.Aggregate) CompareIndicator {
	ind := c.Indicator
	d := CompareIndicator{
		ID: ind.ID, Name: ind.Name, Unit: ind.Unit, Year: c.Year, YearMeaning: string(ind.Year),
		HigherIsBetter: c.Segment.Direction == indicators.HigherIsBetter, Segment: c.Segment.Label,
		Values: []CompareValue{}, Pairs: []PairDoc{}, Since: c.Since, Trends: []Trend{}, Changes: []ChangeDoc{},
		Distinguishable: c.Distinguishable,
	}
	if c.Leader != "" {
		l := c.Leader
		d.Leader = &l
	}
	for _, v := range c.Values {
		cv := CompareValue{ISO3: v.ISO3}
		if v.Has {
			o := v.Obs
			cv.Value = Num(o.Value)
			cv.PublishedValue = PublishedValue(ind, o)
			cv.Rank, cv.RankOf = Int(o.Rank), Int(o.RankOf)
			cv.Percentile = round(percentileOf(o), 1)
			cv.StdErr, cv.Lower, cv.Upper = Num(o.StdErr), Num(o.Lower), Num(o.Upper)
			cv.Pct, cv.PctLower, cv.PctUpper = Num(o.Pct), Num(o.PctLower), Num(o.PctUpper)
			cv.Status, cv.Note = o.Status, o.Note
		}
		d.Values = append(d.Values, cv)
	}
	for _, p := range c.Pairs {
		pd := PairDoc{A: p.A, B: p.B, Difference: *round(p.Difference, 6), Distinguishable: p.Distinguishable}
		if !p.Tie {
			ahead := p.B
			if p.AAhead {
				ahead = p.A
			}
			pd.Ahead = &ahead
		}
		d.Pairs = append(d.Pairs, pd)
	}
	for _, f := range c.Fits {
		d.Trends = append(d.Trends, TrendDoc(f.ISO3, f.Fit))
	}
	for _, ch := range c.Changes {
		d.Changes = append(d.Changes, ChangeOf(ch))
	}
	for _, s := range c.Sparks {
		row := make([]*float64, len(s))
		for i, v := range s {
			row[i] = Num(v)
		}
		d.Spark = append(d.Spark, row)
	}
	missing := agg.Missing
	if missing == nil {
		missing = []string{}
	}
	d.Group = &GroupDoc{Name: agg.Group, Median: round(agg.Median, 6), Mean: round(agg.Mean, 6), N: agg.N, Of: agg.Of, Missing: missing}
	return d
}
