package countries

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
)

// sourceRow is one entity occurrence in a publisher's file. hasData is false
// for placeholder rows that carry no values (FOTP's "NA" rows, Freedom
// House's "-" cells); those must map too, but may repeat an entity.
type sourceRow struct {
	source, code, name string
	year               int
	hasData            bool
}

// TestMapSourceFiles maps every entity of every source file and checks that
// no two distinct entries of one source and year land on the same entity.
func TestMapSourceFiles(t *testing.T) {
	dir := sharedFile(t, "sources")
	rows := readSources(t, dir)
	r := Default()

	type slot struct {
		source string
		year   int
		iso3   string
	}
	seen := map[slot]string{}
	unmapped := map[string]string{}
	perSource := map[string]int{}
	for _, row := range rows {
		perSource[row.source]++
		m, err := r.Map(row.source, row.code, row.name, row.year)
		if err != nil {
			t.Errorf("%s %d %q %q: %v", row.source, row.year, row.code, row.name, err)
			continue
		}
		if (m.ISO3 == "") == (m.Unmapped == "") {
			t.Errorf("%s %d %q %q: mapping %+v must have exactly one of ISO3 and Unmapped", row.source, row.year, row.code, row.name, m)
			continue
		}
		if m.ISO3 == "" {
			unmapped[row.source+" "+row.code+" "+row.name] = m.Unmapped
			continue
		}
		if _, ok := r.ByCode(m.ISO3); !ok {
			t.Errorf("%s %q %q maps to %s, which is not in the registry", row.source, row.code, row.name, m.ISO3)
		}
		if !row.hasData {
			continue
		}
		id := row.code + " " + strings.TrimSpace(row.name)
		s := slot{row.source, row.year, m.ISO3}
		if prev, dup := seen[s]; dup && prev != id {
			t.Errorf("%s %d: %q and %q both map to %s", row.source, row.year, prev, id, m.ISO3)
		}
		seen[s] = id
	}
	for _, src := range []string{"rsf", "wgi", "wjp", "fh-fiw", "fh-ratings", "fh-fotp", "vdem", "odihr"} {
		if perSource[src] == 0 {
			t.Errorf("no rows read for %s", src)
		}
	}
	keys := make([]string, 0, len(unmapped))
	for k := range unmapped {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.Logf("known unmapped: %s: %s", k, unmapped[k])
	}
	t.Logf("%d source rows checked: %v", len(rows), perSource)
}

