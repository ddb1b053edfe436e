// Package docs builds the JSON documents of rankings: the objects printed by
// `--format json` and served by the web API. The CLI's tables and CSV are
// rendered from the same documents, so every output agrees.
package docs

import (
	"math"
	"strings"

	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/datasets/countries"
	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/i18n"
)

// Num returns a JSON number, or nil (null) for NaN.
func Num(v float64) *float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return &v
}

// Int returns a JSON integer, or nil (null) for 0 (no rank).
func Int(v int) *int {
	if v == 0 {
		return nil
	}
	return &v
}

// Country is a country in every document.
type Country struct {
	// ISO3 is the ISO 3166-1 alpha-3 code, or for an entity without one
	// the registry's own X code (Crimea XCR, Transnistria XTR).
	ISO3 string `json:"iso3"`
	// ISO2 is the alpha-2 code; only in the countries document, and absent
	// for entities without one.
	ISO2 string `json:"iso2,omitempty"`
	// Name is the English name.
	Name string `json:"name"`
	// Kind is country or territory (a disputed or occupied territory a
	// source scores on its own); only in the countries document.
	Kind string `json:"kind,omitempty"`
	// Groups are the groups the entity belongs to (post-soviet,
	// central-asia, …); only in the countries document, absent when none.
	Groups []string `json:"groups,omitempty"`
}

// CountryRef is the short form of a country inside other documents.
func CountryRef(c indicators.Country) Country { return Country{ISO3: c.ISO3, Name: c.Name} }

// CountryList is the document of `rankings countries`.
type CountryList struct {
	Group     string    `json:"group"`
	Countries []Country `json:"countries"`
}

// Countries builds the list of a group's members, sorted by name in the
// display language's collation (countries.SortByName), as readers look a
// country up in a list.
func Countries(reg *countries.Registry, group string) (CountryList, error) {
	members, err := reg.Group(group)
	if err != nil {
		return CountryList{}, err
	}
	doc := CountryList{Group: group, Countries: make([]Country, 0, len(members))}
	countries.SortByName(members, countries.DisplayLanguage)
	for _, c := range members {
		doc.Countries = append(doc.Countries, Country{ISO3: c.ISO3, ISO2: c.ISO2, Name: c.Name, Kind: string(c.Kind), Groups: groupsOf(reg, c.ISO3)})
	}
	return doc, nil
}

func groupsOf(reg *countries.Registry, iso3 string) []string {
	var out []string
	for _, g := range countries.GroupNames() {
		if g == "all" {
			continue
		}
		members, _ := reg.Group(g)
		for _, m := range members {
			if m.ISO3 == iso3 {
				out = append(out, g)
				break
			}
		}
	}
	return out
}

// Scale is an indicator's scale; an unbounded end is null.
type Scale struct {
	// Min and Max are the ends of the scale in the indicator's unit; null
	// for an end the scale does not have (RSF's points scale of 2002–2012).
	Min *float64 `json:"min"`
	Max *float64 `json:"max"`
	// Approximate is true, and present only, where the ends are typical
	// values rather than bounds (WGI's about −2.5 to 2.5).
	Approximate bool `json:"approximate,omitempty"`
}

func scaleDoc(s indicators.Scale) Scale {
	return Scale{Min: Num(s.Min), Max: Num(s.Max), Approximate: s.Approximate}
}

// Segment is a methodology segment of an indicator.
type Segment struct {
	// From is the segment's first year, in the indicator's own year.
	From int `json:"from"`
	// To is its last year; null for the current segment, which is open.
	To *int `json:"to"`
	// Label names the methodology (RSF "2022 methodology"); absent when
	// the indicator has one segment.
	Label string `json:"label,omitempty"`
	Scale Scale  `json:"scale"`
	// HigherIsBetter is the segment's own direction: true where a larger
	// value is better.
	HigherIsBetter bool `json:"higher_is_better"`
	// Reason says why the segment begins with a break; absent for the
	// first segment.
	Reason string `json:"reason,omitempty"`
}

// Break is a methodology break.
type Break struct {
	Year   int    `json:"year"`
	Reason string `json:"reason"`
}

