package ingest

import (
	"strings"
	"testing"

	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/indicators"
)

// defined returns the store with an import that defines the indicator of
// the long file meta (its metadata header and one row), as the data
// directory's overlays do.
func defined(t *testing.T, meta string) *datasets.Store {
	t.Helper()
	b, err := Read("long", "earlier.csv", []byte(meta), datasets.Embedded(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	ind := b.Indicators[0].Indicator(0)
	return datasets.Embedded().With(datasets.Overlay{Label: "earlier", Covers: b.Covers, Indicators: []indicators.Indicator{ind},
		Load: func() ([]indicators.Observation, []indicators.Election, error) { return b.Observations, nil, nil }})
}

func TestRecheck(t *testing.T) {
	const a = "# indicator: civic\n# name: Civic A\n# scale: 0 10\n# direction: higher\n# year: data\ncountry,year,value\nKazakhstan,2024,3\n"
	const b = "# indicator: civic\n# name: Civic B\n# scale: 0 100\n# direction: lower\n# year: data\ncountry,year,value\nKazakhstan,2024,70\n"
	const rows = "indicator,country,year,value\ncivic,Georgia,2025,6\n"
	withA, withB := defined(t, a), defined(t, b)

	// A new indicator another import defined meanwhile, otherwise.
	batch, err := Read("long", "b.csv", []byte(b), datasets.Embedded(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := batch.Recheck(datasets.Embedded()); err != nil {
		t.Errorf("nothing changed: %v", err)
	}
	if err := batch.Recheck(withB); err != nil {
		t.Errorf("defined the same way: %v", err)
	}
	if err := batch.Recheck(withA); err == nil || !strings.HasPrefix(err.Error(), `b.csv:1:1: indicator "civic" was defined by an earlier import with other metadata (Civic A, 0–10, higher is better)`) {
		t.Errorf("defined otherwise: %v", err)
	}

	// Rows of an indicator an earlier import defined, which another
	// import removed or redefined meanwhile.
	batch, err = Read("long", "rows.csv", []byte(rows), withA, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := batch.Recheck(withA); err != nil {
		t.Errorf("nothing changed: %v", err)
	}
	want := `rows.csv:2: indicator "civic" was removed or redefined by another import while this file was read: import the file again`
	for name, store := range map[string]*datasets.Store{"removed": datasets.Embedded(), "redefined": withB} {
		if err := batch.Recheck(store); err == nil || err.Error() != want {
			t.Errorf("%s: %v\nwant %s", name, err, want)
		}
	}
}
