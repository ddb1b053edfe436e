package importers

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

const (
	fhTestFIW     = "freedomhouse_fiw/All_data_FIW_2013-2025.xlsx"
	fhTestRatings = "freedomhouse_fiw/Country_and_Territory_Ratings_and_Statuses_FIW_1973-2024.xlsx"
)

type fhTestKey struct {
	id, name string
	year     int
}

func fhTestIndex(t *testing.T, recs []Record, source string) map[fhTestKey]Record {
	t.Helper()
	m := map[fhTestKey]Record{}
	for _, r := range recs {
		if r.Source != source || r.Code != "" || r.Obs.ISO3 != "" || r.Obs.Rank != 0 {
			t.Fatalf("unexpected record %+v", r)
		}
		k := fhTestKey{r.Obs.Indicator, r.Name, r.Obs.Year}
		if _, dup := m[k]; dup {
			t.Fatalf("two records for %+v", k)
		}
		m[k] = r
	}
	return m
}

func TestReadFHFIWPublished(t *testing.T) {
	recs, err := ReadFHFIW(xlsxTestSource(t, fhTestFIW), fhTestFIW)
	if err != nil {
		t.Fatal(err)
	}
	// 2,723 rows (208 of edition 2025 first, then 2,515 of 2013–2024),
	// each with the four scores and the two ratings.
	if len(recs) != 2723*6 {
		t.Errorf("got %d records, want %d", len(recs), 2723*6)
	}
	m := fhTestIndex(t, recs, "fh-fiw")
	perEdition := map[int]int{}
	for _, r := range recs {
		if r.Obs.Indicator == "fh-fiw" {
			perEdition[r.Obs.Year]++
		}
	}
	for y := 2013; y <= 2024; y++ {
		if n := perEdition[y]; n != 209 && n != 210 {
			t.Errorf("edition %d: %d rows, want 209 or 210", y, n)
		}
	}
	if perEdition[2025] != 208 {
		t.Errorf("edition 2025: %d rows, want 208", perEdition[2025])
	}
	if len(perEdition) != 13 {
		t.Errorf("editions %v", perEdition)
	}
	for _, c := range []struct {
		id, name string
		year     int
		value    float64
		status   string
		line     int
	}{
		// Manifest spot check, edition 2025 totals.
		{"fh-fiw", "Estonia", 2025, 96, "F", 59},
		{"fh-fiw", "Latvia", 2025, 89, "F", 0},
		{"fh-fiw", "Lithuania", 2025, 89, "F", 0},
		{"fh-fiw", "Moldova", 2025, 60, "PF", 0},
		{"fh-fiw", "Georgia", 2025, 55, "PF", 67},
		{"fh-fiw", "Armenia", 2025, 54, "PF", 0},
		{"fh-fiw", "Ukraine", 2025, 51, "PF", 197},
		{"fh-fiw", "Kyrgyzstan", 2025, 26, "NF", 97},
		{"fh-fiw", "Kazakhstan", 2025, 23, "NF", 92},
		{"fh-fiw", "Russia", 2025, 12, "NF", 150},
		{"fh-fiw", "Uzbekistan", 2025, 12, "NF", 0},
		{"fh-fiw", "Azerbaijan", 2025, 7, "NF", 0},
		{"fh-fiw", "Belarus", 2025, 7, "NF", 0},
		{"fh-fiw", "Tajikistan", 2025, 5, "NF", 0},
		{"fh-fiw", "Turkmenistan", 2025, 1, "NF", 194},
		// Edition 2025's ratings, from the PR rating and CL rating columns.
		{"fh-pr-rating", "Estonia", 2025, 1, "F", 59},
		{"fh-cl-rating", "Estonia", 2025, 1, "F", 59},
		{"fh-pr-rating", "Kazakhstan", 2025, 7, "NF", 92},
		{"fh-cl-rating", "Kazakhstan", 2025, 5, "NF", 92},
		{"fh-cl-rating", "Russia", 2025, 6, "NF", 150},
		{"fh-pr-rating", "Ukraine", 2025, 4, "PF", 197},
		{"fh-cl-rating", "Turkmenistan", 2025, 7, "NF", 194},
		// Freedom House's correction of edition 2024 (manifest 4b).
		{"fh-fiw", "Eastern Donbas", 2024, 2, "NF", 263},
		{"fh-cl", "Eastern Donbas", 2024, 3, "NF", 263},
		// Manifest spot check, edition 2024 totals.
		{"fh-fiw", "Estonia", 2024, 95, "F", 269},
		{"fh-fiw", "Lithuania", 2024, 89, "F", 0},
		{"fh-fiw", "Latvia", 2024, 88, "F", 309},
		{"fh-fiw", "Moldova", 2024, 61, "PF", 0},
		{"fh-fiw", "Georgia", 2024, 58, "PF", 0},
		{"fh-fiw", "Armenia", 2024, 54, "PF", 219},
		{"fh-fiw", "Ukraine", 2024, 49, "PF", 407},
		{"fh-fiw", "Kyrgyzstan", 2024, 27, "NF", 307},
		{"fh-fiw", "Kazakhstan", 2024, 23, "NF", 302},
		{"fh-fiw", "Russia", 2024, 13, "NF", 361},
		{"fh-fiw", "Uzbekistan", 2024, 12, "NF", 412},
		{"fh-fiw", "Belarus", 2024, 8, "NF", 227},
		{"fh-fiw", "Azerbaijan", 2024, 7, "NF", 222},
		{"fh-fiw", "Tajikistan", 2024, 5, "NF", 392},
		{"fh-fiw", "Turkmenistan", 2024, 2, "NF", 0},
		// Subcategory A, edition 2024.
		{"fh-electoral", "Russia", 2024, 0, "NF", 361},
		{"fh-electoral", "Kazakhstan", 2024, 1, "NF", 302},
		{"fh-electoral", "Georgia", 2024, 7, "PF", 0},
		{"fh-electoral", "Estonia", 2024, 12, "F", 269},
		{"fh-pr", "Russia", 2024, 4, "NF", 361},
		{"fh-cl", "Russia", 2024, 9, "NF", 361},
		{"fh-fiw", "Russia", 2013, 27, "NF", 2666},
		// The first data row, under the title and header rows.
		{"fh-fiw", "Abkhazia", 2024, 39, "PF", 211},
		// Negative scores (the discretionary question subtracts points).
		{"fh-fiw", "Nagorno-Karabakh", 2024, -3, "NF", 335},
		{"fh-pr", "Nagorno-Karabakh", 2024, -3, "NF", 335},
		{"fh-cl", "Nagorno-Karabakh", 2024, 0, "NF", 335},
		{"fh-fiw", "Syria", 2015, -1, "NF", 2277},
		{"fh-pr", "Tibet", 2024, -2, "NF", 0},
	} {
		r, ok := m[fhTestKey{c.id, c.name, c.year}]
		if !ok {
			t.Errorf("no %s %s %d", c.id, c.name, c.year)
			continue
		}
		if r.Obs.Value != c.value || r.Obs.Status != c.status || (c.line != 0 && r.Line != c.line) {
			t.Errorf("%s %s %d: got %v %s line %d, want %v %s line %d", c.id, c.name, c.year,
				r.Obs.Value, r.Obs.Status, r.Line, c.value, c.status, c.line)
		}
	}
	// Record order within a row.
	if got := fmt.Sprintln(recs[0].Obs.Indicator, recs[1].Obs.Indicator, recs[2].Obs.Indicator, recs[3].Obs.Indicator); got != "fh-fiw fh-pr fh-cl fh-electoral\n" {
		t.Errorf("order %s", got)
	}
}

