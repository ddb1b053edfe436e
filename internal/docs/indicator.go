package docs

import (
	"fmt"
	"slices"

	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/datasets/countries"
	"github.com/rankings-dev/rankings/indicators"
)

// IndicatorDetail is the document of `rankings indicators <id>`: one
// indicator's full metadata (scale, direction, methodology segments and
// breaks with their reasons, what its year means, the uncertainty it
// publishes, where its ranks come from), the source it comes from with
// licence and citation, and which countries and territories its figures
// cover in which years.
type IndicatorDetail struct {
	Indicator Indicator `json:"indicator"`
	// Source is the publisher's dataset the figures come from; null for
	// an indicator of the user's own (imported) whose source the catalog
	// does not know.
	Source   *Source  `json:"source"`
	Coverage Coverage `json:"coverage"`
}

// Coverage is which entities an indicator has figures for, and when. For
// an event indicator (ODIHR's elections) a year is a year with an assessed
// election.
type Coverage struct {
	// From and To are the first and last years with figures; null when
	// there are none.
	From *int `json:"from"`
	To   *int `json:"to"`
	// Years are the years with figures, each with how many entities have
	// one; a year missing between From and To has none (RSF published no
	// 2011 edition).
	Years []YearCoverage `json:"years"`
	// Entities are the countries and territories with at least one figure,
	// sorted by name.
	Entities []EntityCoverage `json:"entities"`
}

// YearCoverage counts the entities with a figure in one year.
type YearCoverage struct {
	Year int `json:"year"`
	N    int `json:"n"`
}

// EntityCoverage is one country's or territory's coverage: how many years
// have a figure, from when to when, and which ("2002–2010, 2012–2026").
type EntityCoverage struct {
	ISO3  string `json:"iso3"`
	Name  string `json:"name"`
	Kind  string `json:"kind"`
	N     int    `json:"n"`
	From  int    `json:"from"`
	To    int    `json:"to"`
	Years string `json:"years"`
}

// YearRun is a run of consecutive years in which the same number of
// entities have a figure.
type YearRun struct {
	From, To, N int
}

// Runs groups Years into runs of consecutive years with the same count, the
// compact form of the coverage by year.
func (c Coverage) Runs() []YearRun {
	var out []YearRun
	for _, y := range c.Years {
		if k := len(out) - 1; k >= 0 && out[k].To == y.Year-1 && out[k].N == y.N {
			out[k].To = y.Year
			continue
		}
		out = append(out, YearRun{From: y.Year, To: y.Year, N: y.N})
	}
	return out
}

// Entity returns the coverage of iso3, and false when the indicator has no
// figure of it.
func (c Coverage) Entity(iso3 string) (EntityCoverage, bool) {
	for _, e := range c.Entities {
		if e.ISO3 == iso3 {
			return e, true
		}
	}
	return EntityCoverage{}, false
}

// BuildIndicatorDetail builds the document of one indicator; an unknown id
// gives the store's error, which suggests the ids it resembles.
func BuildIndicatorDetail(store *datasets.Store, id string) (IndicatorDetail, error) {
	ind, err := store.Indicator(id)
	if err != nil {
		return IndicatorDetail{}, err
	}
	doc := IndicatorDetail{Indicator: IndicatorDoc(ind)}
	srcs, err := Sources(store)
	if err != nil {
		return IndicatorDetail{}, err
	}
	for _, s := range srcs.Sources {
		if s.ID == ind.Source {
			doc.Source = &s
			break
		}
	}
	years := map[string][]int{}
	if ind.Events {
		es, err := store.Elections("")
		if err != nil {
			return IndicatorDetail{}, err
		}
		for _, e := range es {
			if y := e.Year(); !slices.Contains(years[e.ISO3], y) {
				years[e.ISO3] = append(years[e.ISO3], y)
			}
		}
	} else {
		obs, err := store.Observations(id)
		if err != nil {
			return IndicatorDetail{}, err
		}
		for _, o := range obs {
			years[o.ISO3] = append(years[o.ISO3], o.Year)
		}
	}
	doc.Coverage = coverage(store.Registry(), years)
	return doc, nil
}

// coverage summarises the years each entity has figures in.
func coverage(reg *countries.Registry, years map[string][]int) Coverage {
	c := Coverage{Years: []YearCoverage{}, Entities: []EntityCoverage{}}
	perYear := map[int]int{}
	var ents []indicators.Country
	for iso3, ys := range years {
		slices.Sort(ys)
		ys = slices.Compact(ys)
		years[iso3] = ys
		for _, y := range ys {
			perYear[y]++
		}
		e, ok := reg.ByCode(iso3)
		if !ok {
			e = indicators.Country{ISO3: iso3, Name: iso3}
		}
		ents = append(ents, e)
	}
	countries.SortByName(ents, countries.DisplayLanguage)
	for _, e := range ents {
		ys := years[e.ISO3]
		c.Entities = append(c.Entities, EntityCoverage{ISO3: e.ISO3, Name: e.Name, Kind: string(e.Kind), N: len(ys),
			From: ys[0], To: ys[len(ys)-1], Years: indicators.YearRanges(ys)})
	}
	for y, n := range perYear {
		c.Years = append(c.Years, YearCoverage{Year: y, N: n})
	}
	slices.SortFunc(c.Years, func(a, b YearCoverage) int { return a.Year - b.Year })
	if len(c.Years) > 0 {
		from, to := c.Years[0].Year, c.Years[len(c.Years)-1].Year
		c.From, c.To = &from, &to
	}
	return c
}

// CSV implements Tabular: one row per country or territory with figures,
// the years it has them in.
func (d IndicatorDetail) CSV() ([]string, [][]string) {
	var rows [][]string
	for _, e := range d.Coverage.Entities {
		rows = append(rows, []string{d.Indicator.ID, e.ISO3, e.Name, e.Kind, fmt.Sprint(e.N), fmt.Sprint(e.From), fmt.Sprint(e.To), e.Years})
	}
	return []string{"indicator", "iso3", "name", "kind", "years_with_figures", "from", "to", "years"}, rows
}
