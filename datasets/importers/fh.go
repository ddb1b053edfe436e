package importers

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/rankings-dev/rankings/indicators"
)

// fhFIWSheetName matches the data sheet of Freedom House's All_data_FIW
// workbooks: "FIW13-24" in All_data_FIW_2013-2024.xlsx, "FIW13-25" in
// All_data_FIW_2013-2025.xlsx.
var fhFIWSheetName = lazyRegexp(`^FIW13-\d\d$`)

// fhFIWSheet returns the workbook's one data sheet (trimmed name), or "FIW13-25"
// when it has none, for xlsxSheetRows to report as missing.
func fhFIWSheet(sheets []string) string {
	for _, s := range sheets {
		if fhFIWSheetName.MatchString(strings.TrimSpace(s)) {
			return strings.TrimSpace(s)
		}
	}
	return "FIW13-25"
}

// fhFIWRatings are the rating columns of the data sheet: the edition's
// political rights and civil liberties ratings, 1–7 (1 is most free). They
// give the ratings indicators their editions from 2013 on; the ratings
// workbook (ReadFHRatings) has the same figures up to its last edition.
var fhFIWRatings = []struct{ id, column string }{
	{"fh-pr-rating", "PR rating"},
	{"fh-cl-rating", "CL rating"},
}

// fhFIWScore is one score column of the FIW data sheet.
type fhFIWScore struct {
	id       string
	column   string
	min, max float64
}

// fhFIWScores lists the scores in the order their records are returned for
// each row. The political rights score can be negative: the additional
// discretionary question subtracts up to 4 points (the file has PR scores
// down to −3, and totals down to −3).
var fhFIWScores = []fhFIWScore{
	{"fh-fiw", "Total", -4, 100},
	{"fh-pr", "PR", -4, 40},
	{"fh-cl", "CL", 0, 60},
	{"fh-electoral", "A", 0, 12},
}

// fhStatus reports whether s is a Freedom House status.
func fhStatus(s string) bool { return s == "F" || s == "PF" || s == "NF" }