// Uncertainty lists the uncertainty fields an indicator publishes.
type Uncertainty struct {
	StdErr bool `json:"stderr"`
	Bounds bool `json:"bounds"`
	// StdErrLevel is the coverage of the interval value ± z·stderr the
	// publisher says to read its standard error as (CPI: 0.9, ±1.645 SE);
	// null when it says none.
	StdErrLevel     *float64 `json:"stderr_level"`
	BoundsLevel     *float64 `json:"bounds_level"`
	Percentile      bool     `json:"percentile"`
	PercentileLevel *float64 `json:"percentile_level"`
}

// Indicator is the metadata of an indicator.
type Indicator struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Source string `json:"source"`
	// Unit says what a value is, with its range ("score 0–100").
	Unit  string `json:"unit"`
	Scale Scale  `json:"scale"`
	// HigherIsBetter is the direction of the current segment; Segments
	// gives each segment's own (RSF 2002–2012 is lower-is-better).
	HigherIsBetter bool `json:"higher_is_better"`
	// Direction is the same in words: "higher is better" or "lower is
	// better".
	Direction string `json:"direction"`
	// YearMeaning is "edition" (the year of the publisher's edition, which
	// mostly covers the year before: RSF, WJP, Freedom House) or "data"
	// (the year the figures describe: WGI, V-Dem, CPI).
	YearMeaning string      `json:"year_meaning"`
	YearNote    string      `json:"year_note"`
	Segments    []Segment   `json:"segments"`
	Breaks      []Break     `json:"breaks"`
	Uncertainty Uncertainty `json:"uncertainty"`
	// Ranks is "published" (the publisher's own ranks) or "computed"
	// (ranked by rankings within each year over every entity the source
	// scored, better first, ties sharing the lowest rank); absent for an
	// indicator without ranks (ODIHR's elections).
	Ranks string `json:"ranks,omitempty"`
	// RanksComputedTo is, where ranks are "published", the last year whose
	// ranks rankings computed because the publisher gives none (CPI:
	// 2016); absent when every rank is the publisher's.
	RanksComputedTo int `json:"ranks_computed_to,omitempty"`
	// Status explains the status codes the values carry (Freedom House:
	// F, PF, NF); absent for other indicators.
	Status string `json:"status,omitempty"`
	Notes  string `json:"notes,omitempty"`
	// Events is true, and present only, for a list of events rather than
	// yearly figures (odihr: elections).
	Events bool `json:"events,omitempty"`
}

// IndicatorDoc renders an indicator's metadata.
func IndicatorDoc(ind indicators.Indicator) Indicator {
	d := Indicator{
		ID: ind.ID, Name: ind.Name, Source: ind.Source, Unit: ind.Unit,
		Scale: scaleDoc(ind.Scale()), HigherIsBetter: ind.Direction() == indicators.HigherIsBetter,
		Direction: ind.Direction().String(), YearMeaning: string(ind.Year), YearNote: ind.YearNote,
		Breaks: []Break{}, Ranks: string(ind.Ranks), RanksComputedTo: ind.RanksComputedTo, Status: ind.Status, Notes: ind.Notes, Events: ind.Events,
		Uncertainty: Uncertainty{StdErr: ind.Uncertain.StdErr, Bounds: ind.Uncertain.Bounds,
			Percentile: ind.Uncertain.Percentile},
	}
	if ind.Uncertain.Bounds {
		d.Uncertainty.BoundsLevel = Num(ind.Uncertain.BoundsLevel)
	}
	if ind.Uncertain.StdErrLevel > 0 {
		d.Uncertainty.StdErrLevel = Num(ind.Uncertain.StdErrLevel)
	}
	if ind.Uncertain.Percentile {
		d.Uncertainty.PercentileLevel = Num(ind.Uncertain.PercentileLevel)
	}
	for _, s := range ind.Segments {
		d.Segments = append(d.Segments, Segment{From: s.From, To: Int(s.To), Label: s.Label, Scale: scaleDoc(s.Scale),
			HigherIsBetter: s.Direction == indicators.HigherIsBetter, Reason: s.Reason})
	}
	for _, b := range ind.Breaks() {
		d.Breaks = append(d.Breaks, Break{Year: b.Year, Reason: b.Reason})
	}
	return d
}

// IndicatorList is the document of `rankings indicators`.
type IndicatorList struct {
	Indicators []Indicator `json:"indicators"`
}