// fhTestFIWRows is a small FIW13-24 sheet: title row, header, rows.
func fhTestFIWRows(rows ...[]any) [][]any {
	return append([][]any{
		{"Freedom in the World 2013-2024 Raw Data"},
		{"Country/Territory", "Region", "C/T", "Edition", "Status", "PR rating", "CL rating",
			"A1", "A2", "A3", "A", "Add Q", "PR", "D", "CL", "Total"},
	}, rows...)
}

func fhTestFIWBook(t *testing.T, rows [][]any) *bytes.Buffer {
	return xlsxTestBook(t, map[string][][]any{"Index": {{"x"}}, "FIW13-24": rows}, "Index", "FIW13-24")
}

func TestReadFHFIWSmall(t *testing.T) {
	rows := fhTestFIWRows(
		[]any{"Estonia", "Europe", "c", 2024, "F", 1, 1, 4, 4, 4, 12, 0, 38, 15, 57, 95},
		[]any{"Nagorno-Karabakh ", "Eurasia", "t", "2024", "NF", 7, 7, 0, 0, 0, 0, 3, -3, 0, 0, -3},
		// Empty A: no fh-electoral record, never 0.
		[]any{"Russia", "Eurasia", "c", 2023, "NF", 7, 6, 0, 0, 0, nil, 0, 5, 0, 11, 16},
	)
	// The header is found on row 3 as well.
	shifted := append([][]any{{"notes"}}, rows...)
	for _, in := range [][][]any{rows, shifted} {
		recs, err := ReadFHFIW(fhTestFIWBook(t, in), "small.xlsx")
		if err != nil {
			t.Fatal(err)
		}
		// 11 scores and 6 ratings.
		if len(recs) != 17 {
			t.Fatalf("got %d records, want 17: %+v", len(recs), recs)
		}
		off := len(in) - len(rows)
		m := fhTestIndex(t, recs, "fh-fiw")
		for _, c := range []struct {
			id, name string
			year     int
			value    float64
			status   string
			line     int
		}{
			{"fh-fiw", "Estonia", 2024, 95, "F", 3},
			{"fh-electoral", "Estonia", 2024, 12, "F", 3},
			{"fh-pr", "Nagorno-Karabakh", 2024, -3, "NF", 4},
			{"fh-fiw", "Nagorno-Karabakh", 2024, -3, "NF", 4},
			{"fh-cl", "Russia", 2023, 11, "NF", 5},
			{"fh-pr-rating", "Nagorno-Karabakh", 2024, 7, "NF", 4},
			{"fh-cl-rating", "Russia", 2023, 6, "NF", 5},
		} {
			r, ok := m[fhTestKey{c.id, c.name, c.year}]
			if !ok || r.Obs.Value != c.value || r.Obs.Status != c.status || r.Line != c.line+off {
				t.Errorf("%+v: got %+v", c, r)
			}
		}
		if r, ok := m[fhTestKey{"fh-electoral", "Russia", 2023}]; ok {
			t.Errorf("empty A gave a record: %+v", r)
		}
		if r := m[fhTestKey{"fh-pr-rating", "Russia", 2023}]; r.Obs.Note != "edition 2023, covers 2022" {
			t.Errorf("rating note %q, want the edition and the year it covers", r.Obs.Note)
		}
	}
}

