package importers

import (
	"fmt"
	"io"
	"strings"

	"github.com/rankings-dev/rankings/indicators"
)

// LongColumns is the header of the project's long format: one row per
// indicator, country and year. See datasets/FORMAT.md.
var LongColumns = []string{"indicator", "iso3", "year", "value", "rank", "rank_of",
	"stderr", "lower", "upper", "pct", "pct_lower", "pct_upper", "status", "note"}

type longRow struct {
	Indicator string `csv:"indicator"`
	ISO3      string `csv:"iso3"`
	Year      Int    `csv:"year"`
	Value     Num    `csv:"value"`
	Rank      Int    `csv:"rank"`
	RankOf    Int    `csv:"rank_of"`
	StdErr    Num    `csv:"stderr"`
	Lower     Num    `csv:"lower"`
	Upper     Num    `csv:"upper"`
	Pct       Num    `csv:"pct"`
	PctLower  Num    `csv:"pct_lower"`
	PctUpper  Num    `csv:"pct_upper"`
	Status    string `csv:"status"`
	Note      string `csv:"note"`
}

// ReadLong reads a file in the project's long format. Every column of
// LongColumns must be present; empty cells are missing values. A row must
// have an indicator, a country code, a year and a value; a rank needs its
// rank_of and must not exceed it.
func ReadLong(r io.Reader, file string) ([]indicators.Observation, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, &ParseError{File: file, Err: err}
	}
	var rows []longRow
	lines, err := readTable(data, table{file: file, comma: ',', required: LongColumns}, &rows)
	if err != nil {
		return nil, err
	}
	out := make([]indicators.Observation, len(rows))
	for i, row := range rows {
		bad := func(col, val, format string, args ...any) error {
			return &ParseError{File: file, Line: lines[i], Column: col, Value: val, Err: fmt.Errorf(format, args...)}
		}
		switch {
		case strings.TrimSpace(row.Indicator) == "":
			return nil, bad("indicator", "", "is empty")
		case strings.TrimSpace(row.ISO3) == "":
			return nil, bad("iso3", "", "is empty")
		case !row.Year.OK:
			return nil, bad("year", "", "is empty")
		case !row.Value.OK:
			return nil, bad("value", "", "is empty")
		case row.Rank.OK != row.RankOf.OK:
			return nil, bad("rank_of", "", "rank and rank_of must both be given or both be empty")
		case row.Rank.OK && (row.Rank.V < 1 || row.Rank.V > row.RankOf.V):
			return nil, bad("rank", fmt.Sprint(row.Rank.V), "is outside 1–%d (rank_of)", row.RankOf.V)
		}
		out[i] = indicators.Observation{
			Indicator: strings.TrimSpace(row.Indicator), ISO3: strings.TrimSpace(row.ISO3), Year: row.Year.V,
			Value: row.Value.V, Rank: row.Rank.V, RankOf: row.RankOf.V,
			StdErr: row.StdErr.Value(), Lower: row.Lower.Value(), Upper: row.Upper.Value(),
			Pct: row.Pct.Value(), PctLower: row.PctLower.Value(), PctUpper: row.PctUpper.Value(),
			Status: row.Status, Note: row.Note,
		}
	}
	return out, nil
}

// LongRecord renders an observation as a row of the long format.
func LongRecord(o indicators.Observation) []string {
	num := indicators.FormatNumber
	intOrEmpty := func(v int) string {
		if v == 0 {
			return ""
		}
		return fmt.Sprint(v)
	}
	return []string{o.Indicator, o.ISO3, fmt.Sprint(o.Year), num(o.Value), intOrEmpty(o.Rank), intOrEmpty(o.RankOf),
		num(o.StdErr), num(o.Lower), num(o.Upper), num(o.Pct), num(o.PctLower), num(o.PctUpper), o.Status, o.Note}
}
