package docs

import (
	"math"

	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/indicators"
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
	ISO3  string   `json:"iso3"`
	Value *float64 `json:"value"`
	// PublishedValue is the figure as the publisher originally published
	// it where the source's current files restate it (RSF 2013–2021),
	// null elsewhere and where Value is null; see Value.PublishedValue.
	PublishedValue *float64 `json:"published_value"`
	Rank           *int     `json:"rank"`
	RankOf         *int     `json:"rank_of"`
	Percentile     *float64 `json:"percentile"`
	StdErr         *float64 `json:"stderr"`
	Lower          *float64 `json:"lower"`
	Upper          *float64 `json:"upper"`
	Pct            *float64 `json:"pct"`
	PctLower       *float64 `json:"pct_lower"`
	PctUpper       *float64 `json:"pct_upper"`
	Status         string   `json:"status,omitempty"`
	Note           string   `json:"note,omitempty"`
}

// Trend is a fitted trend in a document. Slopes are points of the index per
// year; with too few points every figure is null and Insufficient is true.
type Trend struct {
	ISO3         string   `json:"iso3"`
	Slope        *float64 `json:"slope"`
	CILow        *float64 `json:"ci_low"`
	CIHigh       *float64 `json:"ci_high"`
	TheilSen     *float64 `json:"theil_sen"`
	RSquared     *float64 `json:"r_squared"`
	N            int      `json:"n"`
	From         *int     `json:"from"`
	To           *int     `json:"to"`
	Insufficient bool     `json:"insufficient"`
}

// TrendDoc renders a fit.
func TrendDoc(iso3 string, f indicators.Fit) Trend {
	t := Trend{ISO3: iso3, N: f.N, Insufficient: f.Insufficient, From: Int(f.From), To: Int(f.To),
		Slope: round(f.Slope, 4), CILow: round(f.CILow, 4), CIHigh: round(f.CIHigh, 4),
		TheilSen: round(f.TheilSen, 4), RSquared: round(f.RSquared, 3)}
	return t
}

// ChangeDoc is a change since a base year.
type ChangeDoc struct {
	ISO3       string   `json:"iso3"`
	From       *int     `json:"from"`
	To         int      `json:"to"`
	Value      *float64 `json:"value"`
	RankChange *int     `json:"rank_change"`
	Reason     string   `json:"reason,omitempty"`
}

// Pair is the difference between two countries.
type PairDoc struct {
	A               string  `json:"a"`
	B               string  `json:"b"`
	Difference      float64 `json:"difference"`
	Ahead           *string `json:"ahead"`
	Distinguishable *bool   `json:"distinguishable"`
}

// GroupDoc is a group's median and mean on the comparison's indicator and
// year, with its coverage.
type GroupDoc struct {
	Name    string   `json:"name"`
	Median  *float64 `json:"median"`
	Mean    *float64 `json:"mean"`
	N       int      `json:"n"`
	Of      int      `json:"of"`
	Missing []string `json:"missing"`
}

// CompareIndicator is one indicator of the compare document.
type CompareIndicator struct {
	ID              string         `json:"id"`
	Name            string         `json:"name"`
	Unit            string         `json:"unit"`
	Year            int            `json:"year"`
	YearMeaning     string         `json:"year_meaning"`
	HigherIsBetter  bool           `json:"higher_is_better"`
	Segment         string         `json:"segment,omitempty"`
	Values          []CompareValue `json:"values"`
	Leader          *string        `json:"leader"`
	Distinguishable *bool          `json:"distinguishable"`
	Pairs           []PairDoc      `json:"pairs"`
	Since           int            `json:"since"`
	Trends          []Trend        `json:"trends"`
	Changes         []ChangeDoc    `json:"changes"`
	Group           *GroupDoc      `json:"group"`
	// Spark holds each country's values from Since to Year (null = no
	// figure), for sparklines.
	Spark [][]*float64 `json:"spark"`
}

// Compare is the document of `rankings compare`.
type Compare struct {
	Countries  []Country          `json:"countries"`
	Group      string             `json:"group"`
	Indicators []CompareIndicator `json:"indicators"`
	Skipped    []Skipped          `json:"skipped"`
	Elections  []Election         `json:"elections"`
}

// Skipped is an indicator left out of a comparison, with the reason.
type Skipped struct {
	ID     string `json:"id"`
	Reason string `json:"reason"`
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
	doc := Compare{Group: group, Indicators: []CompareIndicator{}, Skipped: []Skipped{}, Elections: []Election{}}
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
	for _, ind := range inds {
		if ind.Events {
			continue
		}
		c, err := indicators.Compare(store, ind, codes, indicators.CompareOptions{Year: opt.Year, Since: opt.Since, Strict: explicit})
		if err != nil {
			if explicit || !indicators.IsUserError(err) {
				return Compare{}, err
			}
			doc.Skipped = append(doc.Skipped, Skipped{ID: ind.ID, Reason: err.Error()})
			continue
		}
		if !explicit && opt.Year != 0 && !anyHas(c) {
			doc.Skipped = append(doc.Skipped, Skipped{ID: ind.ID, Reason: "no figures for these countries in that year"})
			continue
		}
		agg, err := indicators.GroupAggregate(store, ind, group, memberCodes, c.Year)
		if err != nil {
			return Compare{}, err
		}
		doc.Indicators = append(doc.Indicators, compareIndicatorDoc(c, agg))
	}
	for _, c := range opt.Countries {
		es, err := store.Elections(c.ISO3)
		if err != nil {
			return Compare{}, err
		}
		if latest, ok := LatestAssessed(es); ok {
			doc.Elections = append(doc.Elections, ElectionDoc(latest))
		}
	}
	return doc, nil
}

func anyHas(c indicators.Comparison) bool {
	for _, v := range c.Values {
		if v.Has {
			return true
		}
	}
	return false
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
		cd := ChangeDoc{ISO3: ch.ISO3, From: Int(ch.From), To: ch.To, Value: round(ch.Value, 6), Reason: ch.Reason}
		if ch.HasRank {
			r := ch.RankChange
			cd.RankChange = &r
		}
		d.Changes = append(d.Changes, cd)
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
