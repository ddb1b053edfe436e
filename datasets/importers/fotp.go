package importers

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/rankings-dev/rankings/indicators"
)

type fotpRow struct {
	Country   string `csv:"country"`
	Collected Int    `csv:"year.collected"`
	Reported  Int    `csv:"year.reported"`
	A         Num    `csv:"a"`
	B         Num    `csv:"b"`
	C         Num    `csv:"c"`
	Score     Num    `csv:"score"`
	Status    string `csv:"status"`
}

// ReadFOTP reads the tidy Freedom of the Press CSV (CR line endings, "NA"
// for missing). The year is the edition (year.reported); the score is
// 0–100 with lower meaning freer. A row of zeros with status "0" is a
// placeholder for a country not rated: it gives a record marked Dropped
// (no figure), which the generator lists among the rows it does not ship. Where the legal (a), political (b) and
// economic (c) parts do not add up to the score, the score is kept with a
// note.
func ReadFOTP(r io.Reader, file string) ([]Record, error) {
	data, err := readAll(r, file)
	if err != nil {
		return nil, err
	}
	var rows []fotpRow
	ti, err := readTable(data, table{file: file, comma: ',',
		required: []string{"country", "year.collected", "year.reported", "a", "b", "c", "score", "status"}}, &rows)
	if err != nil {
		return nil, err
	}
	var out []Record
	for i, row := range rows {
		if !row.Reported.OK || !row.Collected.OK || row.Reported.V != row.Collected.V+1 {
			return nil, ti.errAt(i, "year.reported", "must be year.collected + 1")
		}
		if !row.Score.OK {
			continue
		}
		if strings.TrimSpace(row.Status) == "0" && row.Score.V == 0 {
			// Kosovo's 2009 row is all zeros with status "0": a placeholder
			// for "not rated" (a score of 0 would be the freest press on
			// earth), so it is treated as missing, and listed as dropped.
			out = append(out, Record{Source: "fh-fotp", Name: strings.TrimSpace(row.Country), Line: ti.lines[i],
				EntityCell: ti.cell("country"), ValueCell: ti.cell("score"), Obs: indicators.NewObservation("fh-fotp", "", row.Reported.V, math.NaN()),
				Dropped: `a placeholder row, not a rating: every score is 0 and the status is "0" (a real score of 0 would be the freest press in the world)`})
			continue
		}
		if row.Score.V < 0 || row.Score.V > 100 {
			return nil, ti.errAt(i, "score", "is outside 0–100")
		}
		status := strings.TrimSpace(row.Status)
		switch status {
		case "F", "PF", "NF":
		default:
			return nil, ti.errAt(i, "status", "is not F, PF or NF")
		}
		if strings.TrimSpace(row.Country) == "" {
			return nil, ti.errAt(i, "country", "is empty")
		}
		o := indicators.NewObservation("fh-fotp", "", row.Reported.V, row.Score.V)
		o.Status = status
		if sum := row.A.V + row.B.V + row.C.V; row.A.OK && row.B.OK && row.C.OK && sum != row.Score.V {
			// The 2012 rows of the two Congos have each other's parts; the
			// total is right, so it is kept and the discrepancy noted.
			o.Note = fmt.Sprintf("the source's parts a+b+c add up to %s, not to the score", indicators.FormatNumber(sum))
		}
		out = append(out, Record{Source: "fh-fotp", Name: strings.TrimSpace(row.Country), Line: ti.lines[i],
			EntityCell: ti.cell("country"), ValueCell: ti.cell("score"), Obs: o})
	}
	return out, nil
}
