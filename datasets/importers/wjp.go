package importers

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/rankings-dev/rankings/indicators"
)

// wjpSheet is the long-layout sheet of WJP's historical data workbook.
const wjpSheet = "Historical Data"

// wjpScore is one score column of the historical data sheet: the indicator
// it feeds and how its header is recognised. The factor headers carry
// trailing spaces and long names, so they are matched by their "Factor N:"
// prefix; the overall score is matched exactly.
type wjpScore struct {
	id     string
	header string // exact header, or prefix when prefix is set
	prefix bool
}

var wjpScores = []wjpScore{
	{"wjp", "WJP Rule of Law Index: Overall Score", false},
	{"wjp-f1", "Factor 1:", true},
	{"wjp-f2", "Factor 2:", true},
	{"wjp-f3", "Factor 3:", true},
	{"wjp-f4", "Factor 4:", true},
	{"wjp-f5", "Factor 5:", true},
	{"wjp-f6", "Factor 6:", true},
	{"wjp-f7", "Factor 7:", true},
	{"wjp-f8", "Factor 8:", true},
}

// ReadWJP reads the "Historical Data" sheet of WJP's Rule of Law Index
// historical data workbook (2025_wjp_rule_of_law_index_HISTORICAL_DATA_FILE.xlsx)
// as shipped. Columns are found by their header on row 1: Country, Year,
// Country Code, the overall score and the eight factor scores. It returns,
// per row and in file order, indicators wjp and wjp-f1 … wjp-f8 with the
// full precision stored in the workbook (not the two decimals it displays).
//
// The Year column is the edition label: a two-year label takes the later
// year ("2012-2013" is 2013, "2017-2018" is 2018) and keeps the label in
// Obs.Note. An empty score cell gives no record; a score that is not a
// number or lies outside 0–1 is a *ParseError. Ranks are not computed here.
func ReadWJP(r io.Reader, file string) ([]Record, error) {
	wb, err := xlsxOpen(r, file)
	if err != nil {
		return nil, err
	}
	rows, _, err := xlsxSheetRows(wb, file, wjpSheet)
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, &ParseError{File: file, Err: fmt.Errorf("sheet %q is empty", wjpSheet)}
	}
	header := rows[0]
	find := func(name string, prefix bool) (int, error) {
		at := -1
		for i, h := range header {
			h = strings.TrimSpace(h)
			if h == name || (prefix && strings.HasPrefix(h, name)) {
				if at >= 0 {
					return 0, &ParseError{File: file, Line: 1, Col: i + 1, Column: name,
						Err: fmt.Errorf("duplicate column (columns %s and %s)", xlsxColName(at), xlsxColName(i))}
				}
				at = i
			}
		}
		if at < 0 {
			return 0, &ParseError{File: file, Line: 1, Column: name,
				Err: fmt.Errorf("missing column in sheet %q", wjpSheet)}
		}
		return at, nil
	}
	var colCountry, colYear, colCode int
	for _, c := range []struct {
		name string
		at   *int
	}{{"Country", &colCountry}, {"Year", &colYear}, {"Country Code", &colCode}} {
		if *c.at, err = find(c.name, false); err != nil {
			return nil, err
		}
	}
	scoreCols := make([]int, len(wjpScores))
	for i, s := range wjpScores {
		if scoreCols[i], err = find(s.header, s.prefix); err != nil {
			return nil, err
		}
	}

	type key struct {
		code string
		year int
	}
	seen := map[key]int{}
	var out []Record
	for i := 1; i < len(rows); i++ {
		row, line := rows[i], i+1
		if xlsxBlank(row) {
			continue
		}
		cell := func(c int) string { return xlsxCell(row, c) }
		name, code, label := cell(colCountry), cell(colCode), cell(colYear)
		for _, f := range []struct {
			col, val string
			at       int
		}{{"Country", name, colCountry}, {"Country Code", code, colCode}, {"Year", label, colYear}} {
			if f.val == "" {
				return nil, &ParseError{File: file, Line: line, Col: f.at + 1, Column: f.col, Err: errors.New("is empty")}
			}
		}
		year, ok := xlsxLabelYear(label)
		if !ok {
			return nil, &ParseError{File: file, Line: line, Col: colYear + 1, Column: "Year", Value: label,
				Err: errors.New("is not an edition (expected e.g. 2014 or 2012-2013)")}
		}
		k := key{code, year}
		if prev, dup := seen[k]; dup {
			return nil, &ParseError{File: file, Line: line, Col: colCode + 1, Column: "Country Code", Value: code,
				Err: fmt.Errorf("second row for edition %s (first on row %d)", label, prev)}
		}
		seen[k] = line
		note := ""
		if label != strconv.Itoa(year) {
			note = "edition " + label
		}
		for j, s := range wjpScores {
			raw := cell(scoreCols[j])
			if raw == "" {
				continue
			}
			v, ok := xlsxNumber(raw)
			if !ok || v < 0 || v > 1 {
				msg := "is not a number"
				if ok {
					msg = "is outside 0–1"
				}
				return nil, &ParseError{File: file, Line: line, Col: scoreCols[j] + 1,
					Column: strings.TrimSpace(header[scoreCols[j]]), Value: raw, Err: errors.New(msg)}
			}
			obs := indicators.NewObservation(s.id, "", year, v)
			obs.Note = note
			out = append(out, Record{Source: "wjp", Code: code, Name: name, Line: line,
				EntityCell: Cell{colCode + 1, "Country Code"}, ValueCell: Cell{scoreCols[j] + 1, strings.TrimSpace(header[scoreCols[j]])}, Obs: obs})
		}
	}
	if len(out) == 0 {
		return nil, &ParseError{File: file, Err: fmt.Errorf("sheet %q has no scores", wjpSheet)}
	}
	return out, nil
}

