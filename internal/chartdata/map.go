package chartdata

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/rankings-dev/rankings/charts"
	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/datasets/countries"
	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/docs"
	"github.com/rankings-dev/rankings/internal/i18n"
)

// mapGroups are the groups a map can show: the post-Soviet states and
// their regions, which the embedded region file covers.
var mapGroups = []string{"post-soviet", "central-asia", "south-caucasus", "eastern-europe", "baltics"}

// territoryState is the state within whose internationally recognised
// borders each territory of the registry's territories group lies; a map
// draws the territory in that state's shape, and where the source scores
// the territory on its own the state's figure excludes it.
var territoryState = map[string]string{
	"XAB": "GEO", "XSO": "GEO", "XCR": "UKR", "XDB": "UKR", "XOU": "UKR", "XNK": "AZE", "XTR": "MDA",
}

// mapSpec is the map of a group on ind in one year (r.Year, or the latest
// with figures), with the other years of that year's methodology segment
// for the slider: a map never holds figures of two segments.
func mapSpec(store *datasets.Store, ind indicators.Indicator, r Request) (charts.Spec, error) {
	group, err := countries.GroupID(r.Group)
	if err != nil {
		return charts.Spec{}, err
	}
	if !slices.Contains(mapGroups, group) {
		return charts.Spec{}, invalid("a map shows one of the groups %s, not %s: the region file holds the post-Soviet states and their neighbours", strings.Join(mapGroups, ", "), group)
	}
	region, err := datasets.EmbeddedRegion()
	if err != nil {
		return charts.Spec{}, err
	}
	ms, err := store.Registry().Group(group)
	if err != nil {
		return charts.Spec{}, err
	}
	for _, c := range r.Countries {
		if _, ok := region.Shape(c.ISO3); !ok {
			return charts.Spec{}, invalid("%s is not on the map of the region: a map shows the post-Soviet states and the countries around them", c.Name)
		}
	}
	ms = withNamed(ms, r.Countries)
	who := groupTitle(r)
	year := r.Year
	if year == 0 {
		if year, err = latestYear(store, ind, who, ms); err != nil {
			return charts.Spec{}, err
		}
	}
	seg, ok := ind.SegmentAt(year)
	if !ok {
		return charts.Spec{}, noYear(store, ind, who, year)
	}
	by, err := yearObs(store, ind, year)
	if err != nil {
		return charts.Spec{}, err
	}
	if len(by) == 0 {
		return charts.Spec{}, noYear(store, ind, who, year)
	}
	label, higher := axisLabel(r.Lang, ind, year)
	sub, cite := source(ind, r, year)
	lo, hi := scaleRange(ind, year)
	s := charts.Spec{Kind: charts.Map, Indicator: ind.ID, Year: year,
		Title:    r.Lang.T("chart.year_title", indName(r, ind), yearTextIn(r.Lang, ind, year), titleGroup(r)),
		Subtitle: sub, Citation: cite, YLabel: label, HigherIsBetter: higher, Decimals: ind.Decimals, Min: lo, Max: hi,
		Credit: dataText(r.Lang, region.Credit)}
	inSeg := func(y int) bool { return y >= seg.From && (seg.To == 0 || y <= seg.To) }
	hl := highlighted(r)
	excluded := excludedTerritories(store, r, ind, seg)
	rs := restated{lang: r.Lang}
	have := false
	for _, m := range ms {
		ser, err := store.Series(ind.ID, m.ISO3)
		if err != nil {
			return charts.Spec{}, err
		}
		sr := charts.Series{Name: countryName(r, m), Code: m.ISO3, Highlight: hl[m.ISO3]}
		for _, o := range ser.Points {
			if !inSeg(o.Year) {
				continue
			}
			note := rs.note(ind, o)
			if ts := excluded[m.ISO3][o.Year]; len(ts) > 0 {
				note = strings.TrimSpace(note + " " + r.Lang.N("chart.point_excludes", len(ts), chartAnd(r.Lang, ts), publisher(r.Lang, ind)))
			}
			sr.Points = append(sr.Points, charts.Point{X: float64(o.Year), Y: o.Value, Lo: math.NaN(), Hi: math.NaN(), Rank: o.Rank, RankOf: o.RankOf, Note: note})
			if o.Year == year {
				have = true
			}
		}
		s.Series = append(s.Series, sr)
	}
	if !have {
		yrs, err := seriesYears(store, ind, ms)
		if err != nil {
			return charts.Spec{}, err
		}
		return charts.Spec{}, docs.NoFigures(fmt.Sprintf("%s (group %s)", countries.GroupTitle(group), group), ind.ID, year, year, yrs)
	}
	for _, sh := range region.Shapes {
		name := sh.Name
		if c, ok := store.Registry().ByCode(sh.ISO3); ok {
			name = countryName(r, c)
		}
		s.Shapes = append(s.Shapes, charts.Shape{Code: sh.ISO3, Name: name, Polygons: sh.Polygons})
	}
	// Notes: ranks, the territories a state's figure leaves out, the
	// slider's span, restated figures.
	if ind.Ranks == indicators.RanksComputed {
		s.Notes = append(s.Notes, r.Lang.T("chart.note_ranks_computed"))
	} else {
		s.Notes = append(s.Notes, r.Lang.T("chart.note_ranks_published"))
	}
	for _, m := range ms {
		if ts := excluded[m.ISO3][year]; len(ts) > 0 {
			if r.Lang == i18n.RU {
				s.Notes = append(s.Notes, r.Lang.N("chart.map_excludes", len(ts), countryName(r, m), chartAnd(r.Lang, ts), publisher(r.Lang, ind)))
			} else {
				s.Notes = append(s.Notes, fmt.Sprintf("%s's figure excludes %s, which %s scores separately; the map draws %s within %s's internationally recognised borders, in %s's colour.",
					m.Name, joinAnd(ts), publisher(r.Lang, ind), pronoun(len(ts)), m.Name, m.Name))
			}
		}
	}
	// The named countries are outlined: the description says so (charts'
	// mapDescription), once.
	if seg.From > 0 && len(ind.Segments) > 1 {
		if seg.To != 0 {
			s.Notes = append(s.Notes, r.Lang.T("chart.map_slider", indName(r, ind), seg.From, seg.To))
		} else {
			s.Notes = append(s.Notes, r.Lang.T("chart.map_slider_today", indName(r, ind), seg.From))
		}
	}
	s.Notes = append(s.Notes, rs.notes...)
	return s, nil
}

