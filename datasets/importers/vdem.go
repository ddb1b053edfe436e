package importers

import (
	"io"
	"strings"

	"github.com/rankings-dev/rankings/indicators"
)

type vdemRow struct {
	Name      string `csv:"country_name"`
	Code      string `csv:"country_text_id"`
	Year      Int    `csv:"year"`
	Polyarchy Num    `csv:"v2x_polyarchy"`
	LibDem    Num    `csv:"v2x_libdem"`
	Rule      Num    `csv:"v2x_rule"`
	FreFair   Num    `csv:"v2xel_frefair"`
	AltInf    Num    `csv:"v2xme_altinf"`
	CivLib    Num    `csv:"v2x_civlib"`
	Corr      Num    `csv:"v2x_corr"`
	ElFrFair  Num    `csv:"v2elfrfair"`
	ElecParl  Num    `csv:"v2xel_elecparl"`
	ElecPres  Num    `csv:"v2xel_elecpres"`
	Type0     Num    `csv:"v2eltype_0"`
	Type1     Num    `csv:"v2eltype_1"`
	Type4     Num    `csv:"v2eltype_4"`
	Type5     Num    `csv:"v2eltype_5"`
	Type6     Num    `csv:"v2eltype_6"`
	Type7     Num    `csv:"v2eltype_7"`
}

// electionYear reports whether a national election was held in the row's
// year: V-Dem carries v2el* variables forward between elections, so only
// these years carry a real v2elfrfair figure.
func (r vdemRow) electionYear() bool {
	for _, f := range []Num{r.ElecParl, r.ElecPres, r.Type0, r.Type1, r.Type4, r.Type5, r.Type6, r.Type7} {
		if f.OK && f.V == 1 {
			return true
		}
	}
	return false
}

// ReadVDem reads the V-Dem v14 country-year subset CSV (empty = missing).
// Indices on 0–1 scales are checked against their range; v2elfrfair is kept
// only in election years.
func ReadVDem(r io.Reader, file string) ([]Record, error) {
	data, err := readAll(r, file)
	if err != nil {
		return nil, err
	}
	var rows []vdemRow
	ti, err := readTable(data, table{file: file, comma: ',', required: []string{
		"country_name", "country_text_id", "year", "v2x_polyarchy", "v2x_libdem", "v2x_rule", "v2xel_frefair",
		"v2xme_altinf", "v2x_civlib", "v2x_corr", "v2elfrfair", "v2xel_elecparl", "v2xel_elecpres",
		"v2eltype_0", "v2eltype_1", "v2eltype_4", "v2eltype_5", "v2eltype_6", "v2eltype_7"}}, &rows)
	if err != nil {
		return nil, err
	}
	var out []Record
	for i, row := range rows {
		if !row.Year.OK || row.Year.V < 1789 || row.Year.V > 2100 {
			return nil, ti.errAt(i, "year", "is not a year")
		}
		if strings.TrimSpace(row.Code) == "" && strings.TrimSpace(row.Name) == "" {
			return nil, ti.errAt(i, "country_text_id", "is empty, and so is country_name")
		}
		add := func(id, column string, n Num, unit bool) error {
			if !n.OK {
				return nil
			}
			if unit && (n.V < 0 || n.V > 1) {
				return ti.errAt(i, column, "is outside 0–1")
			}
			out = append(out, Record{Source: "vdem", Code: strings.TrimSpace(row.Code), Name: strings.TrimSpace(row.Name),
				Line: ti.lines[i], EntityCell: ti.cell("country_text_id"), ValueCell: ti.cell(column),
				Obs: indicators.NewObservation(id, "", row.Year.V, n.V)})
			return nil
		}
		for _, f := range []struct {
			id, col string
			n       Num
		}{
			{"vdem-polyarchy", "v2x_polyarchy", row.Polyarchy},
			{"vdem-libdem", "v2x_libdem", row.LibDem},
			{"vdem-rule", "v2x_rule", row.Rule},
			{"vdem-frefair", "v2xel_frefair", row.FreFair},
			{"vdem-altinf", "v2xme_altinf", row.AltInf},
			{"vdem-civlib", "v2x_civlib", row.CivLib},
			{"vdem-corr", "v2x_corr", row.Corr},
		} {
			if err := add(f.id, f.col, f.n, true); err != nil {
				return nil, err
			}
		}
		if row.electionYear() {
			if err := add("vdem-elfrfair", "v2elfrfair", row.ElFrFair, false); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}