// Indicators lists every indicator's metadata.
func Indicators(store *datasets.Store) IndicatorList {
	var doc IndicatorList
	for _, ind := range store.Indicators() {
		doc.Indicators = append(doc.Indicators, IndicatorDoc(ind))
	}
	return doc
}

// Source is a publisher's dataset with its licence and citation.
type Source struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Publisher string `json:"publisher"`
	Edition   string `json:"edition"`
	URL       string `json:"url"`
	Licence   string `json:"licence"`
	Citation  string `json:"citation"`
	Notes     string `json:"notes,omitempty"`
	// Basis says, for the ODIHR table, what its rows rest on, counted from
	// the data: "73 of 268 assessments rest on ODIHR's own pages, …".
	Basis string `json:"basis,omitempty"`
	// SourceKindCounts counts the ODIHR table's rows by source kind.
	SourceKindCounts map[string]int `json:"source_kind_counts,omitempty"`
	Indicators       []string       `json:"indicators"`
}

// SourceList is the document of `rankings sources`.
type SourceList struct {
	Sources []Source `json:"sources"`
}

// Sources lists the publishers' datasets. The entry of the ODIHR table (the
// source of the elections) states what its rows rest on, counted from the
// elections the store holds.
func Sources(store *datasets.Store) (SourceList, error) {
	var doc SourceList
	for _, s := range indicators.Sources() {
		d := Source{ID: s.ID, Name: s.Name, Publisher: s.Publisher, Edition: s.Edition, URL: s.URL,
			Licence: s.Licence, Citation: s.Citation, Notes: s.Notes, Indicators: []string{}}
		events := false
		for _, ind := range store.Indicators() {
			if ind.Source == s.ID {
				d.Indicators = append(d.Indicators, ind.ID)
				events = events || ind.Events
			}
		}
		if events {
			es, err := store.Elections("")
			if err != nil {
				return SourceList{}, err
			}
			d.SourceKindCounts = CountSourceKinds(es)
			d.Basis = SourceKindSentence(d.SourceKindCounts, len(es))
		}
		doc.Sources = append(doc.Sources, d)
	}
	return doc, nil
}

// NotStated is the key under which SourceKindCounts counts the rows that do
// not say what their source is (a user's table without the column).
const NotStated = "not_stated"

// CountSourceKinds counts elections by source kind: every known kind, with
// 0 where there is none, and NotStated only where some rows do not say.
func CountSourceKinds(es []indicators.Election) map[string]int {
	counts := map[string]int{}
	for _, k := range indicators.SourceKinds {
		counts[string(k)] = 0
	}
	for _, e := range es {
		if e.SourceKind.Valid() {
			counts[string(e.SourceKind)]++
		} else {
			counts[NotStated]++
		}
	}
	return counts
}

// SourceKindSentence says what total assessments rest on, from their
// counts by source kind (CountSourceKinds): "73 of 268 assessments rest on
// ODIHR's own pages, 10 on the OSCE Parliamentary Assembly's, 41 on copies
// of OSCE documents elsewhere and 144 on secondary accounts." Rows that do
// not say get a sentence of their own.
func SourceKindSentence(counts map[string]int, total int) string {
	return SourceKindSentenceIn(i18n.EN, counts, total)
}

// Value is one figure of a country in a year.
type Value struct {
	// Year is the indicator's own year (an edition or a data year).
	Year int `json:"year"`
	// Value is the figure in the indicator's unit, on the scale and in the
	// direction of the segment that holds Year.
	Value float64 `json:"value"`
	// PublishedValue is the figure the publisher originally published,
	// set only where the source's current files restate it (RSF
	// 2013–2021: Value is 100 − the published score, and on the published
	// scale lower was better). It is null wherever Value is the figure as
	// published, as for every indicator but RSF. See PublishedValue.
	PublishedValue *float64 `json:"published_value"`
	// Rank is the global rank k (1 is best) among RankOf entities, the
	// whole field the source ranked that year; both are null where the
	// indicator has no ranks.
	Rank   *int `json:"rank"`
	RankOf *int `json:"rank_of"`
	// StdErr is the publisher's standard error of Value (WGI, CPI); null
	// for indicators that publish none.
	StdErr *float64 `json:"stderr"`
	// Lower and Upper are interval bounds of Value where the data gives
	// them (uncertainty.bounds of the indicator: a user's imported data
	// may; no built-in indicator does); null elsewhere.
	Lower *float64 `json:"lower"`
	Upper *float64 `json:"upper"`
	// Pct is the publisher's percentile rank, 0–100 (WGI), with its 90%
	// bounds PctLower and PctUpper; null for other indicators.
	Pct      *float64 `json:"pct"`
	PctLower *float64 `json:"pct_lower"`
	PctUpper *float64 `json:"pct_upper"`
	// Status is the publisher's status code (Freedom House: F, PF, NF);
	// absent for other indicators.
	Status string `json:"status,omitempty"`
	// Note qualifies the figure in a sentence (a computed rank, an
	// estimate); absent when there is nothing to say.
	Note string `json:"note,omitempty"`
}

