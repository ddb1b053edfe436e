package importers

import (
	"bytes"
	"errors"
	"io"
	"strings"

	"github.com/rankings-dev/rankings/indicators"
)

// The long-format readers as they were before the streaming scanner
// (gocsv over materialised records): the oracle the differential tests
// and FuzzLongMatchesReference compare ReadLong and ReadLongFile with.

func refReadLong(r io.Reader, file string) ([]indicators.Observation, error) {
	data, err := readAll(r, file)
	if err != nil {
		return nil, err
	}
	var rows []longRow
	ti, err := readTable(data, table{file: file, comma: ',', required: LongColumns, known: LongColumns}, &rows)
	if err != nil {
		return nil, err
	}
	out := make([]indicators.Observation, len(rows))
	for i, row := range rows {
		if err := refCheckLongRow(ti, i, row, ""); err != nil {
			return nil, err
		}
		out[i] = row.observation(strings.TrimSpace(row.Indicator), strings.TrimSpace(row.ISO3))
	}
	return out, nil
}

// refCheckLongRow is checkLongRow over a tableInfo.
func refCheckLongRow(ti *tableInfo, i int, row longRow, indicator string) error {
	bad := func(col, format string, args ...any) error { return ti.errAt(i, col, format, args...) }
	switch {
	case strings.TrimSpace(row.Indicator) == "" && indicator == "":
		return bad("indicator", "is empty")
	case strings.TrimSpace(row.ISO3) == "" && strings.TrimSpace(row.Country) == "":
		if ti.has("iso3") {
			return bad("iso3", "is empty")
		}
		return bad("country", "is empty")
	case !row.Year.OK:
		return bad("year", "is empty")
	case row.Year.V < 1800 || row.Year.V > 2200:
		return bad("year", "is not a year")
	case !row.Value.OK:
		return bad("value", "is empty")
	case row.Rank.OK != row.RankOf.OK:
		return bad("rank_of", "rank and rank_of must both be given or both be empty")
	case row.RankOf.OK && row.RankOf.V < 1:
		return bad("rank_of", "is not a positive number of entities")
	case row.Rank.OK && (row.Rank.V < 1 || row.Rank.V > row.RankOf.V):
		return bad("rank", "is outside 1–%d (rank_of)", row.RankOf.V)
	case row.StdErr.OK && row.StdErr.V < 0:
		return bad("stderr", "is negative")
	case row.Lower.OK != row.Upper.OK:
		return bad("upper", "lower and upper must both be given or both be empty")
	case row.Lower.OK && !(row.Lower.V <= row.Value.V && row.Value.V <= row.Upper.V):
		return bad("value", "is outside its bounds %s–%s", indicators.FormatNumber(row.Lower.V), indicators.FormatNumber(row.Upper.V))
	case row.Pct.OK && (row.Pct.V < 0 || row.Pct.V > 100):
		return bad("pct", "is outside 0–100")
	}
	for _, c := range []struct{ col, v string }{{"status", row.Status}, {"note", row.Note}} {
		if err := CheckText(c.v); err != nil {
			return bad(c.col, "%v", err)
		}
	}
	return nil
}

func refReadLongFile(r io.Reader, file string) (*LongFile, error) {
	data, err := readAll(r, file)
	if err != nil {
		return nil, err
	}
	var records [][]string
	var lines []int
	comma := ','
	if bytes.HasPrefix(data, zipMagic) {
		comma = 0 // a spreadsheet: no separator; text cells may use decimal commas
		records, lines, err = xlsxFirstSheet(data, file)
		if err != nil {
			return nil, err
		}
	} else {
		text, _, err := Decode(data)
		if err != nil {
			var pe *ParseError
			if errors.As(err, &pe) {
				pe.File = file
				return nil, pe
			}
			return nil, &ParseError{File: file, Err: err}
		}
		// Metadata lines become blank lines, which the CSV reader skips:
		// line numbers stay the file's own.
		var meta [][]string
		var metaLines []int
		ls := bytes.SplitAfter(text, []byte{'\n'})
		for n, l := range ls {
			t := bytes.TrimSpace(l)
			if len(t) == 0 {
				continue
			}
			if t[0] != '#' {
				break
			}
			meta = append(meta, []string{string(t)})
			metaLines = append(metaLines, n+1)
			ls[n] = []byte{'\n'}
		}
		text = bytes.Join(ls, nil)
		var skip int
		comma, skip = SniffDelimiter(text, ',')
		recs, recLines, err := refSplitCSV(text, comma, file)
		if err != nil {
			return nil, err
		}
		if skip > 0 && len(recs) > 0 {
			recs, recLines = recs[1:], recLines[1:]
		}
		records, lines = append(meta, recs...), append(metaLines, recLines...)
	}
	lf := &LongFile{Ranked: map[string]bool{}}
	// Metadata rows: column A starts with '#'.
	n := 0
	for n < len(records) && len(records[n]) > 0 && strings.HasPrefix(strings.TrimSpace(records[n][0]), "#") {
		n++
	}
	if lf.Indicators, err = parseMeta(records[:n], lines[:n], file); err != nil {
		return nil, err
	}
	records, lines = records[n:], lines[n:]
	var rows []longRow
	ti, err := readRecords(records, lines, comma, table{file: file, comma: ',', known: LongFileColumns,
		required: []string{"year", "value"}}, &rows)
	if err != nil {
		return nil, err
	}
	hdrLine := lines[0]
	if !ti.has("iso3") && !ti.has("country") {
		return nil, &ParseError{File: file, Line: hdrLine, Err: errors.New(`missing column "iso3" or "country": every row needs its country`)}
	}
	def := ""
	if ti.has("indicator") {
		lf.IndicatorCell = ti.cell("indicator")
	} else {
		if len(lf.Indicators) != 1 {
			return nil, &ParseError{File: file, Line: hdrLine,
				Err: errors.New(`missing column "indicator" (it may be left out only when the metadata header defines exactly one indicator)`)}
		}
		def = lf.Indicators[0].ID
	}
	for i, row := range rows {
		if err := refCheckLongRow(ti, i, row, def); err != nil {
			return nil, err
		}
		id := strings.TrimSpace(row.Indicator)
		if id == "" {
			id = def
		}
		if !IndicatorID.MatchString(id) {
			return nil, ti.errAt(i, "indicator", "is not an indicator id (lower-case letters, digits and hyphens)")
		}
		if err := statusError(id, strings.TrimSpace(row.Status)); err != nil {
			return nil, ti.errAt(i, "status", "%v", err)
		}
		if row.Rank.OK {
			lf.Ranked[id] = true
		}
		entity := ti.cell("iso3")
		if strings.TrimSpace(row.ISO3) == "" {
			entity = ti.cell("country")
		}
		lf.Records = append(lf.Records, Record{Source: "long", Code: strings.TrimSpace(row.ISO3), Name: strings.TrimSpace(row.Country),
			Line: ti.lines[i], EntityCell: entity, ValueCell: ti.cell("value"), Obs: row.observation(id, "")})
	}
	if len(lf.Records) == 0 {
		return nil, &ParseError{File: file, Line: hdrLine, Err: errors.New("no rows after the header")}
	}
	return lf, nil
}

// refSplitCSV splits decoded text into records with their physical lines.
func refSplitCSV(text []byte, comma rune, file string) ([][]string, []int, error) {
	cr := newCSVReader(text, comma)
	lr := &lineReader{r: cr}
	if err := lr.readAll(); err != nil {
		return nil, nil, csvError(file, text, comma, err)
	}
	return lr.records, lr.lines, nil
}