func TestReadFHFIWBad(t *testing.T) {
	good := []any{"Estonia", "Europe", "c", 2024, "F", 1, 1, 4, 4, 4, 12, 0, 38, 15, 57, 95}
	with := func(col int, v any) []any {
		row := append([]any(nil), good...)
		row[0] = "Latvia"
		row[col] = v
		return row
	}
	for _, c := range []struct {
		name   string
		row    []any
		column string
		value  string
	}{
		{"total is not PR + CL", with(15, 96), "Total", "96"},
		{"A above 12", with(10, 13), "A", "13"},
		{"CL above 60", append(with(14, 61), nil), "CL", "61"},
		{"PR below -4", with(12, -5), "PR", "-5"},
		{"non-numeric", with(12, "38*"), "PR", "38*"},
		{"fraction", with(10, 11.5), "A", "11.5"},
		{"status", with(4, "Free"), "Status", "Free"},
		{"edition", with(3, "2023-24"), "Edition", "2023-24"},
		{"C/T", with(2, "x"), "C/T", "x"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadFHFIW(fhTestFIWBook(t, fhTestFIWRows(good, c.row)), "bad.xlsx")
			xlsxTestParseError(t, err, 4, c.column, c.value)
		})
	}
	t.Run("missing column", func(t *testing.T) {
		rows := fhTestFIWRows(good)
		rows[1] = append([]any(nil), rows[1]...)
		rows[1][15] = "Total score"
		_, err := ReadFHFIW(fhTestFIWBook(t, rows), "bad.xlsx")
		if err == nil || !strings.Contains(err.Error(), `"Total"`) {
			t.Fatalf("got %v, want an error naming Total", err)
		}
	})
	t.Run("no header", func(t *testing.T) {
		rows := fhTestFIWRows(good)
		rows[1] = append([]any(nil), rows[1]...)
		rows[1][0] = "Country"
		_, err := ReadFHFIW(fhTestFIWBook(t, rows), "bad.xlsx")
		if err == nil || !strings.Contains(err.Error(), "Country/Territory") {
			t.Fatalf("got %v, want an error naming Country/Territory", err)
		}
	})
	t.Run("duplicate column", func(t *testing.T) {
		rows := fhTestFIWRows(append(append([]any(nil), good...), 1))
		rows[1] = append(append([]any(nil), rows[1]...), "A")
		_, err := ReadFHFIW(fhTestFIWBook(t, rows), "bad.xlsx")
		if err == nil || !strings.Contains(err.Error(), "duplicate") {
			t.Fatalf("got %v, want a duplicate column error", err)
		}
	})
	t.Run("garbage", func(t *testing.T) {
		for _, in := range [][]byte{nil, []byte("not a workbook"), {0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}} {
			if _, err := ReadFHFIW(bytes.NewReader(in), "bad.xlsx"); err == nil {
				t.Errorf("%q: no error", in)
			}
		}
	})
}