// ValueDoc renders an observation of ind.
func ValueDoc(ind indicators.Indicator, o indicators.Observation) Value {
	// The optional figures point into one block per value, not one
	// allocation each: a country's page renders hundreds of values.
	var nums *[6]float64
	num := func(i int, v float64) *float64 {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil
		}
		if nums == nil {
			nums = new([6]float64)
		}
		nums[i] = v
		return &nums[i]
	}
	var ints *[2]int
	integer := func(i, v int) *int {
		if v == 0 {
			return nil
		}
		if ints == nil {
			ints = new([2]int)
		}
		ints[i] = v
		return &ints[i]
	}
	return Value{Year: o.Year, Value: o.Value, PublishedValue: PublishedValue(ind, o), Rank: integer(0, o.Rank), RankOf: integer(1, o.RankOf),
		StdErr: num(0, o.StdErr), Lower: num(1, o.Lower), Upper: num(2, o.Upper),
		Pct: num(3, o.Pct), PctLower: num(4, o.PctLower), PctUpper: num(5, o.PctUpper), Status: o.Status, Note: o.Note}
}

// PublishedValue is the published_value of every document that carries an
// observation's value: the figure the publisher originally published
// (rounded to the indicator's decimals), or nil (null in JSON) where the
// source's current files give the figure as published.
// Every figure of every indicator except RSF 2013–2021 is as published.
func PublishedValue(ind indicators.Indicator, o indicators.Observation) *float64 {
	v, ok := ind.PublishedValue(o)
	if !ok {
		return nil
	}
	return Num(v)
}

// ShowSeries is one indicator's series in the show document.
// HigherIsBetter is the direction of the current methodology segment; an
// earlier segment may run the other way (RSF 2002–2012: lower is better),
// so Segments gives each segment that holds a shown value with its own
// years, scale and direction.
type ShowSeries struct {
	ID             string    `json:"id"`
	Name           string    `json:"name"`
	HigherIsBetter bool      `json:"higher_is_better"`
	Unit           string    `json:"unit"`
	Breaks         []Break   `json:"breaks"`
	Segments       []Segment `json:"segments"`
	Values         []Value   `json:"values"`
}

// Show is the document of `rankings show`: a country's figures by year.
type Show struct {
	Country    Country      `json:"country"`
	Indicators []ShowSeries `json:"indicators"`
	Elections  []Election   `json:"elections"`
}

// Election is an ODIHR-assessed election.
type Election struct {
	ISO3 string `json:"iso3"`
	// Date is the election day, YYYY-MM-DD.
	Date string `json:"date"`
	// Type is presidential, parliamentary, referendum and the like.
	Type string `json:"type"`
	// Mission is the kind of ODIHR mission that observed it, "none" when
	// none did.
	Mission string `json:"mission"`
	// Assessment is whether the election met OSCE commitments: met,
	// mostly_met, partly_met, not_met, not_observed or unknown.
	Assessment string `json:"assessment"`
	// Score is the assessment as a number: met 3, mostly met 2, partly
	// met 1, not met 0; null for not_observed and unknown.
	Score *int `json:"score"`
	// Summary is the assessment in a sentence or two; read it with the
	// source.
	Summary string `json:"summary"`
	// SourceURL is the page the assessment rests on.
	SourceURL string `json:"source_url"`
	// SourceKind says what the page at SourceURL is: odihr, osce_pa,
	// mirror or secondary; "" when the table does not say.
	SourceKind string `json:"source_kind"`
}

