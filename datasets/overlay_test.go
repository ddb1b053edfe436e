package datasets

import (
	"errors"
	"slices"
	"testing"

	"github.com/rankings-dev/rankings/indicators"
)

func obs(id, iso3 string, year int, value float64, rank, of int) indicators.Observation {
	o := indicators.NewObservation(id, iso3, year, value)
	o.Rank, o.RankOf = rank, of
	return o
}

func TestOverlayReplacesWholeYearsAndAddsNewOnes(t *testing.T) {
	base := Embedded()
	loads := 0
	s := base.With(Overlay{
		Label:  "rsf 2025–2026 from import 1 of 2026-05-03",
		Covers: map[string][]int{"rsf": {2025, 2026}},
		Load: func() ([]indicators.Observation, []indicators.Election, error) {
			loads++
			return []indicators.Observation{
				obs("rsf", "KAZ", 2026, 41, 1, 2), obs("rsf", "EST", 2026, 90, 1, 2),
				obs("rsf", "KAZ", 2025, 40, 1, 1),
			}, nil, nil
		},
	})
	if got := s.Used(); len(got) != 0 {
		t.Errorf("Used before any read = %v", got)
	}
	// Untouched indicators do not load the overlay or call it used.
	if _, err := s.Series("wgi-rl", "KAZ"); err != nil || loads != 0 || len(s.Used()) != 0 {
		t.Fatalf("wgi-rl read: err %v, loads %d, used %v", err, loads, s.Used())
	}
	years, err := s.Years("rsf")
	if err != nil {
		t.Fatal(err)
	}
	if years[len(years)-1] != 2026 || years[len(years)-2] != 2025 || years[0] != 2002 {
		t.Errorf("years = %v", years)
	}
	y2025, _ := s.Year("rsf", 2025)
	if len(y2025) != 1 || y2025[0].ISO3 != "KAZ" || y2025[0].Value != 40 {
		t.Errorf("2025 is not wholly replaced: %d rows, %+v", len(y2025), y2025)
	}
	y2026, _ := s.Year("rsf", 2026)
	if len(y2026) != 2 || y2026[0].ISO3 != "EST" || y2026[1].ISO3 != "KAZ" {
		t.Errorf("2026 = %+v", y2026)
	}
	kaz, _ := s.Series("rsf", "KAZ")
	last := kaz.Points[len(kaz.Points)-3:]
	if last[0].Year != 2024 || last[0].Value != 41.11 || last[0].Rank != 142 || last[0].RankOf != 180 || last[1].Value != 40 || last[2].Value != 41 {
		t.Errorf("KAZ tail = %+v", last)
	}
	if y2024, _ := s.Year("rsf", 2024); len(y2024) < 170 {
		t.Errorf("2024 lost its field: %d rows", len(y2024))
	}
	all, _ := s.Observations("rsf")
	baseAll, _ := base.Observations("rsf")
	// The import covers 2025 and 2026, both embedded: each is replaced whole.
	base2025, _ := base.Year("rsf", 2025)
	base2026, _ := base.Year("rsf", 2026)
	if want := len(baseAll) - len(base2025) - len(base2026) + 3; len(all) != want {
		t.Errorf("Observations: %d rows, want %d", len(all), want)
	}
	if got := s.Used(); !slices.Equal(got, []string{"rsf 2025–2026 from import 1 of 2026-05-03"}) || loads != 1 {
		t.Errorf("Used = %v after %d loads", got, loads)
	}
	// The embedded store is untouched.
	if y, _ := base.Year("rsf", 2025); len(y) != len(base2025) || len(base.Used()) != 0 {
		t.Error("With changed the store it was called on")
	}
}