func TestFHEditionYear(t *testing.T) {
	for label, want := range map[string]int{"Jan.-Feb. 1973": 1973, "Jan.-Feb. 1977": 1977, "1978": 1978,
		"1982": 1982, "1983-84": 1984, "1989-90": 1990, "1999-2000": 2000, "2000-01": 2001, "2001-02": 2002,
		"2003": 2003, "2024": 2024} {
		if got, ok := fhEditionYear(label); !ok || got != want {
			t.Errorf("fhEditionYear(%q) = %d, %v; want %d", label, got, ok, want)
		}
	}
	for _, label := range []string{"Jan.-Feb.", "Jan.-Feb. 73", "1983-85", "Aug.1982-Nov.1983", "Survey Edition"} {
		if got, ok := fhEditionYear(label); ok {
			t.Errorf("fhEditionYear(%q) = %d, want an error", label, got)
		}
	}
}

func TestReadFHRatingsPublished(t *testing.T) {
	recs, err := ReadFHRatings(xlsxTestSource(t, fhTestRatings), fhTestRatings)
	if err != nil {
		t.Fatal(err)
	}
	recs, dropped := SplitDropped(recs)
	// South Africa 1973: two populations rated, no country rating; read,
	// listed, not shipped.
	if len(dropped) != 2 || dropped[0].Name != "South Africa" || dropped[0].Obs.Year != 1973 || dropped[0].Line != 164 ||
		dropped[0].Obs.Indicator != "fh-pr-rating" || dropped[1].Obs.Indicator != "fh-cl-rating" || !strings.Contains(dropped[0].Dropped, "PR 2(5), CL 3(6), status F (NF)") {
		t.Errorf("dropped = %+v, want South Africa's two split 1973 ratings", dropped)
	}
	m := fhTestIndex(t, recs, "fh-ratings")
	years := map[int]bool{}
	for _, r := range recs {
		years[r.Obs.Year] = true
		if r.Obs.Value < 1 || r.Obs.Value > 7 || !fhStatus(r.Obs.Status) || !strings.HasPrefix(r.Obs.Note, "edition ") {
			t.Fatalf("bad record %+v", r)
		}
	}
	// 51 editions: 1973–1982 and 1984–2024, no 1983.
	if len(years) != 51 || years[1983] || !years[1973] || !years[1982] || !years[1984] || !years[2024] {
		t.Errorf("edition years %v", years)
	}
	type want struct {
		pr, cl float64
		status string
		line   int
		note   string
	}
	for _, c := range []struct {
		name string
		year int
		want want
	}{
		// Manifest spot check, edition 2024 (covers 2023).
		{"Russia", 2024, want{7, 6, "NF", 148, "edition 2024, covers 2023"}},
		{"Kazakhstan", 2024, want{7, 5, "NF", 92, "edition 2024, covers 2023"}},
		{"Georgia", 2024, want{4, 3, "PF", 67, "edition 2024, covers 2023"}},
		{"Estonia", 2024, want{1, 1, "F", 60, "edition 2024, covers 2023"}},
		// Freedom at Issue surveys and the 1980s.
		{"Chile", 1974, want{7, 5, "NF", 38, "edition Jan.-Feb. 1974, covers 1973"}},
		{"Poland", 1974, want{6, 6, "NF", 144, "edition Jan.-Feb. 1974, covers 1973"}},
		{"Poland", 1984, want{6, 5, "PF", 144, "edition 1983-84, covers Aug.1982-Nov.1983"}},
		{"Chile", 1984, want{6, 5, "PF", 38, "edition 1983-84, covers Aug.1982-Nov.1983"}},
		{"South Africa", 1974, want{4, 5, "PF", 164, "edition Jan.-Feb. 1974, covers 1973"}},
		// Historical entities, names trimmed ("Germany, E. " in the file).
		{"USSR", 1973, want{6, 6, "NF", 196, "edition Jan.-Feb. 1973, covers 1972"}},
		{"USSR", 1991, want{5, 4, "PF", 196, "edition 1990-91, covers 1990"}},
		{"Germany, E.", 1973, want{7, 7, "NF", 69, "edition Jan.-Feb. 1973, covers 1972"}},
		{"Vietnam, S.", 1976, want{7, 7, "NF", 202, "edition Jan.-Feb. 1976, covers 1975"}},
		// Territory sheet.
		{"Abkhazia", 2024, want{5, 5, "PF", 4, "edition 2024, covers 2023"}},
		{"Abkhazia", 1999, want{6, 5, "NF", 4, "edition 1998-99, covers 1998"}},
		{"Transnistria", 2024, want{7, 6, "NF", 24, "edition 2024, covers 2023"}},
	} {
		pr, okP := m[fhTestKey{"fh-pr-rating", c.name, c.year}]
		cl, okC := m[fhTestKey{"fh-cl-rating", c.name, c.year}]
		if !okP || !okC {
			t.Errorf("%s %d: no ratings", c.name, c.year)
			continue
		}
		got := want{pr.Obs.Value, cl.Obs.Value, pr.Obs.Status, pr.Line, pr.Obs.Note}
		if got != c.want || cl.Obs.Status != c.want.status || cl.Line != c.want.line || cl.Obs.Note != c.want.note {
			t.Errorf("%s %d: got %+v (CL %+v), want %+v", c.name, c.year, got, cl, c.want)
		}
	}
	// No rating after the USSR's last edition, nor for "-" cells.
	for _, k := range []fhTestKey{{"fh-pr-rating", "USSR", 1992}, {"fh-pr-rating", "Russia", 1991},
		{"fh-cl-rating", "Chechnya", 2024}, {"fh-pr-rating", "Germany, E. ", 1973}} {
		if r, ok := m[k]; ok {
			t.Errorf("unexpected record %+v", r)
		}
	}
	// South Africa 1973: white and black ratings, no country rating.
	for _, id := range []string{"fh-pr-rating", "fh-cl-rating"} {
		if r, ok := m[fhTestKey{id, "South Africa", 1973}]; ok {
			t.Errorf("split South Africa 1973 rating gave a record %+v", r)
		}
	}
	// Kosovo: territory until 2009, country from 2010.
	for y := 1994; y <= 2024; y++ {
		if _, ok := m[fhTestKey{"fh-pr-rating", "Kosovo", y}]; !ok {
			t.Errorf("no Kosovo rating for %d", y)
		}
	}
	// File order: the country sheet (Afghanistan first), then territories.
	if recs[0].Name != "Afghanistan" || recs[0].Obs.Year != 1973 || recs[0].Obs.Indicator != "fh-pr-rating" ||
		recs[len(recs)-1].Name != "Western Sahara" || recs[len(recs)-1].Obs.Year != 2024 {
		t.Errorf("order: first %+v last %+v", recs[0], recs[len(recs)-1])
	}
}

