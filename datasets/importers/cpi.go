package importers

import (
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"

	"github.com/rankings-dev/rankings/indicators"
)

// cpiSheetName matches the timeseries sheet of Transparency International's
// CPI results workbook: "CPI Timeseries 2012 - 2025" in CPI2025_Results.xlsx.
var cpiSheetName = lazyRegexp(`^CPI Timeseries 2012 - \d{4}$`)

// cpiColumn matches the per-year columns of the timeseries sheet. TI writes
// "CPI score 2025" but "CPI Score 2013", so the match ignores case.
var cpiColumn = lazyRegexp(`(?i)^(CPI score|Rank|Standard error|Sources) (\d{4})$`)

// CPIComputedRankNote is the note of a CPI rank that rankings computed: the
// timeseries gives no rank for the years before 2017.
const CPIComputedRankNote = "rank computed by rankings from the scores in TI's timeseries (it gives no rank for this year); it can differ by a place from the rank TI published, as the timeseries lacks some countries TI ranked"

// cpiYear is the columns of one year of the timeseries sheet (-1 when the
// sheet has no such column).
type cpiYear struct {
	year                  int
	score, rank, stderr   int
	scoreHdr, rankHdr, se string
}

// ReadCPI reads the sheet "CPI Timeseries 2012 - YYYY" of Transparency
// International's Corruption Perceptions Index results workbook
// (CPI2025_Results.xlsx) as shipped: title rows, then a header row (among
// the first ten) with "Country / Territory", "ISO3", and per year "CPI
// score YYYY", "Rank YYYY" (2017 on only), "Sources YYYY" and "Standard
// error YYYY". Per row and year with a score it returns indicator ti-cpi:
// the score (a whole number 0–100, higher is cleaner) with its standard
// error in Obs.StdErr, TI's rank where the sheet has one, and rank_of the
// number of countries and territories the sheet scores that year.
//
// For years without a rank column the rank is computed over the sheet's
// scores that year (higher first, ties sharing the lowest rank, as TI's
// ranks do) and the observation says so in its note (CPIComputedRankNote).
// A score outside 0–100, a rank outside 1–rank_of, a rank without a score
// or a standard error that is not a positive number is a *ParseError.
func ReadCPI(r io.Reader, file string) ([]Record, error) {
	wb, err := xlsxOpen(r, file)
	if err != nil {
		return nil, err
	}
	sheet := "CPI Timeseries 2012 - 2025"
	for _, s := range wb.Sheets() {
		if cpiSheetName.MatchString(strings.TrimSpace(s)) {
			sheet = strings.TrimSpace(s)
			break
		}
	}
	rows, _, err := xlsxSheetRows(wb, file, sheet)
	if err != nil {
		return nil, err
	}
	hdr, err := xlsxHeaderRow(rows, file, sheet, "Country / Territory")
	if err != nil {
		return nil, err
	}
	header := rows[hdr]
	colName, colISO := -1, -1
	years := map[int]*cpiYear{}
	for i, h := range header {
		h = strings.TrimSpace(h)
		dup := func() error {
			return &ParseError{File: file, Line: hdr + 1, Col: i + 1, Column: h, Err: errors.New("duplicate column")}
		}
		switch h {
		case "Country / Territory":
			if colName >= 0 {
				return nil, dup()
			}
			colName = i
			continue
		case "ISO3":
			if colISO >= 0 {
				return nil, dup()
			}
			colISO = i
			continue
		}
		m := cpiColumn.FindStringSubmatch(h)
		if m == nil {
			continue
		}
		y, _ := xlsxYear(m[2], 4)
		cy := years[y]
		if cy == nil {
			cy = &cpiYear{year: y, score: -1, rank: -1, stderr: -1}
			years[y] = cy
		}
		var at *int
		switch strings.ToLower(m[1]) {
		case "cpi score":
			at, cy.scoreHdr = &cy.score, h
		case "rank":
			at, cy.rankHdr = &cy.rank, h
		case "standard error":
			at, cy.se = &cy.stderr, h
		default:
			continue // the number of sources: not shipped
		}
		if *at >= 0 {
			return nil, dup()
		}
		*at = i
	}
	if colISO < 0 {
		return nil, &ParseError{File: file, Line: hdr + 1, Column: "ISO3", Err: fmt.Errorf("missing column in sheet %q", sheet)}
	}
	var ys []*cpiYear
	for _, cy := range years {
		if cy.score < 0 {
			return nil, &ParseError{File: file, Line: hdr + 1, Column: fmt.Sprintf("CPI score %d", cy.year),
				Err: fmt.Errorf("missing column in sheet %q (the sheet has other columns of %d)", sheet, cy.year)}
		}
		ys = append(ys, cy)
	}
	if len(ys) == 0 {
		return nil, &ParseError{File: file, Line: hdr + 1, Column: "CPI score YYYY", Err: fmt.Errorf("no score columns in sheet %q", sheet)}
	}
	sort.Slice(ys, func(i, j int) bool { return ys[i].year > ys[j].year })

	var out []Record
	seen := map[string]int{}
	byYear := map[int][]int{} // year → indices into out
	for i := hdr + 1; i < len(rows); i++ {
		row, line := rows[i], i+1
		if xlsxBlank(row) {
			continue
		}
		cell := func(c int) string { return xlsxCell(row, c) }
		bad := func(c int, column, msg string) error {
			return &ParseError{File: file, Line: line, Col: c + 1, Column: column, Value: cell(c), Err: errors.New(msg)}
		}
		code, name := cell(colISO), cell(colName)
		if code == "" {
			return nil, bad(colISO, "ISO3", "is empty")
		}
		if prev, dup := seen[code]; dup {
			return nil, bad(colISO, "ISO3", fmt.Sprintf("second row for this code (first on row %d)", prev))
		}
		seen[code] = line
		for _, cy := range ys {
			raw := cell(cy.score)
			if raw == "" {
				if cy.rank >= 0 && cell(cy.rank) != "" {
					return nil, bad(cy.rank, cy.rankHdr, fmt.Sprintf("is a rank without a score in column %q", cy.scoreHdr))
				}
				continue
			}
			v, ok := xlsxNumber(raw)
			if !ok || v < 0 || v > 100 {
				return nil, bad(cy.score, cy.scoreHdr, "is not a score 0–100")
			}
			o := indicators.NewObservation("ti-cpi", "", cy.year, v)
			if cy.stderr >= 0 && cell(cy.stderr) != "" {
				se, ok := xlsxNumber(cell(cy.stderr))
				if !ok || se <= 0 {
					return nil, bad(cy.stderr, cy.se, "is not a positive standard error")
				}
				o.StdErr = se
			}
			if cy.rank >= 0 && cell(cy.rank) != "" {
				rk, ok := xlsxNumber(cell(cy.rank))
				if !ok || rk != math.Trunc(rk) || rk < 1 {
					return nil, bad(cy.rank, cy.rankHdr, "is not a rank")
				}
				o.Rank = int(rk)
			}
			byYear[cy.year] = append(byYear[cy.year], len(out))
			out = append(out, Record{Source: "cpi", Code: code, Name: name, Line: line,
				EntityCell: Cell{colISO + 1, "ISO3"}, ValueCell: Cell{cy.score + 1, cy.scoreHdr}, Obs: o})
		}
	}
	if len(out) == 0 {
		return nil, &ParseError{File: file, Err: fmt.Errorf("sheet %q has no scores", sheet)}
	}
	for _, cy := range ys {
		idx := byYear[cy.year]
		n := len(idx)
		if cy.rank < 0 {
			values := make([]float64, n)
			for k, i := range idx {
				values[k] = out[i].Obs.Value
			}
			for k, rk := range indicators.CompetitionRanks(values, indicators.HigherIsBetter) {
				out[idx[k]].Obs.Rank = rk
				out[idx[k]].Obs.Note = CPIComputedRankNote
			}
		}
		for _, i := range idx {
			o := &out[i].Obs
			if o.Rank == 0 {
				return nil, &ParseError{File: file, Line: out[i].Line, Col: cy.rank + 1, Column: cy.rankHdr, Err: errors.New("is empty, but the row has a score")}
			}
			if o.Rank > n {
				return nil, &ParseError{File: file, Line: out[i].Line, Col: cy.rank + 1, Column: cy.rankHdr, Value: fmt.Sprint(o.Rank),
					Err: fmt.Errorf("is outside 1–%d (the number of countries and territories scored)", n)}
			}
			o.RankOf = n
		}
	}
	return out, nil
}