// ElectionDoc renders an election.
func ElectionDoc(e indicators.Election) Election {
	d := Election{ISO3: e.ISO3, Date: e.Date, Type: e.Type, Mission: e.Mission,
		Assessment: string(e.Assessment), Summary: e.Summary, SourceURL: e.SourceURL, SourceKind: string(e.SourceKind)}
	if s, ok := e.Assessment.Score(); ok {
		d.Score = &s
	}
	return d
}

// ShowCountry builds a country's figures on the given indicators (all when
// ids is empty), from year from to year to (0 = open). Indicators or years
// that leave no figure are an error (NoFigures) saying what the data covers.
func ShowCountry(store *datasets.Store, c indicators.Country, ids []string, from, to int) (Show, error) {
	doc := Show{Country: CountryRef(c), Indicators: []ShowSeries{}, Elections: []Election{}}
	inds, err := selectIndicators(store, ids)
	if err != nil {
		return Show{}, err
	}
	for _, ind := range inds {
		if ind.Events {
			es, err := store.Elections(c.ISO3)
			if err != nil {
				return Show{}, err
			}
			for _, e := range es {
				if y := e.Year(); (from == 0 || y >= from) && (to == 0 || y <= to) {
					doc.Elections = append(doc.Elections, ElectionDoc(e))
				}
			}
			continue
		}
		s, err := store.Series(ind.ID, c.ISO3)
		if err != nil {
			return Show{}, err
		}
		meta := IndicatorDoc(ind)
		ss := ShowSeries{ID: ind.ID, Name: ind.Name, HigherIsBetter: ind.Direction() == indicators.HigherIsBetter,
			Unit: ind.Unit, Breaks: meta.Breaks, Segments: []Segment{}, Values: make([]Value, 0, len(s.Points))}
		shown := map[int]bool{}
		for _, o := range s.Points {
			if (from == 0 || o.Year >= from) && (to == 0 || o.Year <= to) {
				ss.Values = append(ss.Values, ValueDoc(ind, o))
				if seg, ok := ind.SegmentAt(o.Year); ok {
					shown[seg.From] = true
				}
			}
		}
		for _, seg := range meta.Segments {
			if shown[seg.From] {
				ss.Segments = append(ss.Segments, seg)
			}
		}
		doc.Indicators = append(doc.Indicators, ss)
	}
	// A country's whole document (no indicator, no years chosen) is its
	// page, which may be empty; a choice that leaves nothing is an error.
	if len(ids) > 0 || from != 0 || to != 0 {
		if err := showHasFigures(store, doc, inds, from, to); err != nil {
			return Show{}, err
		}
	}
	return doc, nil
}

// showHasFigures returns NoFigures when doc, a country's figures on inds in
// the years from..to, holds none: what the data covers is the years in which
// the country has figures on any of inds (on the one, where one was asked
// for).
func showHasFigures(store *datasets.Store, doc Show, inds []indicators.Indicator, from, to int) error {
	if len(doc.Elections) > 0 {
		return nil
	}
	for _, s := range doc.Indicators {
		if len(s.Values) > 0 {
			return nil
		}
	}
	var years []int
	for _, ind := range inds {
		if ind.Events {
			es, err := store.Elections(doc.Country.ISO3)
			if err != nil {
				return err
			}
			for _, e := range es {
				years = append(years, e.Year())
			}
			continue
		}
		s, err := store.Series(ind.ID, doc.Country.ISO3)
		if err != nil {
			return err
		}
		years = append(years, s.Years()...)
	}
	id := ""
	if len(inds) == 1 {
		id = inds[0].ID
		if inds[0].Events && len(years) == 0 {
			c := indicators.Country{ISO3: doc.Country.ISO3, Name: doc.Country.Name}
			return indicators.Errorf(indicators.ENotFound, "no figures for %s on %s: %s", c.Name, id, strings.TrimSuffix(NoElectionsReason(c), "."))
		}
	}
	return NoFigures(doc.Country.Name, id, from, to, years)
}

// selectIndicators resolves a list of ids (all indicators when empty).
func selectIndicators(store *datasets.Store, ids []string) ([]indicators.Indicator, error) {
	if len(ids) == 0 {
		return store.Indicators(), nil
	}
	var out []indicators.Indicator
	for _, id := range ids {
		ind, err := store.Indicator(id)
		if err != nil {
			return nil, err
		}
		out = append(out, ind)
	}
	return out, nil
}
