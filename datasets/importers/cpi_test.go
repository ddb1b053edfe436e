package importers

import (
	"errors"
	"strconv"
	"strings"
	"testing"
)

const cpiTestFile = "cpi/CPI2025_Results.xlsx"

func TestReadCPIPublished(t *testing.T) {
	recs, err := ReadCPI(xlsxTestSource(t, cpiTestFile), cpiTestFile)
	if err != nil {
		t.Fatal(err)
	}
	type key struct {
		code string
		year int
	}
	m := map[key]Record{}
	perYear := map[int]int{}
	for _, r := range recs {
		if r.Source != "cpi" || r.Obs.Indicator != "ti-cpi" || r.Obs.ISO3 != "" {
			t.Fatalf("unexpected record %+v", r)
		}
		m[key{r.Code, r.Obs.Year}] = r
		perYear[r.Obs.Year]++
	}
	// 2012–2025; the timeseries scores 174 entities in 2014 (TI ranked 175).
	if len(perYear) != 14 || perYear[2011] != 0 || perYear[2014] != 174 || perYear[2025] != 182 {
		t.Errorf("entities per year %v", perYear)
	}
	for _, c := range []struct {
		code, name   string
		year, line   int
		score        float64
		rank, rankOf int
		stderr       float64
		computed     bool
	}{
		// Manifest section 7: Denmark 89 first; Somalia and South Sudan 9,
		// rank 181; the post-Soviet scores of 2025.
		{"DNK", "Denmark", 2025, 12, 89, 1, 182, 1.882284, false}, // shown as 1.88
		{"SOM", "Somalia", 2025, 154, 9, 181, 182, 0, false},
		{"SSD", "South Sudan", 2025, 156, 9, 181, 182, 0, false},
		{"EST", "Estonia", 2025, 63, 76, 12, 182, 0, false},
		{"KAZ", "Kazakhstan", 2025, 90, 38, 96, 182, 3.533891, false},
		{"TKM", "Turkmenistan", 2025, 173, 17, 167, 182, 0, false},
		{"KAZ", "Kazakhstan", 2017, 90, 31, 122, 180, 3.59, false},
		// No rank in the file before 2017: computed, ties sharing the
		// lowest rank (Kazakhstan and Russia both 28 in 2012).
		{"KAZ", "Kazakhstan", 2014, 90, 29, 125, 174, 4.4, true},
		{"KAZ", "Kazakhstan", 2012, 90, 28, 132, 175, 4.1, true},
		{"RUS", "Russia", 2012, 140, 28, 132, 175, 0, true},
		{"AFG", "Afghanistan", 2012, 5, 8, 0, 175, 3.3, true},
		{"KSV", "Kosovo", 2025, 94, 43, 76, 182, 0, false},
	} {
		r, ok := m[key{c.code, c.year}]
		if !ok {
			t.Errorf("no %s %d", c.code, c.year)
			continue
		}
		o := r.Obs
		if o.Value != c.score || r.Name != c.name || r.Line != c.line || (c.rank != 0 && o.Rank != c.rank) || o.RankOf != c.rankOf ||
			(c.stderr != 0 && o.StdErr != c.stderr) || (o.Note == CPIComputedRankNote) != c.computed {
			t.Errorf("%s %d: got %v rank %d/%d s.e. %v %q line %d note %q", c.code, c.year, o.Value, o.Rank, o.RankOf, o.StdErr, r.Name, r.Line, o.Note)
		}
	}
	// Brunei has no 2024 score: no record, never a zero.
	if r, ok := m[key{"BRN", 2024}]; ok {
		t.Errorf("Brunei 2024 = %+v, want no record", r)
	}
}

// cpiTestBook is a small timeseries sheet under the title rows: two years,
// 2017 with TI's ranks and 2016 without.
func cpiTestBook(t *testing.T, rows ...[]any) []byte {
	sheet := append([][]any{
		{"Corruption Perceptions Index 2025: Score timeseries since 2012"},
		{"EMBARGOED UNTIL 10.02.2026"},
		{},
		{"Country / Territory", "ISO3", "Region", "CPI score 2017", "Rank 2017", "Sources 2017", "Standard error 2017",
			"CPI Score 2016", "Sources 2016", "Standard error 2016"},
	}, rows...)
	return xlsxTestBook(t, map[string][][]any{"CPI2025": {{"x"}}, "CPI Timeseries 2012 - 2025": sheet}, "CPI2025", "CPI Timeseries 2012 - 2025").Bytes()
}

func TestReadCPISmall(t *testing.T) {
	data := cpiTestBook(t,
		[]any{"Estonia", "EST", "WE/EU", 71, 1, 8, 1.5, 70, 8, 2},
		[]any{"Latvia", "LVA", "WE/EU", 58, 2, 8, 1.2, 57, 8, 2},
		[]any{"Lithuania", "LTU", "WE/EU", 59, 2, 8, 1.1, 57, 8, 2},
		[]any{"Brunei Darussalam", "BRN", "AP", nil, nil, nil, nil, 58, 3, 4},
	)
	recs, err := ReadCPI(strings.NewReader(string(data)), "small.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range recs {
		o := r.Obs
		s := r.Code + " " + itoa(o.Year) + " " + ftoa(o.Value) + " " + itoa(o.Rank) + "/" + itoa(o.RankOf) + " se " + ftoa(o.StdErr)
		if o.Note == CPIComputedRankNote {
			s += " computed"
		}
		got = append(got, s)
	}
	want := []string{
		"EST 2017 71 1/3 se 1.5", "EST 2016 70 1/4 se 2 computed",
		"LVA 2017 58 2/3 se 1.2", "LVA 2016 57 3/4 se 2 computed",
		"LTU 2017 59 2/3 se 1.1", "LTU 2016 57 3/4 se 2 computed",
		"BRN 2016 58 2/4 se 4 computed",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestReadCPIBad(t *testing.T) {
	for _, c := range []struct {
		name string
		row  []any
		want string
	}{
		{"score above 100", []any{"Estonia", "EST", "WE/EU", 171, 1, 8, 1.5, 70, 8, 2}, `small.xlsx:5:4: column "CPI score 2017": "171" is not a score 0–100`},
		{"not a number", []any{"Estonia", "EST", "WE/EU", "7l", 1, 8, 1.5, 70, 8, 2}, `small.xlsx:5:4: column "CPI score 2017": "7l" is not a score 0–100`},
		{"rank without score", []any{"Estonia", "EST", "WE/EU", nil, 1, 8, 1.5, 70, 8, 2}, `small.xlsx:5:5: column "Rank 2017": "1" is a rank without a score in column "CPI score 2017"`},
		{"rank beyond the field", []any{"Estonia", "EST", "WE/EU", 71, 9, 8, 1.5, 70, 8, 2}, `small.xlsx:5:5: column "Rank 2017": "9" is outside 1–1 (the number of countries and territories scored)`},
		{"negative standard error", []any{"Estonia", "EST", "WE/EU", 71, 1, 8, -1.5, 70, 8, 2}, `small.xlsx:5:7: column "Standard error 2017": "-1.5" is not a positive standard error`},
		{"no code", []any{"Estonia", nil, "WE/EU", 71, 1, 8, 1.5, 70, 8, 2}, `small.xlsx:5:2: column "ISO3": is empty`},
	} {
		_, err := ReadCPI(strings.NewReader(string(cpiTestBook(t, c.row))), "small.xlsx")
		var pe *ParseError
		if !errors.As(err, &pe) || err.Error() != c.want {
			t.Errorf("%s: got %v, want %s", c.name, err, c.want)
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func ftoa(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