func TestOverlayLaterImportWinsAndCustomIndicators(t *testing.T) {
	ind := indicators.Indicator{ID: "civic-space", Name: "Civic space", Source: "import", Unit: "score",
		Segments: []indicators.Segment{{From: 2024, Scale: indicators.Scale{Min: 0, Max: 10}, Direction: indicators.HigherIsBetter}},
		Year:     indicators.DataYear, Ranks: indicators.RanksComputed}
	s := Embedded().With(
		Overlay{Label: "first", Covers: map[string][]int{"civic-space": {2023, 2024}}, Indicators: []indicators.Indicator{ind},
			Load: func() ([]indicators.Observation, []indicators.Election, error) {
				return []indicators.Observation{obs("civic-space", "KAZ", 2023, 3, 1, 1), obs("civic-space", "KAZ", 2024, 4, 1, 1)}, nil, nil
			}},
		Overlay{Label: "second", Covers: map[string][]int{"civic-space": {2024}}, Indicators: []indicators.Indicator{ind},
			Load: func() ([]indicators.Observation, []indicators.Election, error) {
				return []indicators.Observation{obs("civic-space", "KAZ", 2024, 5, 1, 1)}, nil, nil
			}},
	)
	got, err := s.Indicator("civic-space")
	if err != nil || got.Segments[0].From != 2023 {
		t.Fatalf("Indicator = %+v, %v (the segment must start at the first imported year)", got, err)
	}
	if list := s.Indicators(); list[len(list)-1].ID != "civic-space" || len(list) != len(Embedded().Indicators())+1 {
		t.Errorf("catalog does not list the custom indicator once, last")
	}
	ser, err := s.Series("civic-space", "KAZ")
	if err != nil || len(ser.Points) != 2 || ser.Points[0].Value != 3 || ser.Points[1].Value != 5 {
		t.Errorf("series = %+v, %v", ser, err)
	}
	if got := s.Used(); !slices.Equal(got, []string{"first", "second"}) {
		t.Errorf("Used = %v", got)
	}
	// An import wholly replaced by a later one is not used.
	hidden := Embedded().With(
		Overlay{Label: "old", Covers: map[string][]int{"rsf": {2026}}, Load: func() ([]indicators.Observation, []indicators.Election, error) {
			return []indicators.Observation{obs("rsf", "KAZ", 2026, 1, 1, 1)}, nil, nil
		}},
		Overlay{Label: "new", Covers: map[string][]int{"rsf": {2026}}, Load: func() ([]indicators.Observation, []indicators.Election, error) {
			return []indicators.Observation{obs("rsf", "KAZ", 2026, 2, 1, 1)}, nil, nil
		}})
	if y, _ := hidden.Year("rsf", 2026); len(y) != 1 || y[0].Value != 2 || !slices.Equal(hidden.Used(), []string{"new"}) {
		t.Errorf("2026 = %+v, used %v", y, hidden.Used())
	}
	if _, err := Embedded().Indicator("civic-space"); err == nil {
		t.Error("the embedded store knows the custom indicator")
	}
}

func TestOverlayElectionsAndLoadErrors(t *testing.T) {
	e := indicators.Election{ISO3: "KAZ", Date: "2026-03-15", Type: "referendum", Mission: "EAM", Assessment: "not_met", Summary: "x", SourceURL: "https://example.org"}
	s := Embedded().With(Overlay{Label: "odihr 2026", Covers: map[string][]int{ElectionsID: {2026}},
		Load: func() ([]indicators.Observation, []indicators.Election, error) {
			return nil, []indicators.Election{e}, nil
		}})
	es, err := s.Elections("KAZ")
	if err != nil || es[len(es)-1] != e {
		t.Fatalf("elections = %v, %v", es, err)
	}
	before, _ := Embedded().Elections("KAZ")
	if len(es) != len(before)+1 || !slices.Equal(s.Used(), []string{"odihr 2026"}) {
		t.Errorf("%d elections (embedded %d), used %v", len(es), len(before), s.Used())
	}
	bad := Embedded().With(Overlay{Label: "broken", Covers: map[string][]int{"rsf": {2026}},
		Load: func() ([]indicators.Observation, []indicators.Election, error) {
			return nil, nil, errors.New("file gone")
		}})
	if _, err := bad.Series("rsf", "KAZ"); err == nil || err.Error() != "datasets: broken: file gone" {
		t.Errorf("load error = %v", err)
	}
}