// ReadFHFIW reads the data sheet ("FIW13-24", "FIW13-25": FIW13- and the
// last edition's two digits) of Freedom House's All_data_FIW_2013-2025.xlsx
// (or an earlier All_data_FIW workbook) as shipped. The header row is the
// row, among the first ten, that has a "Country/Territory" cell (row 2 in
// the shipped file, under a title row). Per row and in file order it
// returns the total score (fh-fiw), the political rights (fh-pr) and civil
// liberties (fh-cl) scores and the electoral process subcategory A
// (fh-electoral), then, where the sheet has the columns "PR rating" and
// "CL rating", the edition's ratings (fh-pr-rating, fh-cl-rating, noted
// "edition N, covers N−1"); the year is the Edition and Obs.Status the
// row's status (F, PF or NF).
//
// An empty score cell gives no record. Scores must be whole numbers within
// A 0–12, PR −4–40 and CL 0–60, Total must equal PR + CL, and a rating must
// be a whole number 1–7; anything else is a *ParseError naming the row.
func ReadFHFIW(r io.Reader, file string) ([]Record, error) {
	wb, err := xlsxOpen(r, file)
	if err != nil {
		return nil, err
	}
	sheet := fhFIWSheet(wb.Sheets())
	rows, _, err := xlsxSheetRows(wb, file, sheet)
	if err != nil {
		return nil, err
	}
	hdr, err := xlsxHeaderRow(rows, file, sheet, "Country/Territory")
	if err != nil {
		return nil, err
	}
	header := rows[hdr]
	col := map[string]int{}
	need := []string{"Country/Territory", "C/T", "Edition", "Status"}
	for _, s := range fhFIWScores {
		need = append(need, s.column)
	}
	for _, name := range need {
		col[name] = -1
	}
	for _, r := range fhFIWRatings {
		col[r.column] = -1 // optional: the 2013–2024 workbook has them too, an older one may not
	}
	for i, h := range header {
		h = strings.TrimSpace(h)
		if at, ok := col[h]; ok {
			if at >= 0 {
				return nil, &ParseError{File: file, Line: hdr + 1, Col: i + 1, Column: h,
					Err: fmt.Errorf("duplicate column (columns %s and %s)", xlsxColName(at), xlsxColName(i))}
			}
			col[h] = i
		}
	}
	for _, name := range need {
		if col[name] < 0 {
			return nil, &ParseError{File: file, Line: hdr + 1, Column: name,
				Err: fmt.Errorf("missing column in sheet %q", sheet)}
		}
	}

	type key struct {
		name    string
		edition int
	}
	seen := map[key]int{}
	var out []Record
	for i := hdr + 1; i < len(rows); i++ {
		row, line := rows[i], i+1
		if xlsxBlank(row) {
			continue
		}
		cell := func(name string) string { return xlsxCell(row, col[name]) }
		bad := func(name, msg string) error {
			return &ParseError{File: file, Line: line, Col: col[name] + 1, Column: name, Value: cell(name), Err: errors.New(msg)}
		}
		name := cell("Country/Territory")
		if name == "" {
			return nil, bad("Country/Territory", "is empty")
		}
		if ct := cell("C/T"); ct != "c" && ct != "t" {
			return nil, bad("C/T", "is not c (country) or t (territory)")
		}
		edition, ok := xlsxYear(cell("Edition"), 4)
		if !ok {
			return nil, bad("Edition", "is not an edition year")
		}
		status := cell("Status")
		if !fhStatus(status) {
			return nil, bad("Status", "is not F, PF or NF")
		}
		k := key{name, edition}
		if prev, dup := seen[k]; dup {
			return nil, bad("Country/Territory", fmt.Sprintf("second row for edition %d (first on row %d)", edition, prev))
		}
		seen[k] = line

		vals := map[string]float64{}
		for _, s := range fhFIWScores {
			raw := cell(s.column)
			if raw == "" {
				continue
			}
			v, ok := xlsxNumber(raw)
			switch {
			case !ok || v != math.Trunc(v):
				return nil, bad(s.column, "is not a whole number")
			case v < s.min || v > s.max:
				return nil, bad(s.column, fmt.Sprintf("is outside %s–%s",
					indicators.FormatNumber(s.min), indicators.FormatNumber(s.max)))
			}
			vals[s.column] = v
		}
		total, okT := vals["Total"]
		pr, okP := vals["PR"]
		cl, okC := vals["CL"]
		if okT && okP && okC && total != pr+cl {
			return nil, bad("Total", fmt.Sprintf("is not PR + CL (%s + %s = %s)",
				indicators.FormatNumber(pr), indicators.FormatNumber(cl), indicators.FormatNumber(pr+cl)))
		}
		for _, s := range fhFIWScores {
			v, ok := vals[s.column]
			if !ok {
				continue
			}
			obs := indicators.NewObservation(s.id, "", edition, v)
			obs.Status = status
			out = append(out, Record{Source: "fh-fiw", Name: name, Line: line,
				EntityCell: Cell{col["Country/Territory"] + 1, "Country/Territory"}, ValueCell: Cell{col[s.column] + 1, s.column}, Obs: obs})
		}
		for _, r := range fhFIWRatings {
			if col[r.column] < 0 || cell(r.column) == "" {
				continue
			}
			v, ok := xlsxNumber(cell(r.column))
			if !ok || v != math.Trunc(v) || v < 1 || v > 7 {
				return nil, bad(r.column, "is not a rating 1–7")
			}
			obs := indicators.NewObservation(r.id, "", edition, v)
			obs.Status = status
			obs.Note = fmt.Sprintf("edition %d, covers %d", edition, edition-1)
			out = append(out, Record{Source: "fh-fiw", Name: name, Line: line,
				EntityCell: Cell{col["Country/Territory"] + 1, "Country/Territory"}, ValueCell: Cell{col[r.column] + 1, r.column}, Obs: obs})
		}
	}
	if len(out) == 0 {
		return nil, &ParseError{File: file, Err: fmt.Errorf("sheet %q has no scores", sheet)}
	}
	return out, nil
}

// fhRatingSheets are the sheets of
// Country_and_Territory_Ratings_and_Statuses_FIW_1973-2024.xlsx read by
// ReadFHRatings, by their trimmed names (the first ships with a trailing
// space).
var fhRatingSheets = []string{"Country Ratings, Statuses", "Territory Ratings, Statuses"}

var (
	// fhJanFeb is the label of the Freedom at Issue surveys of 1973–1977.
	fhJanFeb = lazyRegexp(`^Jan\.-Feb\. (\d{4})$`)
	// fhDualRating and fhDualStatus are a split rating, "2(5)" and
	// "F (NF)". See ReadFHRatings.
	fhDualRating = lazyRegexp(`^[1-7] ?\([1-7]\)$`)
	fhDualStatus = lazyRegexp(`^(F|PF|NF) ?\((F|PF|NF)\)$`)
)

// fhEditionYear turns a survey edition label of the ratings workbook into
// its year: "Jan.-Feb. 1973" is 1973, "1978" is 1978, and a two-year label
// takes the later year ("1983-84" is 1984, "1999-2000" is 2000, "2001-02"
// is 2002).
func fhEditionYear(label string) (int, bool) {
	if m := fhJanFeb.FindStringSubmatch(strings.TrimSpace(label)); m != nil {
		return xlsxYear(m[1], 4)
	}
	return xlsxLabelYear(label)
}