// xlsxOpen opens a workbook read from r (see xlsx.go). Anything that is
// not a readable xlsx file is an error; a panic of the reader on malformed
// input is turned into an error too. The zip archive is checked first (see
// checkZip), so that a part claiming gigabytes is refused before anything
// is decompressed.
func xlsxOpen(r io.Reader, file string) (wb *xlsxWorkbook, err error) {
	data, err := readAll(r, file)
	if err != nil {
		return nil, err
	}
	if err := checkZip(data, file); err != nil {
		return nil, err
	}
	defer func() {
		if p := recover(); p != nil {
			wb, err = nil, &ParseError{File: file, Err: fmt.Errorf("not a readable xlsx workbook: %v", p)}
		}
	}()
	wb, err = xlsxParse(data)
	if err != nil {
		return nil, &ParseError{File: file, Err: fmt.Errorf("not a readable xlsx workbook: %w", err)}
	}
	return wb, nil
}

const (
	// maxZipPart and maxZipTotal bound the declared uncompressed size of
	// one part of a workbook and of all of them.
	maxZipPart  = MaxFileSize
	maxZipTotal = 1 << 30
	// maxZipRatio is more than deflate can achieve (about 1032:1): a part
	// claiming more is lying about its size.
	maxZipRatio = 1100
)

// checkZip refuses a workbook whose parts claim more than a publisher's
// workbook can hold, before anything is decompressed.
func checkZip(data []byte, file string) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return &ParseError{File: file, Err: fmt.Errorf("not a readable xlsx workbook: %w", err)}
	}
	var total uint64
	for _, f := range zr.File {
		size := f.UncompressedSize64
		total += size
		if size > maxZipPart || total > maxZipTotal || size > 1<<20 && size/maxZipRatio > f.CompressedSize64 {
			return &ParseError{File: file, Err: fmt.Errorf("not a readable xlsx workbook: part %s claims %d bytes from %d compressed: a damaged file or a zip bomb",
				Quote(f.Name), size, f.CompressedSize64)}
		}
	}
	return nil
}

// xlsxSheetRows returns the cells of the sheet whose name, with surrounding
// spaces trimmed, is name (Freedom House ships "Country Ratings, Statuses "
// with a trailing space). Cells are raw: numbers keep the full precision
// stored in the file rather than their displayed format. rows[i] is
// spreadsheet row i+1; trailing empty cells of a row are absent.
func xlsxSheetRows(wb *xlsxWorkbook, file, name string) (rows [][]string, sheet string, err error) {
	defer func() {
		if p := recover(); p != nil {
			rows, err = nil, &ParseError{File: file, Err: fmt.Errorf("sheet %q is not readable: %v", name, p)}
		}
	}()
	found, at := 0, -1
	for i, s := range wb.Sheets() {
		if strings.TrimSpace(s) == name {
			sheet, at = s, i
			found++
		}
	}
	switch {
	case found == 0:
		return nil, "", &ParseError{File: file,
			Err: fmt.Errorf("no sheet %q (sheets: %s)", name, quoteAll(wb.Sheets()))}
	case found > 1:
		return nil, "", &ParseError{File: file, Err: fmt.Errorf("more than one sheet named %q", name)}
	}
	sh, err := wb.sheet(at)
	if err != nil {
		line := 0
		if xe, ok := err.(*xlsxError); ok {
			line = xe.row
		}
		return nil, "", &ParseError{File: file, Line: line, Err: fmt.Errorf("sheet %q: %w", name, err)}
	}
	return sh.rows, sheet, nil
}

