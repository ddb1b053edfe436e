package importers

import (
	"io"
	"strconv"
	"strings"

	"github.com/rankings-dev/rankings/indicators"
)

type wgiRow struct {
	Key       string `csv:"codeindyr"` // code + indicator + year, "KAZrl2023"
	Code      string `csv:"code"`
	Name      string `csv:"countryname"`
	Year      Int    `csv:"year"`
	Indicator string `csv:"indicator"`
	Estimate  Num    `csv:"estimate"`
	StdDev    Num    `csv:"stddev"`
	PctRank   Num    `csv:"pctrank"`
	PctLower  Num    `csv:"pctranklower"`
	PctUpper  Num    `csv:"pctrankupper"`
}

var wgiIndicators = map[string]bool{"va": true, "pv": true, "ge": true, "rq": true, "rl": true, "cc": true}

// ReadWGI reads the World Bank's long-format Worldwide Governance Indicators
// CSV (one row per economy, year and indicator; ".." is missing). Each
// estimate keeps its standard error and its percentile rank with the 90%
// bounds. Rows without an estimate are not figures and are skipped. A
// row's key, codeindyr, must be its code, indicator and year ("KAZrl2023"):
// one that says otherwise was edited or shifted.
func ReadWGI(r io.Reader, file string) ([]Record, error) {
	data, err := readAll(r, file)
	if err != nil {
		return nil, err
	}
	var rows []wgiRow
	ti, err := readTable(data, table{file: file, comma: ',',
		required: []string{"code", "countryname", "year", "indicator", "estimate", "stddev", "pctrank", "pctranklower", "pctrankupper"}}, &rows)
	if err != nil {
		return nil, err
	}
	var out []Record
	for i, row := range rows {
		ind := strings.TrimSpace(row.Indicator)
		if !wgiIndicators[ind] {
			return nil, ti.errAt(i, "indicator", "is not one of va, pv, ge, rq, rl, cc")
		}
		if !row.Year.OK || row.Year.V < 1996 || row.Year.V > 2100 {
			return nil, ti.errAt(i, "year", "is not a year from 1996 on")
		}
		if key := strings.TrimSpace(row.Key); key != "" {
			if want := strings.TrimSpace(row.Code) + ind + strconv.Itoa(row.Year.V); key != want {
				return nil, ti.errAt(i, "codeindyr", "contradicts the row's code, indicator and year, which make %q: correct the row or its key", want)
			}
		}
		if !row.Estimate.OK {
			if row.PctRank.OK || row.StdDev.OK {
				return nil, ti.errAt(i, "estimate", "is missing but the row has other figures")
			}
			continue
		}
		if row.PctRank.OK && (row.PctRank.V < 0 || row.PctRank.V > 100) {
			return nil, ti.errAt(i, "pctrank", "is outside 0–100")
		}
		if row.PctLower.OK && row.PctUpper.OK && row.PctRank.OK &&
			!(row.PctLower.V <= row.PctRank.V && row.PctRank.V <= row.PctUpper.V) {
			return nil, ti.errAt(i, "pctrank", "is outside its bounds %s–%s", indicators.FormatNumber(row.PctLower.V), indicators.FormatNumber(row.PctUpper.V))
		}
		if row.StdDev.OK && row.StdDev.V < 0 {
			return nil, ti.errAt(i, "stddev", "is negative")
		}
		o := indicators.NewObservation("wgi-"+ind, "", row.Year.V, row.Estimate.V)
		o.StdErr, o.Pct = row.StdDev.Value(), row.PctRank.Value()
		o.PctLower, o.PctUpper = row.PctLower.Value(), row.PctUpper.Value()
		out = append(out, Record{Source: "wgi", Code: strings.TrimSpace(row.Code), Name: strings.TrimSpace(row.Name), Line: ti.lines[i],
			EntityCell: ti.cell("code"), ValueCell: ti.cell("estimate"), Obs: o})
	}
	return out, nil
}
