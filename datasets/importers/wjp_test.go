package importers

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// xlsxTestSource opens a publisher's file in the shared sources folder
// (/work/shared/sources, three levels above this package). Without that
// folder the test is skipped, except in CI, where it fails.
func xlsxTestSource(t *testing.T, rel string) *os.File {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "sources")
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("source files folder %s is missing (needed in CI): %v", dir, err)
		}
		t.Skipf("source files folder %s is missing: skipping spot checks against the published files", dir)
	}
	f, err := os.Open(filepath.Join(dir, rel))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// xlsxTestBook builds a workbook in memory: each sheet gets its rows from
// row 1 on (nil cells stay empty).
func xlsxTestBook(t *testing.T, sheets map[string][][]any, order ...string) *bytes.Buffer {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, name := range order {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for r, row := range sheets[name] {
			for c, v := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				var err error
				switch v := v.(type) {
				case nil:
				case float64:
					// Full precision: excelize's default keeps 15 digits.
					s := strconv.FormatFloat(v, 'f', -1, 64)
					_, frac, _ := strings.Cut(s, ".")
					err = f.SetCellFloat(name, cell, v, len(frac), 64)
				default:
					err = f.SetCellValue(name, cell, v)
				}
				if err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf
}

// xlsxTestParseError asserts that err is a *ParseError at line and column.
func xlsxTestParseError(t *testing.T, err error, line int, column, value string) *ParseError {
	t.Helper()
	var pe *ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("got error %v (%T), want a *ParseError", err, err)
	}
	if pe.Line != line || pe.Column != column || pe.Value != value {
		t.Fatalf("got ParseError at line %d column %q value %q (%v), want line %d column %q value %q",
			pe.Line, pe.Column, pe.Value, pe, line, column, value)
	}
	return pe
}

const wjpTestFile = "wjp/2025_wjp_rule_of_law_index_HISTORICAL_DATA_FILE.xlsx"

func TestReadWJPPublished(t *testing.T) {
	recs, err := ReadWJP(xlsxTestSource(t, wjpTestFile), wjpTestFile)
	if err != nil {
		t.Fatal(err)
	}
	// 1,484 rows (1,341 for 2012-2013 to 2024, 143 for 2025), every one
	// with the overall and the eight factor scores.
	if len(recs) != 1484*9 {
		t.Errorf("got %d records, want %d", len(recs), 1484*9)
	}
	perYear := map[int]int{}
	type key struct {
		id, code string
		year     int
	}
	byKey := map[key]Record{}
	for _, r := range recs {
		if r.Source != "wjp" || r.Obs.ISO3 != "" || r.Obs.Rank != 0 || r.Obs.Status != "" {
			t.Fatalf("unexpected record %+v", r)
		}
		if r.Obs.Indicator == "wjp" {
			perYear[r.Obs.Year]++
		}
		byKey[key{r.Obs.Indicator, r.Code, r.Obs.Year}] = r
	}
	wantYears := map[int]int{2013: 97, 2014: 99, 2015: 102, 2016: 113, 2018: 113, 2019: 126,
		2020: 128, 2021: 139, 2022: 140, 2023: 142, 2024: 142, 2025: 143}
	for y, n := range wantYears {
		if perYear[y] != n {
			t.Errorf("edition %d: %d wjp records, want %d", y, perYear[y], n)
		}
	}
	if len(perYear) != len(wantYears) {
		t.Errorf("editions %v, want those of %v", perYear, wantYears)
	}

	// Full precision as stored, not the two decimals displayed.
	for _, c := range []struct {
		id, code string
		year     int
		name     string
		line     int
		value    float64
		note     string
	}{
		{"wjp", "ALB", 2013, "Albania", 2, 0.4897809824420753, "edition 2012-2013"},
		{"wjp", "RUS", 2024, "Russian Federation", 1309, 0.42842877888362491, ""},
		{"wjp-f1", "RUS", 2024, "Russian Federation", 1309, 0.31032398940986017, ""},
		{"wjp-f8", "RUS", 2024, "Russian Federation", 1309, 0.29354057617215396, ""},
		{"wjp", "EST", 2020, "Estonia", 689, 0.80712825746343231, ""},
		{"wjp-f2", "EST", 2020, "Estonia", 689, 0.79321030821762273, ""},
		{"wjp-f1", "GEO", 2018, "Georgia", 450, 0.56633566666666668, "edition 2017-2018"},
		{"wjp-f2", "KAZ", 2014, "Kazakhstan", 145, 0.4314898315905964, ""},
		// The 2025 edition (displayed in the workbook as 0.90, 0.82, 0.58,
		// 0.54, 0.41, 0.50 and 0.31).
		{"wjp", "DNK", 2025, "Denmark", 1377, 0.8978637326116988, ""},
		{"wjp", "EST", 2025, "Estonia", 1383, 0.8189234358236023, ""},
		{"wjp", "GEO", 2025, "Georgia", 1389, 0.5811493593171939, ""},
		{"wjp", "KAZ", 2025, "Kazakhstan", 1409, 0.5363161021036761, ""},
		{"wjp", "RUS", 2025, "Russian Federation", 1452, 0.4073179345375559, ""},
		{"wjp", "UZB", 2025, "Uzbekistan", 1481, 0.4968762526858137, ""},
		{"wjp-f1", "RUS", 2025, "Russian Federation", 1452, 0.30811293714603477, ""},
	} {
		r, ok := byKey[key{c.id, c.code, c.year}]
		if !ok {
			t.Errorf("no %s %s %d", c.id, c.code, c.year)
			continue
		}
		if r.Obs.Value != c.value || r.Name != c.name || r.Line != c.line || r.Obs.Note != c.note {
			t.Errorf("%s %s %d: got %v %q line %d note %q, want %v %q line %d note %q", c.id, c.code, c.year,
				r.Obs.Value, r.Name, r.Line, r.Obs.Note, c.value, c.name, c.line, c.note)
		}
	}
	if _, ok := byKey[key{"wjp", "ALB", 2012}]; ok {
		t.Error("edition 2012-2013 must be year 2013, not 2012")
	}

	// Ranks computed from the unrounded scores match WJP's published ones
	// (manifest): Russia 113/142 in 2024, Estonia 10/128 and Georgia
	// 42/128 in 2020.
	rank := func(code string, year int) (int, int) {
		own := byKey[key{"wjp", code, year}].Obs.Value
		better, n := 0, 0
		for _, r := range recs {
			if r.Obs.Indicator == "wjp" && r.Obs.Year == year {
				n++
				if r.Obs.Value > own {
					better++
				}
			}
		}
		return better + 1, n
	}
	for _, c := range []struct {
		code       string
		year, rank int
		of         int
	}{{"RUS", 2024, 113, 142}, {"EST", 2020, 10, 128}, {"GEO", 2020, 42, 128}, {"RUS", 2020, 94, 128},
		{"DNK", 2025, 1, 143}, {"KAZ", 2025, 66, 143}, {"RUS", 2025, 119, 143}, {"VEN", 2025, 143, 143}} {
		if r, n := rank(c.code, c.year); r != c.rank || n != c.of {
			t.Errorf("%s %d: rank %d/%d, want %d/%d", c.code, c.year, r, n, c.rank, c.of)
		}
	}
	// File order: the first records are Albania's row 2.
	if recs[0].Line != 2 || recs[0].Obs.Indicator != "wjp" || recs[8].Obs.Indicator != "wjp-f8" || recs[9].Line != 3 {
		t.Errorf("records not in file order: %+v %+v", recs[0], recs[9])
	}
}

func TestWJPLabelYear(t *testing.T) {
	for label, want := range map[string]int{"2012-2013": 2013, "2017-2018": 2018, "2014": 2014,
		" 2024 ": 2024, "1983-84": 1984, "1999-2000": 2000, "2001-02": 2002} {
		if got, ok := xlsxLabelYear(label); !ok || got != want {
			t.Errorf("xlsxLabelYear(%q) = %d, %v; want %d", label, got, ok, want)
		}
	}
	for _, label := range []string{"", "2012-2014", "2013-2012", "12-13", "2012-", "2012-3", "20122", "2O14", "2012–2013"} {
		if got, ok := xlsxLabelYear(label); ok {
			t.Errorf("xlsxLabelYear(%q) = %d, want an error", label, got)
		}
	}
}

// wjpTestRows is a small Historical Data sheet: header, then rows.
func wjpTestRows(rows ...[]any) [][]any {
	header := []any{"Country", "Year", "Country_year", "Country Code", "Region",
		"WJP Rule of Law Index: Overall Score", "Factor 1: Constraints on Government Powers",
		"1.1 Government powers are effectively limited by the legislature",
		"Factor 2: Absence of Corruption", "Factor 3: Open Government ", "Factor 4: Fundamental Rights",
		"Factor 5: Order and Security", "Factor 6: Regulatory Enforcement", "Factor 7: Civil Justice",
		"Factor 8: Criminal Justice"}
	return append([][]any{header}, rows...)
}

func wjpTestBook(t *testing.T, rows [][]any) *bytes.Buffer {
	return xlsxTestBook(t, map[string][][]any{"Introduction": {{"x"}}, wjpSheet: rows}, "Introduction", wjpSheet)
}

func TestReadWJPSmall(t *testing.T) {
	rows := wjpTestRows(
		[]any{"Albania", "2012-2013", "Albania_2012-2013", "ALB", "r", 0.4897809824420753, 0.45757112634599578, 0.57, 0.3, 0.4, 0.6, 0.7, 0.4, 0.5, 0.41},
		// Empty factor 3 cell and a text-typed score: no record for f3.
		[]any{"Estonia ", "2014", "", "EST", "r", 1, nil, 0.9, "0.25", "", 0, 0.7, 0.4, 0.5, 0.41},
	)
	recs, err := ReadWJP(wjpTestBook(t, rows), "small.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 9+7 {
		t.Fatalf("got %d records, want 16: %+v", len(recs), recs)
	}
	if r := recs[0]; r.Obs.Indicator != "wjp" || r.Obs.Value != 0.4897809824420753 || r.Obs.Year != 2013 ||
		r.Obs.Note != "edition 2012-2013" || r.Code != "ALB" || r.Name != "Albania" || r.Line != 2 {
		t.Errorf("first record %+v", r)
	}
	est := map[string]Record{}
	for _, r := range recs[9:] {
		est[r.Obs.Indicator] = r
		if r.Line != 3 || r.Name != "Estonia" || r.Obs.Year != 2014 || r.Obs.Note != "" {
			t.Errorf("Estonia record %+v", r)
		}
	}
	if _, ok := est["wjp-f1"]; ok {
		t.Error("empty factor 1 cell gave a record")
	}
	if _, ok := est["wjp-f3"]; ok {
		t.Error("empty factor 3 cell gave a record")
	}
	if est["wjp-f2"].Obs.Value != 0.25 || est["wjp-f4"].Obs.Value != 0 || est["wjp"].Obs.Value != 1 {
		t.Errorf("Estonia values %+v", est)
	}
}

func TestReadWJPBad(t *testing.T) {
	good := []any{"Albania", "2014", "", "ALB", "r", 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5}
	with := func(col int, v any) []any {
		row := append([]any(nil), good...)
		row[col] = v
		return row
	}
	t.Run("missing column", func(t *testing.T) {
		rows := wjpTestRows(good)
		rows[0] = append([]any(nil), rows[0]...)
		rows[0][11] = "Order and Security" // was "Factor 5: ..."
		_, err := ReadWJP(wjpTestBook(t, rows), "bad.xlsx")
		if err == nil || !strings.Contains(err.Error(), "Factor 5:") {
			t.Fatalf("got %v, want an error naming Factor 5:", err)
		}
		rows[0] = wjpTestRows()[0]
		rows[0][3] = "ISO3"
		_, err = ReadWJP(wjpTestBook(t, rows), "bad.xlsx")
		if err == nil || !strings.Contains(err.Error(), `"Country Code"`) {
			t.Fatalf("got %v, want an error naming Country Code", err)
		}
	})
	t.Run("duplicate column", func(t *testing.T) {
		rows := wjpTestRows(append(append([]any(nil), good...), 0.5))
		rows[0] = append(append([]any(nil), rows[0]...), "Factor 2: again")
		_, err := ReadWJP(wjpTestBook(t, rows), "bad.xlsx")
		if err == nil || !strings.Contains(err.Error(), "Factor 2:") || !strings.Contains(err.Error(), "duplicate") {
			t.Fatalf("got %v, want a duplicate Factor 2: error", err)
		}
	})
	t.Run("non-numeric score", func(t *testing.T) {
		bad := with(9, "n/a")
		bad[3] = "CZE"
		rows := wjpTestRows(good, with(3, "BEL"), bad)
		_, err := ReadWJP(wjpTestBook(t, rows), "bad.xlsx")
		pe := xlsxTestParseError(t, err, 4, "Factor 3: Open Government", "n/a")
		if pe.File != "bad.xlsx" {
			t.Errorf("file %q", pe.File)
		}
	})
	t.Run("score above 1", func(t *testing.T) {
		_, err := ReadWJP(wjpTestBook(t, wjpTestRows(with(5, 49))), "bad.xlsx")
		xlsxTestParseError(t, err, 2, "WJP Rule of Law Index: Overall Score", "49")
	})
	t.Run("negative score", func(t *testing.T) {
		_, err := ReadWJP(wjpTestBook(t, wjpTestRows(with(14, -0.1))), "bad.xlsx")
		xlsxTestParseError(t, err, 2, "Factor 8: Criminal Justice", "-0.1")
	})
	t.Run("bad year", func(t *testing.T) {
		_, err := ReadWJP(wjpTestBook(t, wjpTestRows(with(1, "2012-2014"))), "bad.xlsx")
		xlsxTestParseError(t, err, 2, "Year", "2012-2014")
	})
	t.Run("duplicate row", func(t *testing.T) {
		_, err := ReadWJP(wjpTestBook(t, wjpTestRows(good, good)), "bad.xlsx")
		xlsxTestParseError(t, err, 3, "Country Code", "ALB")
	})
	t.Run("no sheet", func(t *testing.T) {
		buf := xlsxTestBook(t, map[string][][]any{"Data": wjpTestRows(good)}, "Data")
		_, err := ReadWJP(buf, "bad.xlsx")
		if want := `bad.xlsx: no sheet "Historical Data" (sheets: "Data")`; err == nil || err.Error() != want {
			t.Fatalf("got %v, want %s", err, want)
		}
	})
	t.Run("garbage", func(t *testing.T) {
		for _, in := range [][]byte{nil, []byte("Country,Year\nAlbania,2014\n"), {0x50, 0x4b, 0x03, 0x04, 1, 2, 3}} {
			if _, err := ReadWJP(bytes.NewReader(in), "bad.xlsx"); err == nil {
				t.Errorf("%q: no error", in)
			}
		}
		if _, err := ReadWJP(nil, "bad.xlsx"); err == nil {
			t.Error("nil reader: no error")
		}
	})
}
