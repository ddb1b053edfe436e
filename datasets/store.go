// Package datasets holds the project's curated, embedded data (one long CSV
// per indicator plus the ODIHR elections, generated from the publishers'
// files by Generate) and the Store that serves it. The embedded store reads
// the generator's fast form of those files (data/index.bin) in place and
// parses nothing; a store over another folder indexes each indicator's
// file on first use.
package datasets

//go:generate go run ./internal/gen -sources ../../shared/sources -out data

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"sync"

	"github.com/rankings-dev/rankings/datasets/countries"
	"github.com/rankings-dev/rankings/datasets/importers"
	"github.com/rankings-dev/rankings/indicators"
)

//go:embed data/*.csv
var embedded embed.FS

// embeddedIndex is the fast form of the embedded files (see fastindex.go),
// read in place.
//
//go:embed data/index.bin
var embeddedIndex string

// Store serves observations and elections from a folder of long-format
// files (by default the embedded one), parsing each indicator's file once,
// on first use. With layers overlays (a user's imports) over the files.
type Store struct {
	fsys fs.FS
	// fast is the fast form of the files (the embedded ones), nil when
	// they are read from fsys.
	fast     *fastIndex
	reg      *countries.Registry
	regOnce  func() *countries.Registry
	catalog  []indicators.Indicator
	overlays []*overlay

	mu        sync.Mutex
	loaded    map[string]*table
	elections struct {
		once sync.Once
		all  []indicators.Election
		err  error
	}
}

// table is one indicator's file, indexed on first use, with the overlays
// applied.
type table struct {
	once sync.Once
	ix   *layered
	err  error
}

// baseTable answers the queries on one indicator's file: the CSV index
// (index.go) or the fast form (fastindex.go).
type baseTable interface {
	country(iso3 string) ([]indicators.Observation, error)
	at(iso3 string, year int) (indicators.Observation, bool, error)
	year(y int) ([]indicators.Observation, error)
	yearList() ([]int, error)
	all() ([]indicators.Observation, error)
}

var (
	embeddedOnce  sync.Once
	embeddedStore *Store
)

// Embedded returns the store over the data embedded in the binary.
func Embedded() *Store {
	embeddedOnce.Do(func() {
		fast, err := openIndex(embeddedIndex)
		if err != nil {
			panic("datasets: embedded " + err.Error()) // TestIndexMatchesCSV guards it
		}
		// The registry is parsed only when a command first asks for it.
		embeddedStore = &Store{fsys: EmbeddedFS(), fast: fast, regOnce: countries.Default,
			catalog: indicators.Catalog(), loaded: map[string]*table{}}
	})
	return embeddedStore
}

// Open returns a store over fsys, which holds <indicator>.csv files in the
// long format and elections.csv.
func Open(fsys fs.FS, reg *countries.Registry) *Store {
	return &Store{fsys: fsys, reg: reg, catalog: indicators.Catalog(), loaded: map[string]*table{}}
}

// Registry returns the country registry the store's codes refer to.
func (s *Store) Registry() *countries.Registry {
	if s.reg == nil && s.regOnce != nil {
		return s.regOnce()
	}
	return s.reg
}

// Indicators returns the metadata of every indicator, in display order.
func (s *Store) Indicators() []indicators.Indicator {
	return append([]indicators.Indicator(nil), s.catalog...)
}

// Indicator returns one indicator's metadata, or an ENotFound error that
// suggests the nearest ids.
func (s *Store) Indicator(id string) (indicators.Indicator, error) {
	for _, ind := range s.catalog {
		if ind.ID == id {
			return ind, nil
		}
	}
	ids := make([]string, len(s.catalog))
	for i, ind := range s.catalog {
		ids[i] = ind.ID
	}
	return indicators.Indicator{}, indicators.UnknownError("indicator", id, ids, `run "rankings indicators" for the list`)
}

func (s *Store) index(id string) (*layered, error) {
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
	t.once.Do(func() {
		if s.fast != nil {
			if ft, ok := s.fast.tables[id]; ok {
				t.ix, t.err = s.layer(id, ft)
				return
			}
		}
		name := id + ".csv"
		var base baseTable
		data, err := fs.ReadFile(s.fsys, name)
		switch {
		case errors.Is(err, fs.ErrNotExist) && s.custom(id):
			// An indicator only the overlays have.
		case err != nil:
			t.err = fmt.Errorf("datasets: %w", err)
			return
		default:
			ix, err := newIndex(name, id, data)
			if err != nil {
				t.err = fmt.Errorf("datasets: %w", err)
				return
			}
			base = ix
		}
		t.ix, t.err = s.layer(id, base)
	})
	return t.ix, t.err
}

// Observations returns every figure of an indicator, sorted by year and
// country.
func (s *Store) Observations(id string) ([]indicators.Observation, error) {
	ix, err := s.index(id)
	if err != nil {
		return nil, err
	}
	return ix.all()
}

// Series returns one country's figures on one indicator, in year order (an
// empty series when the source never covered the country).
func (s *Store) Series(id, iso3 string) (indicators.Series, error) {
	ix, err := s.index(id)
	if err != nil {
		return indicators.Series{}, err
	}
	obs, err := ix.country(iso3)
	if err != nil {
		return indicators.Series{}, err
	}
	return indicators.Series{Indicator: id, ISO3: iso3, Points: obs}, nil
}

// Years lists the years in which an indicator has figures.
func (s *Store) Years(id string) ([]int, error) {
	ix, err := s.index(id)
	if err != nil {
		return nil, err
	}
	years, err := ix.yearList()
	return append([]int(nil), years...), err
}

// At returns one country's figure of one year, and false when there is
// none. It reads only that row.
func (s *Store) At(id, iso3 string, year int) (indicators.Observation, bool, error) {
	ix, err := s.index(id)
	if err != nil {
		return indicators.Observation{}, false, err
	}
	return ix.at(iso3, year)
}

// Year returns the figures of every entity for one year of an indicator:
// the whole field, in ISO3 order.
func (s *Store) Year(id string, year int) ([]indicators.Observation, error) {
	ix, err := s.index(id)
	if err != nil {
		return nil, err
	}
	return ix.year(year)
}

// Elections returns the ODIHR-assessed elections of a country in date
// order, or of every country when iso3 is "".
func (s *Store) Elections(iso3 string) ([]indicators.Election, error) {
	e := &s.elections
	e.once.Do(func() {
		if s.fast != nil {
			e.all, e.err = s.layerElections(s.fast.elections())
			return
		}
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
		e.all, e.err = s.layerElections(e.all)
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