// xlsxHeaderRow finds a sheet's header row under its title rows: the first
// of the first ten rows with a cell reading column (spaces trimmed).
func xlsxHeaderRow(rows [][]string, file, sheet, column string) (int, error) {
	for i := 0; i < len(rows) && i < 10; i++ {
		for _, c := range rows[i] {
			if strings.TrimSpace(c) == column {
				return i, nil
			}
		}
	}
	return -1, &ParseError{File: file, Column: column,
		Err: fmt.Errorf("missing column: no header row with it in the first 10 rows of sheet %q", sheet)}
}

// xlsxCell returns the trimmed cell c of row, "" when the row is shorter.
func xlsxCell(row []string, c int) string {
	if c < 0 || c >= len(row) {
		return ""
	}
	return strings.TrimSpace(row[c])
}

// xlsxBlank reports whether every cell of row is empty or spaces.
func xlsxBlank(row []string) bool {
	for _, c := range row {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// xlsxColName is the spreadsheet letter of the 0-based column c.
func xlsxColName(c int) string {
	name, ok := xlsxColumnName(c + 1)
	if !ok {
		return strconv.Itoa(c + 1)
	}
	return name
}

// xlsxNumber parses a raw numeric cell written in decimal ("0.4897809824420753",
// "95", "-3", "1.5E-2"). NaN, infinities, hexadecimal and digit separators
// are refused.
func xlsxNumber(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	for _, c := range s {
		if !(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E') {
			return 0, false
		}
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false
	}
	return v, true
}

// xlsxLabelYear turns an edition label into its year: "2014" is 2014 and a
// two-year label takes the later year: "2012-2013" is 2013, "1983-84" is
// 1984, "1999-2000" is 2000, "2000-01" is 2001. The two years must be
// consecutive.
func xlsxLabelYear(label string) (int, bool) {
	first, rest, two := strings.Cut(strings.TrimSpace(label), "-")
	y1, ok := xlsxYear(first, 4)
	if !ok {
		return 0, false
	}
	if !two {
		return y1, true
	}
	var y2 int
	switch len(rest) {
	case 4:
		if y2, ok = xlsxYear(rest, 4); !ok {
			return 0, false
		}
	case 2:
		yy, ok := xlsxYear(rest, 2)
		if !ok {
			return 0, false
		}
		y2 = y1 - y1%100 + yy
		if y2 <= y1 {
			y2 += 100
		}
	default:
		return 0, false
	}
	if y2 != y1+1 {
		return 0, false
	}
	return y2, true
}

// xlsxYear parses exactly n ASCII digits.
func xlsxYear(s string, n int) (int, bool) {
	if len(s) != n {
		return 0, false
	}
	v := 0
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	if n == 4 && v < 1000 {
		return 0, false
	}
	return v, true
}

// xlsxFirstSheet reads the first sheet of a workbook as records for
// readRecords: blank rows are left out, and the rows after the header (the
// first row whose column A does not start with '#') are padded with empty
// cells to the header's width (a spreadsheet does not store trailing empty
// cells). lines are the spreadsheet rows.
func xlsxFirstSheet(data []byte, file string) (records [][]string, lines []int, err error) {
	wb, err := xlsxOpen(bytes.NewReader(data), file)
	if err != nil {
		return nil, nil, err
	}
	sheets := wb.Sheets()
	if len(sheets) == 0 {
		return nil, nil, &ParseError{File: file, Err: errors.New("workbook has no sheets")}
	}
	rows, _, err := xlsxSheetRows(wb, file, strings.TrimSpace(sheets[0]))
	if err != nil {
		return nil, nil, err
	}
	width := -1
	for i, row := range rows {
		if xlsxBlank(row) {
			continue
		}
		rec := make([]string, len(row))
		for j, c := range row {
			rec[j] = strings.TrimSpace(c)
		}
		if width < 0 && !strings.HasPrefix(xlsxCell(row, 0), "#") {
			for len(rec) > 0 && rec[len(rec)-1] == "" {
				rec = rec[:len(rec)-1]
			}
			width = len(rec)
		} else if width >= 0 {
			for len(rec) > width && rec[len(rec)-1] == "" {
				rec = rec[:len(rec)-1]
			}
			for len(rec) < width {
				rec = append(rec, "")
			}
		}
		records = append(records, rec)
		lines = append(lines, i+1)
	}
	if len(records) == 0 {
		return nil, nil, &ParseError{File: file, Err: fmt.Errorf("sheet %q is empty", sheets[0])}
	}
	return records, lines, nil
}

// quoteAll is names, each quoted, joined by ", ": "Sheet1", "Data".
func quoteAll(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = Quote(n)
	}
	return strings.Join(q, ", ")
}
