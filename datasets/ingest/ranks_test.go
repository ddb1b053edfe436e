package ingest

import (
	"strings"
	"testing"

	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/indicators"
)

func TestPublishedRankError(t *testing.T) {
	higher := indicators.Indicator{ID: "pub", Segments: []indicators.Segment{{From: 2000, Scale: indicators.Scale{Min: 0, Max: 100}, Direction: indicators.HigherIsBetter}}}
	lower := higher
	lower.Segments = []indicators.Segment{{From: 2000, Scale: higher.Segments[0].Scale, Direction: indicators.LowerIsBetter}}
	row := func(line, rank, of int, v float64) rankedRow {
		return rankedRow{line: line, rank: rank, rankOf: of, value: v}
	}
	cases := []struct {
		name string
		ind  indicators.Indicator
		rows []rankedRow
		want string // "" for no error
	}{
		{"in order", higher, []rankedRow{row(2, 1, 3, 70), row(3, 2, 3, 60), row(4, 3, 3, 50)}, ""},
		{"any file order", higher, []rankedRow{row(2, 3, 3, 50), row(3, 1, 3, 70), row(4, 2, 3, 60)}, ""},
		{"tied ranks, other values", higher, []rankedRow{row(2, 1, 3, 70), row(3, 1, 3, 69.9), row(4, 3, 3, 50)}, ""},
		{"tied values, other ranks", higher, []rankedRow{row(2, 1, 3, 70), row(3, 2, 3, 70), row(4, 3, 3, 50)}, ""},
		{"unranked rows are left alone", higher, []rankedRow{row(2, 1, 2, 10), row(3, 0, 0, 90), row(4, 2, 2, 5)}, ""},
		{"lower is better", lower, []rankedRow{row(2, 1, 2, 10), row(3, 2, 2, 20)}, ""},
		{"two fields", higher, []rankedRow{row(8, 1, 3, 60), row(9, 2, 3, 50), row(10, 1, 5, 70)},
			"f.csv:10: pub 2024: rank_of 5 differs from the 3 of line 8"},
		{"more ranked than rank_of", higher, []rankedRow{row(2, 1, 2, 60), row(3, 2, 2, 50), row(4, 2, 2, 50)},
			"f.csv:4: pub 2024: the file ranks more rows of this year than its rank_of 2"},
		{"against the values", higher, []rankedRow{row(2, 1, 3, 40), row(3, 2, 3, 55), row(4, 3, 3, 30)},
			"f.csv:3: pub 2024: rank 2 is below the rank 1 of line 2, yet its value 55 is better than that row's 40 (higher is better)"},
		{"against the values, lower is better", lower, []rankedRow{row(2, 1, 2, 20), row(3, 2, 2, 10)},
			"f.csv:3: pub 2024: rank 2 is below the rank 1 of line 2, yet its value 10 is better than that row's 20 (lower is better)"},
		{"against a tie's worse value", higher, []rankedRow{row(2, 1, 3, 70), row(3, 1, 3, 40), row(4, 3, 3, 50)},
			"f.csv:4: pub 2024: rank 3 is below the rank 1 of line 3, yet its value 50 is better than that row's 40"},
	}
	for _, c := range cases {
		err := publishedRankError("f.csv", c.ind, 2024, c.rows)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.want != "" && (err == nil || !strings.HasPrefix(err.Error(), c.want)):
			t.Errorf("%s: %v\nwant %s…", c.name, err, c.want)
		}
	}
}

// The publishers' own ranks pass the check: every year of the embedded
// data with published ranks (RSF, CPI) is consistent.
func TestEmbeddedPublishedRanksPass(t *testing.T) {
	store := datasets.Embedded()
	for _, ind := range store.Indicators() {
		if ind.Ranks != indicators.RanksPublished {
			continue
		}
		years, err := store.Years(ind.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, y := range years {
			obs, err := store.Year(ind.ID, y)
			if err != nil {
				t.Fatal(err)
			}
			rows := make([]rankedRow, len(obs))
			for i, o := range obs {
				rows[i] = rankedRow{line: i + 2, rank: o.Rank, rankOf: o.RankOf, value: o.Value}
			}
			if err := publishedRankError(ind.ID+".csv", ind, y, rows); err != nil {
				t.Error(err)
			}
		}
	}
}