// fhEdition is one survey edition of a ratings sheet: three columns PR, CL
// and Status starting at column col.
type fhEdition struct {
	col    int
	label  string
	year   int
	note   string
	header []string // "<label> PR", "<label> CL", "<label> Status" for errors
}

// ReadFHRatings reads Freedom House's
// Country_and_Territory_Ratings_and_Statuses_FIW_1973-2024.xlsx as shipped:
// sheets "Country Ratings, Statuses " and "Territory Ratings, Statuses", in
// workbook order. Each sheet is wide: row 1 has the survey edition labels
// (each over three columns), row 2 the year(s) under review, row 3 PR, CL,
// Status, then one row per country or territory, including historical ones
// (USSR, Yugoslavia, Germany, E., Vietnam, S., ...). Per row, edition and in
// file order it returns the political rights (fh-pr-rating) and civil
// liberties (fh-cl-rating) ratings, 1–7 (1 is most free), with that
// edition's status in Obs.Status and the edition label and the period under
// review in Obs.Note ("edition 1983-84, covers Aug.1982-Nov.1983"). The
// year is the edition's (see fhEditionYear); two labels giving the same
// year are an error.
//
// "-" or an empty cell is no record. Every other cell must be a whole
// rating 1–7 with a status F, PF or NF, or it is a *ParseError, with one
// exception. Across both sheets the only cells that are not a rating, "-"
// or empty are the 1973 edition of South Africa: PR "2(5)", CL "3(6)",
// Status "F (NF)". Freedom House's INDEX sheet explains them: "In the 1973
// edition, South Africa was rated as White(2,3 Free) and Black(5,6 Not
// Free)". That is two ratings for two populations and no rating of the
// country, so such an edition (all three cells split as "n(m)" and
// "S (S)") gives no figure, only two records marked Dropped (with the
// reason, for the generator's list of rows not shipped); a split in only
// some of the three cells is an error. No footnote marks ("7*") occur in the file; they would be errors.
func ReadFHRatings(r io.Reader, file string) ([]Record, error) {
	wb, err := xlsxOpen(r, file)
	if err != nil {
		return nil, err
	}
	// The two sheets, in workbook order.
	var sheets []string
	for _, s := range wb.Sheets() {
		for _, want := range fhRatingSheets {
			if strings.TrimSpace(s) == want {
				sheets = append(sheets, want)
			}
		}
	}
	for _, want := range fhRatingSheets {
		n := 0
		for _, s := range sheets {
			if s == want {
				n++
			}
		}
		if n != 1 {
			// Missing or duplicated: xlsxSheetRows names the problem.
			if _, _, err := xlsxSheetRows(wb, file, want); err != nil {
				return nil, err
			}
		}
	}

	type key struct {
		name, id string
		year     int
	}
	seen := map[key]string{}
	var out []Record
	for _, sh := range sheets {
		rows, sheetName, err := xlsxSheetRows(wb, file, sh)
		if err != nil {
			return nil, err
		}
		eds, err := fhRatingEditions(rows, file, sh)
		if err != nil {
			return nil, err
		}
		covered := map[int]bool{0: true}
		for _, e := range eds {
			covered[e.col], covered[e.col+1], covered[e.col+2] = true, true, true
		}
		for i := 3; i < len(rows); i++ {
			row, line := rows[i], i+1
			if xlsxBlank(row) {
				continue
			}
			where := func(c int) string { return fmt.Sprintf("sheet %q cell %s%d", sheetName, xlsxColName(c), line) }
			name := xlsxCell(row, 0)
			if name == "" {
				return nil, &ParseError{File: file, Line: line, Col: 1, Column: "A",
					Err: fmt.Errorf("%s: no country or territory name", where(0))}
			}
			for c := range row {
				if !covered[c] && xlsxCell(row, c) != "" {
					return nil, &ParseError{File: file, Line: line, Col: c + 1, Column: xlsxColName(c), Value: xlsxCell(row, c),
						Err: fmt.Errorf("%s: value outside any survey edition's columns", where(c))}
				}
			}
			for _, e := range eds {
				pr, cl, st := xlsxCell(row, e.col), xlsxCell(row, e.col+1), xlsxCell(row, e.col+2)
				vals := [3]string{pr, cl, st}
				bad := func(k int, msg string) error {
					return &ParseError{File: file, Line: line, Col: e.col + k + 1, Column: e.header[k], Value: vals[k],
						Err: fmt.Errorf("%s: %s", where(e.col+k), msg)}
				}
				// South Africa 1973: separate ratings of the white and the
				// black population, no country rating (see above).
				dual := [3]bool{fhDualRating.MatchString(pr), fhDualRating.MatchString(cl), fhDualStatus.MatchString(st)}
				if dual[0] && dual[1] && dual[2] {
					reason := fmt.Sprintf("split rating PR %s, CL %s, status %s in edition %s: Freedom House rated two populations separately and gave the country no rating of its own", pr, cl, st, e.label)
					for k, id := range []string{"fh-pr-rating", "fh-cl-rating"} {
						out = append(out, Record{Source: "fh-ratings", Name: name, Line: line, EntityCell: Cell{1, "A"},
							ValueCell: Cell{e.col + k + 1, e.header[k]}, Obs: indicators.NewObservation(id, "", e.year, math.NaN()), Dropped: reason})
					}
					continue
				}
				none := func(s string) bool { return s == "" || s == "-" }
				if none(pr) && none(cl) {
					if !none(st) {
						return nil, bad(2, "status without ratings")
					}
					continue
				}
				if !fhStatus(st) {
					return nil, bad(2, "is not F, PF or NF")
				}
				for k, id := range []string{"fh-pr-rating", "fh-cl-rating"} {
					if none(vals[k]) {
						continue
					}
					if len(vals[k]) != 1 || vals[k][0] < '1' || vals[k][0] > '7' {
						return nil, bad(k, "is not a rating 1–7")
					}
					v := int(vals[k][0] - '0')
					kk := key{name, id, e.year}
					if prev, dup := seen[kk]; dup {
						return nil, bad(k, fmt.Sprintf("second %s rating of %s for %d (first at %s)", id, name, e.year, prev))
					}
					seen[kk] = where(e.col + k)
					obs := indicators.NewObservation(id, "", e.year, float64(v))
					obs.Status = st
					obs.Note = e.note
					out = append(out, Record{Source: "fh-ratings", Name: name, Line: line,
						EntityCell: Cell{1, "A"}, ValueCell: Cell{e.col + k + 1, e.header[k]}, Obs: obs})
				}
			}
		}
	}
	if len(out) == 0 {
		return nil, &ParseError{File: file, Err: errors.New("no ratings")}
	}
	return out, nil
}