// excludedTerritories lists, per state and year of the segment, the
// territories within the state's recognised borders that the source
// scores on its own, by name.
func excludedTerritories(store *datasets.Store, r Request, ind indicators.Indicator, seg indicators.Segment) map[string]map[int][]string {
	out := map[string]map[int][]string{}
	ts, err := store.Registry().Group("territories")
	if err != nil {
		return out
	}
	for _, t := range ts {
		state := territoryState[t.ISO3]
		if state == "" {
			continue
		}
		ser, err := store.Series(ind.ID, t.ISO3)
		if err != nil {
			continue
		}
		for _, o := range ser.Points {
			if o.Year < seg.From || seg.To != 0 && o.Year > seg.To {
				continue
			}
			if out[state] == nil {
				out[state] = map[int][]string{}
			}
			out[state][o.Year] = append(out[state][o.Year], countryName(r, t))
		}
	}
	return out
}

// publisher is the indicator's publisher, for a sentence.
func publisher(l i18n.Lang, ind indicators.Indicator) string {
	if src, ok := indicators.SourceByID(ind.Source); ok {
		return dataText(l, src.Publisher)
	}
	return l.T("chart.the_source")
}

func pronoun(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}

// OnRegionMap reports whether a group is one a map can show: the
// post-Soviet states or one of their regions, which the embedded region
// file covers.
func OnRegionMap(group string) bool {
	id, err := countries.GroupID(group)
	return err == nil && slices.Contains(mapGroups, id)
}
