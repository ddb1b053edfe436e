package datasets

import (
	"fmt"
	"slices"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/rankings-dev/rankings/indicators"
)

// ElectionsID is the indicator id of the ODIHR election assessments, the
// key under which an Overlay lists the election years it covers.
const ElectionsID = "odihr"

// Overlay is a set of figures layered over a store's files: a user's
// import. For every (indicator, year) it covers, its figures replace the
// whole year of the underlying data (ranks are only honest over the whole
// field, so a year is never mixed from two sources); years it does not
// cover are left alone, and years the data lacks are added.
type Overlay struct {
	// Label says what the overlay holds and where it comes from, e.g.
	// "rsf 2026 from import 3 of 2026-05-03".
	Label string
	// Covers lists, per indicator id (ElectionsID for elections), the
	// years the overlay replaces.
	Covers map[string][]int
	// Indicators are the metadata of indicators the overlay adds; they
	// are listed after the built-in ones.
	Indicators []indicators.Indicator
	// Load reads the overlay's figures. It is called at most once, when a
	// covered indicator is first used.
	Load func() ([]indicators.Observation, []indicators.Election, error)
}

// overlay is an Overlay with its loaded figures.
type overlay struct {
	Overlay
	once      sync.Once
	obs       []indicators.Observation
	elections []indicators.Election
	err       error
	used      atomic.Bool
}

func (o *overlay) load() ([]indicators.Observation, []indicators.Election, error) {
	o.once.Do(func() {
		if o.Load == nil {
			return
		}
		o.obs, o.elections, o.err = o.Load()
		if o.err != nil {
			o.err = fmt.Errorf("datasets: %s: %w", o.Label, o.err)
		}
	})
	return o.obs, o.elections, o.err
}

// With returns a new store over the same files with the overlays layered
// on top, later overlays over earlier ones. The indicators the overlays
// define join the catalog (a built-in id is never redefined); the
// methodology segment of such an indicator starts in the first year any
// overlay covers.
func (s *Store) With(overlays ...Overlay) *Store {
	out := Open(s.fsys, s.reg)
	out.fast, out.regOnce = s.fast, s.regOnce
	out.catalog = append([]indicators.Indicator(nil), s.catalog...)
	out.overlays = append([]*overlay(nil), s.overlays...)
	for _, o := range overlays {
		out.overlays = append(out.overlays, &overlay{Overlay: o})
	}
	builtin := map[string]bool{}
	for _, ind := range indicators.Catalog() {
		builtin[ind.ID] = true
	}
	for _, o := range overlays {
		for _, ind := range o.Indicators {
			if builtin[ind.ID] || len(ind.Segments) == 0 {
				continue
			}
			first := 0
			for _, ov := range out.overlays {
				for _, y := range ov.Covers[ind.ID] {
					if first == 0 || y < first {
						first = y
					}
				}
			}
			if first != 0 {
				ind.Segments = append([]indicators.Segment(nil), ind.Segments...)
				ind.Segments[0].From = first
			}
			if i := slices.IndexFunc(out.catalog, func(c indicators.Indicator) bool { return c.ID == ind.ID }); i >= 0 {
				out.catalog[i] = ind
			} else {
				out.catalog = append(out.catalog, ind)
			}
		}
	}
	return out
}

// custom reports whether id is an indicator only the overlays define.
func (s *Store) custom(id string) bool {
	for _, o := range s.overlays {
		for _, ind := range o.Indicators {
			if ind.ID == id {
				return true
			}
		}
	}
	return false
}

// Used returns the labels of the overlays whose figures the store has
// served so far, in overlay order: what a command must say it used.
func (s *Store) Used() []string {
	var out []string
	for _, o := range s.overlays {
		if o.used.Load() {
			out = append(out, o.Label)
		}
	}
	return out
}

// layered is one indicator's figures: the file's index (nil when only
// overlays have the indicator) with the overlays' years in place of the
// file's.
type layered struct {
	base     baseTable                        // nil when only overlays have the indicator
	replaced map[int]bool                     // years the overlays replace
	byYear   map[int][]indicators.Observation // the overlays' figures of those years, in ISO3 order

	once  sync.Once
	years []int
	err   error
}

