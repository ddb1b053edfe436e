package importers

import (
	"bytes"
	"errors"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Fuzz targets, one per importer: `go test -fuzz FuzzReadRSF ./datasets/importers`
// (make fuzz runs each for $(FUZZTIME)). They are seeded from excerpts of
// the publishers' files in testdata/fuzz and, when ../shared/sources is
// there, from small workbooks cut out of the real ones. The property: no
// input makes an importer panic or hang, every error is a located
// *ParseError naming the file with a bounded message, and every record has
// a finite value and a real line.

// fuzzSeeds adds the files of testdata/fuzz whose names start with prefix.
func fuzzSeeds(f *testing.F, prefix string) {
	f.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "fuzz", prefix+"*"))
	if err != nil || len(files) == 0 {
		f.Fatalf("no seeds testdata/fuzz/%s*: %v", prefix, err)
	}
	for _, file := range files {
		if st, err := os.Stat(file); err != nil || st.IsDir() {
			continue // testdata/fuzz/FuzzX: the fuzzer's own corpus
		}
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

// checkResult asserts the fuzz property on one importer's result.
func checkResult(t *testing.T, recs []Record, err error) {
	t.Helper()
	if err != nil {
		checkError(t, err)
		return
	}
	for _, r := range recs {
		if math.IsNaN(r.Obs.Value) || math.IsInf(r.Obs.Value, 0) || r.Line < 1 || r.Obs.Indicator == "" {
			t.Fatalf("bad record %+v", r)
		}
		if r.Obs.Rank < 0 || r.Obs.Rank > r.Obs.RankOf {
			t.Fatalf("rank %d of %d", r.Obs.Rank, r.Obs.RankOf)
		}
	}
}

func checkError(t *testing.T, err error) {
	t.Helper()
	var pe *ParseError
	if !errors.As(err, &pe) || pe.File != "fuzz.csv" {
		t.Fatalf("error is not a located *ParseError of fuzz.csv: %#v", err)
	}
	if msg := err.Error(); len(msg) > 2000 || !utf8.ValidString(msg) || strings.ContainsAny(msg, "\n\r\x1b") {
		t.Fatalf("message is not one short, plain line: %q", msg)
	}
}

func FuzzReadRSF(f *testing.F) {
	fuzzSeeds(f, "rsf-")
	f.Fuzz(func(t *testing.T, b []byte) {
		recs, err := ReadRSF(bytes.NewReader(b), "fuzz.csv")
		checkResult(t, recs, err)
	})
}

func FuzzReadWGI(f *testing.F) {
	fuzzSeeds(f, "wgi")
	f.Fuzz(func(t *testing.T, b []byte) {
		recs, err := ReadWGI(bytes.NewReader(b), "fuzz.csv")
		checkResult(t, recs, err)
	})
}

func FuzzReadFOTP(f *testing.F) {
	fuzzSeeds(f, "fotp")
	f.Fuzz(func(t *testing.T, b []byte) {
		recs, err := ReadFOTP(bytes.NewReader(b), "fuzz.csv")
		checkResult(t, recs, err)
	})
}

func FuzzReadVDem(f *testing.F) {
	fuzzSeeds(f, "vdem")
	f.Fuzz(func(t *testing.T, b []byte) {
		recs, err := ReadVDem(bytes.NewReader(b), "fuzz.csv")
		checkResult(t, recs, err)
	})
}

func FuzzReadODIHR(f *testing.F) {
	fuzzSeeds(f, "odihr")
	f.Fuzz(func(t *testing.T, b []byte) {
		recs, err := ReadODIHR(bytes.NewReader(b), "fuzz.csv")
		if err != nil {
			checkError(t, err)
			return
		}
		for _, r := range recs {
			if CheckText(r.Election.Summary) != nil || r.Line < 2 {
				t.Fatalf("unsafe or unlocated election %+v", r)
			}
		}
	})
}

func FuzzReadLongFile(f *testing.F) {
	fuzzSeeds(f, "long")
	f.Add([]byte("# indicator: x\n# name: X\n# scale: 0 10\n# direction: higher\n# year: data\ncountry;year;value\nKazakhstan;2024;3,5\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		lf, err := ReadLongFile(bytes.NewReader(b), "fuzz.csv")
		if err != nil {
			checkError(t, err)
			return
		}
		checkResult(t, lf.Records, nil)
		for _, r := range lf.Records {
			if CheckText(r.Obs.Note) != nil || CheckText(r.Obs.Status) != nil || !IndicatorID.MatchString(r.Obs.Indicator) {
				t.Fatalf("unsafe record %+v", r)
			}
		}
		for _, m := range lf.Indicators {
			if CheckText(m.Name) != nil || m.Min != nil && m.Max != nil && *m.Min >= *m.Max {
				t.Fatalf("bad metadata %+v", m)
			}
		}
	})
}

func FuzzDecode(f *testing.F) {
	fuzzSeeds(f, "")
	f.Fuzz(func(t *testing.T, b []byte) {
		text, _, err := Decode(b)
		if err == nil && (!utf8.Valid(text) || bytes.IndexByte(text, '\r') >= 0 || bytes.IndexByte(text, 0) >= 0) {
			t.Fatalf("Decode gave %q", text)
		}
	})
}

// workbookSeed builds a small workbook: the sheets in order, each from its
// rows. When src (a file of ../shared/sources) exists, the first rows of its
// sheets are taken instead, so the seed has the real layout and cell
// types.
func workbookSeed(f *testing.F, src string, maxRows int, sheets []string, fallback map[string][][]any) []byte {
	f.Helper()
	rows := map[string][][]any{}
	if real, err := excelize.OpenFile(filepath.Join("..", "..", "..", "shared", "sources", src)); err == nil {
		for _, name := range real.GetSheetList() {
			for _, want := range sheets {
				if strings.TrimSpace(name) != strings.TrimSpace(want) {
					continue
				}
				it, err := real.Rows(name)
				if err != nil {
					f.Fatal(err)
				}
				for n := 0; n < maxRows && it.Next(); n++ {
					cells, _ := it.Columns(excelize.Options{RawCellValue: true})
					row := make([]any, len(cells))
					for i, c := range cells {
						row[i] = c
						if v, ok := xlsxNumber(c); ok {
							row[i] = v
						}
					}
					rows[want] = append(rows[want], row)
				}
				it.Close()
			}
		}
		real.Close()
	}
	if len(rows) != len(sheets) {
		rows = fallback
	}
	wb := excelize.NewFile()
	defer wb.Close()
	for i, name := range sheets {
		if i == 0 {
			wb.SetSheetName("Sheet1", name)
		} else {
			wb.NewSheet(name)
		}
		for r, row := range rows[name] {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := wb.SetSheetRow(name, cell, &row); err != nil {
				f.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if err := wb.Write(&buf); err != nil {
		f.Fatal(err)
	}
	return buf.Bytes()
}

func FuzzReadWJP(f *testing.F) {
	header := []any{"Country", "Year", "Country_year", "Country Code", "Region", "WJP Rule of Law Index: Overall Score"}
	for i := 1; i <= 8; i++ {
		header = append(header, "Factor "+string(rune('0'+i))+": x")
	}
	row := []any{"Albania", "2012-2013", "Albania_2012-2013", "ALB", "EU", 0.4897809824420753, 0.45, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5}
	f.Add(workbookSeed(f, "wjp/2025_wjp_rule_of_law_index_HISTORICAL_DATA_FILE.xlsx", 6, []string{wjpSheet},
		map[string][][]any{wjpSheet: {header, row}}))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, b []byte) {
		recs, err := ReadWJP(bytes.NewReader(b), "fuzz.csv")
		checkResult(t, recs, err)
	})
}

func FuzzReadFHFIW(f *testing.F) {
	fallback := map[string][][]any{"FIW13-25": {
		{"Freedom in the World 2013-2024 Raw Data"},
		{"Country/Territory", "Region", "C/T", "Edition", "Status", "PR rating", "CL rating", "A", "PR", "CL", "Total"},
		{"Estonia", "Europe", "c", 2024, "F", 1, 1, 12, 38, 57, 95},
	}}
	f.Add(workbookSeed(f, "freedomhouse_fiw/All_data_FIW_2013-2025.xlsx", 6, []string{"FIW13-25"}, fallback))
	f.Fuzz(func(t *testing.T, b []byte) {
		recs, err := ReadFHFIW(bytes.NewReader(b), "fuzz.csv")
		checkResult(t, recs, err)
	})
}

func FuzzReadFHRatings(f *testing.F) {
	head := [][]any{{"Survey Edition", "Jan.-Feb. 1973", nil, nil, "1983-84"}, {"Year(s) Under Review", "1972", nil, nil, "Aug.1982-Nov.1983"},
		{nil, "PR", "CL", "Status", "PR", "CL", "Status"}}
	fallback := map[string][][]any{
		"Country Ratings, Statuses ":  append(append([][]any(nil), head...), []any{"USSR", 6, 6, "NF", "-", "-", "-"}),
		"Territory Ratings, Statuses": append(append([][]any(nil), head...), []any{"Abkhazia", "-", "-", "-", 7, 6, "NF"}),
	}
	f.Add(workbookSeed(f, "freedomhouse_fiw/Country_and_Territory_Ratings_and_Statuses_FIW_1973-2024.xlsx", 6,
		[]string{"Country Ratings, Statuses ", "Territory Ratings, Statuses"}, fallback))
	f.Fuzz(func(t *testing.T, b []byte) {
		recs, err := ReadFHRatings(bytes.NewReader(b), "fuzz.csv")
		checkResult(t, recs, err)
	})
}

// A workbook found by FuzzReadWJP: 24 kB whose styles part claims 3.7 GB.
// The xlsx library this package once used allocated a part's declared size
// up front; the import still refuses such a file before reading any part
// (checkZip), rather than trusting any reader to stream it.
func TestZipBombIsRefusedCheaply(t *testing.T) {
	raw, err := os.ReadFile("testdata/fuzz/FuzzReadWJP/de501c614e0b00ae")
	if err != nil {
		t.Fatal(err)
	}
	body := strings.TrimSpace(strings.SplitN(string(raw), "\n", 2)[1])
	s, err := strconv.Unquote(strings.TrimSuffix(strings.TrimPrefix(body, "[]byte("), ")"))
	if err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err = ReadWJP(strings.NewReader(s), "bomb.xlsx")
	runtime.ReadMemStats(&after)
	want := `bomb.xlsx: not a readable xlsx workbook: part "xl/styles.xml" claims 3741259217 bytes from 1204 compressed: a damaged file or a zip bomb`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant  %s", err, want)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20 {
		t.Errorf("reading it allocated %d MB", alloc>>20)
	}
}