func readSources(t *testing.T, dir string) []sourceRow {
	t.Helper()
	var rows []sourceRow
	add := func(src, code, name string, year int, hasData bool) {
		rows = append(rows, sourceRow{src, code, name, year, hasData})
	}

	// RSF: one file per edition; 2002–2021 name the country EN_country,
	// later files Country_EN; 2025 is Windows-1252.
	files, _ := filepath.Glob(filepath.Join(dir, "rsf", "*.csv"))
	if len(files) == 0 {
		t.Fatalf("no RSF files in %s", dir)
	}
	for _, f := range files {
		year, err := strconv.Atoi(strings.TrimSuffix(filepath.Base(f), ".csv"))
		if err != nil {
			t.Fatal(err)
		}
		data := readFile(t, f)
		if !utf8.Valid(data) {
			if data, err = charmap.Windows1252.NewDecoder().Bytes(data); err != nil {
				t.Fatal(err)
			}
		}
		for _, rec := range readCSV(t, f, data, ';', "ISO", "EN_country|Country_EN") {
			add("rsf", rec[0], rec[1], year, true)
		}
	}

	f := filepath.Join(dir, "wgi", "wgidataset.csv")
	for _, rec := range readCSV(t, f, readFile(t, f), ',', "code", "countryname", "year") {
		add("wgi", rec[0], rec[1], atoi(t, rec[2]), true)
	}

	// FOTP has old-Mac CR line endings.
	f = filepath.Join(dir, "freedomhouse_fotp", "fotp_2001_2014.csv")
	data := bytes.ReplaceAll(bytes.ReplaceAll(readFile(t, f), []byte("\r\n"), []byte("\n")), []byte("\r"), []byte("\n"))
	for _, rec := range readCSV(t, f, data, ',', "country", "year.reported", "score") {
		add("fh-fotp", "", rec[0], atoi(t, rec[1]), rec[2] != "NA")
	}

	f = filepath.Join(dir, "vdem", "vdemlite_v14_subset.csv")
	for _, rec := range readCSV(t, f, readFile(t, f), ',', "country_text_id", "country_name", "year") {
		add("vdem", rec[0], rec[1], atoi(t, rec[2]), true)
	}

	f = filepath.Join(dir, "odihr", "elections.csv")
	for _, rec := range readCSV(t, f, readFile(t, f), ',', "country_iso3", "election_date") {
		add("odihr", rec[0], "", atoi(t, rec[1][:4]), true)
	}

	// WJP: long sheet; Year is an edition such as "2017-2018".
	for _, rec := range sheetRows(t, filepath.Join(dir, "wjp", "2025_wjp_rule_of_law_index_HISTORICAL_DATA_FILE.xlsx"), "Historical Data", 1) {
		add("wjp", cell(rec, 3), cell(rec, 0), firstYear(cell(rec, 1)), true)
	}

	// FIW 2013–2024: header on row 2; Edition in column D.
	for _, rec := range sheetRows(t, filepath.Join(dir, "freedomhouse_fiw", "All_data_FIW_2013-2025.xlsx"), "FIW13-25", 2) {
		add("fh-fiw", "", cell(rec, 0), atoi(t, cell(rec, 3)), true)
	}

	// Ratings 1973–2024: wide; row 2 holds the years under review, each
	// three columns (PR, CL, Status) wide; names from row 4.
	ratings := filepath.Join(dir, "freedomhouse_fiw", "Country_and_Territory_Ratings_and_Statuses_FIW_1973-2024.xlsx")
	for _, sheet := range []string{"Country Ratings, Statuses ", "Territory Ratings, Statuses"} {
		all := sheetRows(t, ratings, sheet, 0)
		years := all[1]
		for _, rec := range all[3:] {
			if strings.TrimSpace(cell(rec, 0)) == "" {
				continue
			}
			for col := 1; col < len(years); col += 3 {
				v := strings.TrimSpace(cell(rec, col))
				add("fh-ratings", "", rec[0], firstYear(years[col]), v != "" && v != "-")
			}
		}
	}
	return rows
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// readCSV returns, for each record, the columns named in cols (a name may
// list alternatives separated by "|").
func readCSV(t *testing.T, path string, data []byte, sep rune, cols ...string) [][]string {
	t.Helper()
	cr := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))))
	cr.Comma = sep
	recs, err := cr.ReadAll()
	if err != nil || len(recs) < 2 {
		t.Fatalf("%s: %d records, %v", path, len(recs), err)
	}
	idx := make([]int, len(cols))
	for i, want := range cols {
		idx[i] = -1
		for j, h := range recs[0] {
			for _, alt := range strings.Split(want, "|") {
				if strings.TrimSpace(h) == alt {
					idx[i] = j
				}
			}
		}
		if idx[i] < 0 {
			t.Fatalf("%s: no column %s in %q", path, want, recs[0])
		}
	}
	out := make([][]string, 0, len(recs)-1)
	for _, rec := range recs[1:] {
		row := make([]string, len(cols))
		for i, j := range idx {
			row[i] = rec[j]
		}
		out = append(out, row)
	}
	return out
}

// sheetRows returns the rows of an xlsx sheet after skipping the first skip.
func sheetRows(t *testing.T, path, sheet string, skip int) [][]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet)
	if err != nil || len(rows) <= skip {
		t.Fatalf("%s sheet %q: %d rows, %v", path, sheet, len(rows), err)
	}
	return rows[skip:]
}

func cell(rec []string, i int) string {
	if i < len(rec) {
		return rec[i]
	}
	return ""
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		t.Fatalf("year %q: %v", s, err)
	}
	return n
}

var yearRE = regexp.MustCompile(`\d{4}`)

// firstYear is the first four-digit year in s ("2017-2018", "Jan.1981-Aug. 1982").
func firstYear(s string) int {
	n, err := strconv.Atoi(yearRE.FindString(s))
	if err != nil {
		panic(fmt.Sprintf("no year in %q", s))
	}
	return n
}