// fhTestRatingsBook is a ratings workbook with editions labels (each with
// its period) and the given entity rows on both sheets.
func fhTestRatingsBook(t *testing.T, labels, covers []string, country, territory [][]any) *bytes.Buffer {
	t.Helper()
	h1, h2, h3 := []any{"Survey Edition"}, []any{"Year(s) Under Review"}, []any{nil}
	for i, l := range labels {
		h1 = append(h1, l, nil, nil)
		h2 = append(h2, covers[i], nil, nil)
		h3 = append(h3, "PR", "CL ", "Status")
	}
	head := [][]any{h1, h2, h3}
	return xlsxTestBook(t, map[string][][]any{
		"INDEX":                       {{"HISTORICAL FIW STATUS AND RATINGS INFORMATION"}},
		"Country Ratings, Statuses ":  append(append([][]any(nil), head...), country...),
		"Territory Ratings, Statuses": append(append([][]any(nil), head...), territory...),
	}, "INDEX", "Country Ratings, Statuses ", "Territory Ratings, Statuses")
}

func TestReadFHRatingsSmall(t *testing.T) {
	labels := []string{"Jan.-Feb. 1973", "1982", "1983-84"}
	covers := []string{"1972", "Jan.1981-Aug. 1982", "Aug.1982-Nov.1983"}
	recs, err := ReadFHRatings(fhTestRatingsBook(t, labels, covers,
		[][]any{
			{"South Africa", "2(5)", "3(6)", "F (NF)", 5, 6, "PF", "5", "6", "PF"},
			{"USSR ", 6, 6, "NF", "-", "-", "-", nil, nil, nil},
		},
		[][]any{{"Abkhazia", "-", "-", "-", nil, nil, nil, 7, "-", "NF"}}), "small.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range recs {
		if r.Dropped != "" {
			got = append(got, fmt.Sprintf("%s|%s|%d|dropped: %s", r.Name, r.Obs.Indicator, r.Obs.Year, r.Dropped))
			continue
		}
		got = append(got, fmt.Sprintf("%s|%s|%d|%v|%s|%d|%s", r.Name, r.Obs.Indicator, r.Obs.Year, r.Obs.Value, r.Obs.Status, r.Line, r.Obs.Note))
	}
	split := "split rating PR 2(5), CL 3(6), status F (NF) in edition Jan.-Feb. 1973: Freedom House rated two populations separately and gave the country no rating of its own"
	want := []string{
		"South Africa|fh-pr-rating|1973|dropped: " + split,
		"South Africa|fh-cl-rating|1973|dropped: " + split,
		"South Africa|fh-pr-rating|1982|5|PF|4|edition 1982, covers Jan.1981-Aug. 1982",
		"South Africa|fh-cl-rating|1982|6|PF|4|edition 1982, covers Jan.1981-Aug. 1982",
		"South Africa|fh-pr-rating|1984|5|PF|4|edition 1983-84, covers Aug.1982-Nov.1983",
		"South Africa|fh-cl-rating|1984|6|PF|4|edition 1983-84, covers Aug.1982-Nov.1983",
		"USSR|fh-pr-rating|1973|6|NF|5|edition Jan.-Feb. 1973, covers 1972",
		"USSR|fh-cl-rating|1973|6|NF|5|edition Jan.-Feb. 1973, covers 1972",
		"Abkhazia|fh-pr-rating|1984|7|NF|4|edition 1983-84, covers Aug.1982-Nov.1983",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestReadFHRatingsBad(t *testing.T) {
	labels := []string{"1982", "1983-84"}
	covers := []string{"Jan.1981-Aug. 1982", "Aug.1982-Nov.1983"}
	for _, c := range []struct {
		name   string
		row    []any
		column string
		value  string
	}{
		{"rating 8", []any{"Chile", 8, 5, "NF", 6, 5, "PF"}, "1982 PR", "8"},
		{"rating 0", []any{"Chile", 7, 5, "NF", 6, 0, "PF"}, "1983-84 CL", "0"},
		{"footnote mark", []any{"Chile", "7*", 5, "NF", 6, 5, "PF"}, "1982 PR", "7*"},
		{"two ratings", []any{"Chile", 7, "5 (6)", "NF", 6, 5, "PF"}, "1982 CL", "5 (6)"},
		{"fraction", []any{"Chile", 7, 5.5, "NF", 6, 5, "PF"}, "1982 CL", "5.5"},
		{"split status only", []any{"Chile", 7, 5, "NF (PF)", 6, 5, "PF"}, "1982 Status", "NF (PF)"},
		{"no status", []any{"Chile", 7, 5, "-", 6, 5, "PF"}, "1982 Status", "-"},
		{"status without ratings", []any{"Chile", 7, 5, "NF", "-", "-", "PF"}, "1983-84 Status", "PF"},
		{"outside editions", []any{"Chile", 7, 5, "NF", 6, 5, "PF", 3}, "H", "3"},
	} {
		t.Run(c.name, func(t *testing.T) {
			buf := fhTestRatingsBook(t, labels, covers, nil, [][]any{{"Abkhazia", 7, 5, "NF"}, c.row})
			_, err := ReadFHRatings(buf, "bad.xlsx")
			pe := xlsxTestParseError(t, err, 5, c.column, c.value)
			if !strings.Contains(pe.Error(), "Territory Ratings, Statuses") {
				t.Errorf("error does not name the sheet: %v", pe)
			}
		})
	}
	t.Run("same year twice", func(t *testing.T) {
		buf := fhTestRatingsBook(t, []string{"1983-84", "1984"}, []string{"", ""}, [][]any{{"Chile", 7, 5, "NF", 6, 5, "PF"}}, nil)
		_, err := ReadFHRatings(buf, "bad.xlsx")
		xlsxTestParseError(t, err, 1, "E", "1984")
	})
	t.Run("bad label", func(t *testing.T) {
		buf := fhTestRatingsBook(t, []string{"1983-85"}, []string{""}, [][]any{{"Chile", 7, 5, "NF"}}, nil)
		_, err := ReadFHRatings(buf, "bad.xlsx")
		xlsxTestParseError(t, err, 1, "B", "1983-85")
	})
	t.Run("missing sheet", func(t *testing.T) {
		buf := xlsxTestBook(t, map[string][][]any{"Country Ratings, Statuses": {{"Survey Edition", "2024"}, {"", "2023"}, {"", "PR", "CL", "Status"}, {"Chile", 1, 1, "F"}}},
			"Country Ratings, Statuses")
		_, err := ReadFHRatings(buf, "bad.xlsx")
		if err == nil || !strings.Contains(err.Error(), "Territory Ratings, Statuses") {
			t.Fatalf("got %v, want a missing sheet error", err)
		}
	})
	t.Run("garbage", func(t *testing.T) {
		for _, in := range [][]byte{nil, []byte("PK\x03\x04garbage"), bytes.Repeat([]byte{0xff}, 100)} {
			if _, err := ReadFHRatings(bytes.NewReader(in), "bad.xlsx"); err == nil {
				t.Errorf("%q: no error", in)
			}
		}
	})
}