// fhRatingEditions reads the three header rows of a ratings sheet.
func fhRatingEditions(rows [][]string, file, sheet string) ([]fhEdition, error) {
	if len(rows) < 3 {
		return nil, &ParseError{File: file, Err: fmt.Errorf("sheet %q: fewer than the 3 header rows", sheet)}
	}
	labels, covers, sub := rows[0], rows[1], rows[2]
	width := max(len(labels), len(covers), len(sub))
	hdrErr := func(line, c int, msg string) error {
		return &ParseError{File: file, Line: line, Col: c + 1, Column: xlsxColName(c), Value: xlsxCell(rows[line-1], c),
			Err: fmt.Errorf("sheet %q: %s", sheet, msg)}
	}
	var eds []fhEdition
	used := map[int]string{}
	for c := 1; c < width; c += 3 {
		label := xlsxCell(labels, c)
		if label == "" {
			return nil, hdrErr(1, c, "no survey edition label")
		}
		for k, want := range []string{"PR", "CL", "Status"} {
			if got := xlsxCell(sub, c+k); got != want {
				return nil, hdrErr(3, c+k, fmt.Sprintf("expected %q under edition %s", want, label))
			}
			if k > 0 && xlsxCell(labels, c+k) != "" {
				return nil, hdrErr(1, c+k, fmt.Sprintf("unexpected label inside edition %s", label))
			}
			if k > 0 && xlsxCell(covers, c+k) != "" {
				return nil, hdrErr(2, c+k, fmt.Sprintf("unexpected period inside edition %s", label))
			}
		}
		year, ok := fhEditionYear(label)
		if !ok {
			return nil, hdrErr(1, c, "is not a survey edition (expected e.g. Jan.-Feb. 1973, 1978, 1983-84 or 2003)")
		}
		if prev, dup := used[year]; dup {
			return nil, hdrErr(1, c, fmt.Sprintf("edition year %d is also the year of edition %s", year, prev))
		}
		used[year] = label
		note := "edition " + label
		if err := CheckText(xlsxCell(covers, c)); err != nil {
			return nil, hdrErr(2, c, "period under review "+err.Error())
		}
		if cov := xlsxCell(covers, c); cov != "" {
			note += ", covers " + cov
		}
		eds = append(eds, fhEdition{col: c, label: label, year: year, note: note,
			header: []string{label + " PR", label + " CL", label + " Status"}})
	}
	if len(eds) == 0 {
		return nil, &ParseError{File: file, Line: 1, Err: fmt.Errorf("sheet %q: no survey editions", sheet)}
	}
	return eds, nil
}