// layer builds the indicator's view: base (may be nil) with every overlay
// covering id applied in order.
func (s *Store) layer(id string, base baseTable) (*layered, error) {
	l := &layered{base: base, replaced: map[int]bool{}, byYear: map[int][]indicators.Observation{}}
	owner := map[int]*overlay{} // the overlay whose figures a year shows
	for _, o := range s.overlays {
		years := o.Covers[id]
		if len(years) == 0 {
			continue
		}
		obs, _, err := o.load()
		if err != nil {
			return nil, err
		}
		for _, y := range years {
			l.replaced[y] = true
			l.byYear[y] = nil
			owner[y] = o
		}
		for _, ob := range obs {
			if ob.Indicator == id && slices.Contains(years, ob.Year) {
				l.byYear[ob.Year] = append(l.byYear[ob.Year], ob)
			}
		}
	}
	// Only overlays whose figures show count as used: a year a later
	// import replaced is not the earlier import's any more.
	for _, o := range owner {
		o.used.Store(true)
	}
	for y, obs := range l.byYear {
		sort.SliceStable(obs, func(i, j int) bool { return obs[i].ISO3 < obs[j].ISO3 })
		if len(obs) == 0 {
			delete(l.byYear, y)
		}
	}
	return l, nil
}

// yearList returns the years with figures: the file's (found by a scan, so
// only when asked) less the replaced ones, plus the overlays'.
func (l *layered) yearList() ([]int, error) {
	l.once.Do(func() {
		if l.base != nil {
			years, err := l.base.yearList()
			if err != nil {
				l.err = err
				return
			}
			for _, y := range years {
				if !l.replaced[y] {
					l.years = append(l.years, y)
				}
			}
		}
		for y := range l.byYear {
			l.years = append(l.years, y)
		}
		sort.Ints(l.years)
	})
	return l.years, l.err
}

// at returns one country's figure of one year.
func (l *layered) at(iso3 string, year int) (indicators.Observation, bool, error) {
	if l.replaced[year] {
		obs := l.byYear[year]
		i := sort.Search(len(obs), func(i int) bool { return obs[i].ISO3 >= iso3 })
		if i < len(obs) && obs[i].ISO3 == iso3 {
			return obs[i], true, nil
		}
		return indicators.Observation{}, false, nil
	}
	if l.base == nil {
		return indicators.Observation{}, false, nil
	}
	return l.base.at(iso3, year)
}

// all returns every figure, sorted by year and country.
func (l *layered) all() ([]indicators.Observation, error) {
	years, err := l.yearList()
	if err != nil {
		return nil, err
	}
	var out []indicators.Observation
	for _, y := range years {
		obs, err := l.year(y)
		if err != nil {
			return nil, err
		}
		out = append(out, obs...)
	}
	return out, nil
}

// country returns one country's figures in year order.
func (l *layered) country(iso3 string) ([]indicators.Observation, error) {
	if l.base != nil && len(l.replaced) == 0 {
		obs, err := l.base.country(iso3)
		if len(obs) == 0 {
			return nil, err // as below: no figures is a nil series
		}
		return obs, err
	}
	var out []indicators.Observation
	if l.base != nil {
		obs, err := l.base.country(iso3)
		if err != nil {
			return nil, err
		}
		for _, o := range obs {
			if !l.replaced[o.Year] {
				out = append(out, o)
			}
		}
	}
	if len(l.byYear) == 0 {
		return out, nil
	}
	for _, obs := range l.byYear {
		for _, o := range obs {
			if o.ISO3 == iso3 {
				out = append(out, o)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Year < out[j].Year })
	return out, nil
}

// year returns one year's figures in ISO3 order.
func (l *layered) year(y int) ([]indicators.Observation, error) {
	if l.replaced[y] {
		return l.byYear[y], nil
	}
	if l.base == nil {
		return nil, nil
	}
	return l.base.year(y)
}

// layerElections applies the overlays' elections to the file's.
func (s *Store) layerElections(all []indicators.Election) ([]indicators.Election, error) {
	changed := false
	owner := map[int]*overlay{}
	for _, o := range s.overlays {
		years := o.Covers[ElectionsID]
		if len(years) == 0 {
			continue
		}
		_, imported, err := o.load()
		if err != nil {
			return nil, err
		}
		all = slices.DeleteFunc(all, func(e indicators.Election) bool { return slices.Contains(years, e.Year()) })
		for _, e := range imported {
			if slices.Contains(years, e.Year()) {
				all = append(all, e)
			}
		}
		for _, y := range years {
			owner[y] = o
		}
		changed = true
	}
	for _, o := range owner {
		o.used.Store(true)
	}
	if changed {
		sort.SliceStable(all, func(i, j int) bool {
			if all[i].ISO3 != all[j].ISO3 {
				return all[i].ISO3 < all[j].ISO3
			}
			return all[i].Date < all[j].Date
		})
	}
	return all, nil
}
