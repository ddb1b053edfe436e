package ingest

import (
	"slices"
	"strings"
	"testing"

	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/datasets/generator"
	"github.com/rankings-dev/rankings/indicators"
)

// embeddedYear renders one embedded (indicator, year) as a long file,
// changed by edit.
func embeddedYear(t *testing.T, id string, year int, edit func(*indicators.Observation)) []byte {
	t.Helper()
	obs, err := datasets.Embedded().Year(id, year)
	if err != nil {
		t.Fatal(err)
	}
	obs = slices.Clone(obs)
	for i := range obs {
		edit(&obs[i])
	}
	b, err := generator.RenderLong(obs)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestEmbeddedYearWithOtherFiguresIsShown(t *testing.T) {
	data := embeddedYear(t, "rsf", 2025, func(o *indicators.Observation) {
		switch o.ISO3 {
		case "KAZ":
			o.Value = 39.5 // between its neighbours' 39.86 and 38.51: ranks still follow the values
		case "RUS":
			o.Rank = 170
		}
	})
	b, err := Read("long", "rsf-2025.csv", data, datasets.Embedded(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "rsf 2025 is already embedded with different figures: 2 of 179 figures differ (KAZ value 39.34 → 39.5; RUS rank 171/180 → 170/180); the import replaces the whole year"
	if !slices.Contains(b.Warnings, want) {
		t.Errorf("warnings = %q\nwant %q", b.Warnings, want)
	}
	if b.What() != "rsf 2025" || len(b.Observations) != 179 || b.Source != "long" {
		t.Errorf("batch: %s, %d figures", b.What(), len(b.Observations))
	}
}

func TestSameFiguresAreANoteNotAWarning(t *testing.T) {
	data := embeddedYear(t, "wjp", 2024, func(*indicators.Observation) {})
	b, err := Read("long", "wjp-2024.csv", data, datasets.Embedded(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Warnings) != 0 || !slices.Equal(b.Notes, []string{"wjp 2024: the same figures as the embedded data"}) {
		t.Errorf("warnings %q, notes %q", b.Warnings, b.Notes)
	}
}

// WJP ranks are computed: a long file's ranks are replaced by the ones the
// generator's RankField computes over the file's field.
func TestComputedRanksAreRecomputed(t *testing.T) {
	data := embeddedYear(t, "wjp", 2024, func(o *indicators.Observation) {
		o.Rank, o.RankOf = 1, 1
		if o.ISO3 == "KAZ" {
			o.Value = 0.99 // now first of the field
		}
	})
	b, err := Read("long", "wjp-2024.csv", data, datasets.Embedded(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var kaz, dnk indicators.Observation
	for _, o := range b.Observations {
		switch o.ISO3 {
		case "KAZ":
			kaz = o
		case "DNK":
			dnk = o
		}
	}
	if kaz.Rank != 1 || kaz.RankOf != 142 || dnk.Rank != 2 {
		t.Errorf("KAZ %d/%d, DNK %d: ranks not recomputed over the field", kaz.Rank, kaz.RankOf, dnk.Rank)
	}
	if !slices.ContainsFunc(b.Warnings, func(w string) bool { return strings.HasPrefix(w, "wjp: the file's rank and rank_of are ignored") }) {
		t.Errorf("no warning about the ignored ranks: %q", b.Warnings)
	}
}

func TestLookupSource(t *testing.T) {
	if _, err := LookupSource("fh-fotp"); err != nil {
		t.Error(err)
	}
	_, err := LookupSource("vdm")
	if err == nil || indicators.ErrorCode(err) != indicators.EInvalid || !strings.HasPrefix(err.Error(), `unknown source "vdm" — did you mean vdem?`) {
		t.Errorf("err = %v", err)
	}
}
