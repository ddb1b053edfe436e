// Package datasets holds the project's curated, embedded data (one long CSV
// per indicator plus the ODIHR elections, generated from the publishers'
// files by Generate) and the Store that serves it. Files are parsed lazily,
// one indicator at a time, on first use.
package datasets

//go:generate go run ./internal/gen -sources ../../shared/sources -out data

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"sync"

	"github.com/rankings-dev/rankings/datasets/countries"
	"github.com/rankings-dev/rankings/datasets/importers"
	"github.com/rankings-dev/rankings/indicators"
)

//go:embed data/*.csv
var embedded embed.FS

// Store serves observations and elections from a folder of long-format
// files (by default the embedded one), parsing each indicator's file once,
// on first use.
type Store struct {
	fsys    fs.FS
	reg     *countries.Registry
	catalog []indicators.Indicator

	mu        sync.Mutex
	loaded    map[string]*table
	elections struct {
		once sync.Once
		all  []indicators.Election
		err  error
	}
}

// table is one indicator's figures, indexed by country.
type table struct {
	once      sync.Once
	obs       []indicators.Observation // sorted by year, then ISO3
	byCountry map[string][]indicators.Observation
	years     []int
	err       error
}

var (
	embeddedOnce  sync.Once
	embeddedStore *Store
)

// Embedded returns the store over the data embedded in the binary.
func Embedded() *Store {
	embeddedOnce.Do(func() {
		sub, err := fs.Sub(embedded, "data")
		if err != nil {
			panic(err) // the embed pattern guarantees the folder
		}
		embeddedStore = Open(sub, countries.Default())
	})
	return embeddedStore
}

// Open returns a store over fsys, which holds <indicator>.csv files in the
// long format and elections.csv.
func Open(fsys fs.FS, reg *countries.Registry) *Store {
	return &Store{fsys: fsys, reg: reg, catalog: indicators.Catalog(), loaded: map[string]*table{}}
}

// Registry returns the country registry the store's codes refer to.
func (s *Store) Registry() *countries.Registry { return s.reg }

// Indicators returns the metadata of every indicator, in display order.
func (s *Store) Indicators() []indicators.Indicator {
	return append([]indicators.Indicator(nil), s.catalog...)
}

// Indicator returns one indicator's metadata, or an ENotFound error that
// suggests the nearest ids.
func (s *Store) Indicator(id string) (indicators.Indicator, error) {
	ids := make([]string, len(s.catalog))
	for i, ind := range s.catalog {
		if ind.ID == id {
			return ind, nil
		}
		ids[i] = ind.ID
	}
	return indicators.Indicator{}, indicators.UnknownError("indicator", id, ids, `run "rankings indicators" for the list`)
}

func (s *Store) table(id string) (*table, error) {
	ind, err := s.Indicator(id)
	if err != nil {
		return nil, err
	}
	if ind.Events {
		return nil, indicators.Errorf(indicators.EInvalid, "indicator %q is a list of elections, not yearly figures: use \"rankings elections\"", id)
	}
	s.mu.Lock()
	t, ok := s.loaded[id]
	if !ok {
		t = &table{}
		s.loaded[id] = t
	}
	s.mu.Unlock()
	t.once.Do(func() { t.load(s.fsys, id) })
	return t, t.err
}

func (t *table) load(fsys fs.FS, id string) {
	name := id + ".csv"
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		t.err = fmt.Errorf("datasets: %w", err)
		return
	}
	obs, err := importers.ReadLong(bytes.NewReader(data), name)
	if err != nil {
		t.err = fmt.Errorf("datasets: %w", err)
		return
	}
	indicators.SortObservations(obs)
	t.obs = obs
	t.byCountry = map[string][]indicators.Observation{}
	seen := map[int]bool{}
	for _, o := range obs {
		if o.Indicator != id {
			t.err = fmt.Errorf("datasets: %s holds a row of indicator %q", name, o.Indicator)
			return
		}
		t.byCountry[o.ISO3] = append(t.byCountry[o.ISO3], o)
		if !seen[o.Year] {
			seen[o.Year] = true
			t.years = append(t.years, o.Year)
		}
	}
	sort.Ints(t.years)
}

// Observations returns every figure of an indicator, sorted by year and
// country. The slice is shared: do not modify it.
func (s *Store) Observations(id string) ([]indicators.Observation, error) {
	t, err := s.table(id)
	if err != nil {
		return nil, err
	}
	return t.obs, nil
}

// Series returns one country's figures on one indicator, in year order (an
// empty series when the source never covered the country).
func (s *Store) Series(id, iso3 string) (indicators.Series, error) {
	t, err := s.table(id)
	if err != nil {
		return indicators.Series{}, err
	}
	return indicators.Series{Indicator: id, ISO3: iso3, Points: t.byCountry[iso3]}, nil
}

// Years lists the years in which an indicator has figures.
func (s *Store) Years(id string) ([]int, error) {
	t, err := s.table(id)
	if err != nil {
		return nil, err
	}
	return t.years, nil
}

// Year returns the figures of every entity for one year of an indicator:
// the whole field, in ISO3 order.
func (s *Store) Year(id string, year int) ([]indicators.Observation, error) {
	t, err := s.table(id)
	if err != nil {
		return nil, err
	}
	lo := sort.Search(len(t.obs), func(i int) bool { return t.obs[i].Year >= year })
	hi := sort.Search(len(t.obs), func(i int) bool { return t.obs[i].Year > year })
	return t.obs[lo:hi], nil
}

// Elections returns the ODIHR-assessed elections of a country in date
// order, or of every country when iso3 is "".
func (s *Store) Elections(iso3 string) ([]indicators.Election, error) {
	e := &s.elections
	e.once.Do(func() {
		data, err := fs.ReadFile(s.fsys, "elections.csv")
		if err != nil {
			e.err = fmt.Errorf("datasets: %w", err)
			return
		}
		recs, err := importers.ReadODIHR(bytes.NewReader(data), "elections.csv")
		if err != nil {
			e.err = fmt.Errorf("datasets: %w", err)
			return
		}
		for _, r := range recs {
			e.all = append(e.all, r.Election)
		}
	})
	if e.err != nil {
		return nil, e.err
	}
	if iso3 == "" {
		return e.all, nil
	}
	var out []indicators.Election
	for _, el := range e.all {
		if el.ISO3 == iso3 {
			out = append(out, el)
		}
	}
	return out, nil
}
