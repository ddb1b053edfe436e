package importers

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
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
	Country   string `csv:"country"`
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

// ReadLong reads a file in the project's long format as the generator
// writes it (the embedded data and the data directory's imports). Every
// column of LongColumns must be present; empty cells are missing values. A
// row must have an indicator, a country code, a year and a value; a rank
// needs its rank_of and must not exceed it.
func ReadLong(r io.Reader, file string) ([]indicators.Observation, error) {
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
		if err := checkLongRow(ti, i, row, ""); err != nil {
			return nil, err
		}
		out[i] = row.observation(strings.TrimSpace(row.Indicator), strings.TrimSpace(row.ISO3))
	}
	return out, nil
}

// checkLongRow checks one row; indicator is the default indicator of a file
// without an indicator column.
func checkLongRow(ti *tableInfo, i int, row longRow, indicator string) error {
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

func (row longRow) observation(indicator, iso3 string) indicators.Observation {
	return indicators.Observation{
		Indicator: indicator, ISO3: iso3, Year: row.Year.V,
		Value: row.Value.V, Rank: row.Rank.V, RankOf: row.RankOf.V,
		StdErr: row.StdErr.Value(), Lower: row.Lower.Value(), Upper: row.Upper.Value(),
		Pct: row.Pct.Value(), PctLower: row.PctLower.Value(), PctUpper: row.PctUpper.Value(),
		Status: strings.TrimSpace(row.Status), Note: strings.TrimSpace(row.Note),
	}
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

// IndicatorMeta is the metadata of an indicator a user's long file defines
// (see datasets/FORMAT.md, "Importing your own data").
type IndicatorMeta struct {
	ID        string   `json:"id"`
	Name      string   `json:"name"`
	Unit      string   `json:"unit,omitempty"`
	Min       *float64 `json:"min,omitempty"` // nil: unbounded below
	Max       *float64 `json:"max,omitempty"` // nil: unbounded above
	Direction string   `json:"direction"`     // "higher" or "lower" is better
	Year      string   `json:"year"`          // "data" or "edition"
	Ranks     string   `json:"ranks"`         // "computed", "published" or "none"
	Decimals  int      `json:"decimals"`
	Source    string   `json:"source,omitempty"`
	Notes     string   `json:"notes,omitempty"`
	Line      int      `json:"-"` // line of its "# indicator:" header
}

// Indicator turns the metadata into the domain's Indicator, with one
// methodology segment starting in year from.
func (m IndicatorMeta) Indicator(from int) indicators.Indicator {
	sc := indicators.Scale{Min: math.Inf(-1), Max: math.Inf(1)}
	if m.Min != nil {
		sc.Min = *m.Min
	}
	if m.Max != nil {
		sc.Max = *m.Max
	}
	dir := indicators.HigherIsBetter
	if m.Direction == "lower" {
		dir = indicators.LowerIsBetter
	}
	year := indicators.DataYear
	note := "Data year: the year the figures describe."
	if m.Year == "edition" {
		year, note = indicators.EditionYear, "Edition year: the year the edition was published."
	}
	ranks := indicators.RankSource("")
	switch m.Ranks {
	case "computed":
		ranks = indicators.RanksComputed
	case "published":
		ranks = indicators.RanksPublished
	}
	unit := m.Unit
	if unit == "" {
		unit = "value"
	}
	notes := "Imported by the user."
	if m.Source != "" {
		notes += " Source: " + m.Source + "."
	}
	if m.Notes != "" {
		notes += " " + m.Notes
	}
	return indicators.Indicator{
		ID: m.ID, Name: m.Name, Source: "import", Unit: unit,
		Segments: []indicators.Segment{{From: from, Scale: sc, Direction: dir}},
		Year:     year, YearNote: note, Ranks: ranks, Decimals: m.Decimals, Notes: notes,
	}
}

// LongFile is a user's file in the long format: the metadata of the
// indicators it defines and its figures. Records have Source "long"; Code is
// the iso3 cell and Name the country cell (either may be empty).
type LongFile struct {
	Indicators []IndicatorMeta
	Records    []Record
	// Ranked lists the indicators for which the file gives ranks.
	Ranked map[string]bool
	// IndicatorCell is the indicator column (Col 0 when the file has none
	// and its one metadata block names the indicator).
	IndicatorCell Cell
}

// IndicatorID is the form of an indicator id: lower-case letters, digits and
// hyphens, starting with a letter.
var IndicatorID = regexp.MustCompile(`^[a-z][a-z0-9-]{0,39}$`)

// LongFileColumns are the columns a user's long file may have: those of
// LongColumns, and country (a name or code the registry resolves) which may
// stand in for iso3.
var LongFileColumns = append(append([]string(nil), LongColumns...), "country")

// ReadLongFile reads a user's file in the long format, as CSV (separated by
// ',', ';' or tab, decimal commas allowed when not comma-separated, any of
// Decode's encodings) or as an .xlsx workbook (its first sheet). Lines at
// the top starting with '#' are metadata ("# key: value") describing new
// indicators; see datasets/FORMAT.md. Only year, value and iso3 or country
// are required columns; indicator may be left out when the header defines
// exactly one indicator.
func ReadLongFile(r io.Reader, file string) (*LongFile, error) {
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
		recs, recLines, err := splitCSV(text, comma, file)
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
		if err := checkLongRow(ti, i, row, def); err != nil {
			return nil, err
		}
		id := strings.TrimSpace(row.Indicator)
		if id == "" {
			id = def
		}
		if !IndicatorID.MatchString(id) {
			return nil, ti.errAt(i, "indicator", "is not an indicator id (lower-case letters, digits and hyphens)")
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

// splitCSV splits decoded text into records with their physical lines.
func splitCSV(text []byte, comma rune, file string) ([][]string, []int, error) {
	cr := newCSVReader(text, comma)
	lr := &lineReader{r: cr}
	if err := lr.readAll(); err != nil {
		return nil, nil, csvError(file, text, comma, err)
	}
	return lr.records, lr.lines, nil
}

// metaKeys are the keys of a metadata block, in the order FORMAT.md lists
// them.
var metaKeys = []string{"indicator", "name", "unit", "scale", "direction", "year", "ranks", "decimals", "source", "notes"}

// parseMeta reads the metadata lines ("# key: value"); each "indicator"
// key starts the block of a new indicator.
func parseMeta(rows [][]string, lines []int, file string) ([]IndicatorMeta, error) {
	var out []IndicatorMeta
	var seen map[string]bool
	var seenKeys []map[string]bool
	for k, row := range rows {
		line := strings.Join(row, ",")
		bad := func(format string, args ...any) error {
			return &ParseError{File: file, Line: lines[k], Col: 1, Err: fmt.Errorf(format, args...)}
		}
		text := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "#"))
		text = strings.TrimRight(text, ",;\t ")
		if text == "" {
			continue
		}
		key, value, ok := strings.Cut(text, ":")
		key, value = strings.ToLower(strings.TrimSpace(key)), strings.TrimSpace(value)
		if !ok || !contains(metaKeys, key) {
			return nil, bad("metadata line %s is not \"# key: value\" with a key among %s", Quote(text), strings.Join(metaKeys, ", "))
		}
		if key == "indicator" {
			if !IndicatorID.MatchString(value) {
				return nil, bad("indicator id %s is not lower-case letters, digits and hyphens, starting with a letter", Quote(value))
			}
			for _, m := range out {
				if m.ID == value {
					return nil, bad("indicator %q is described twice (first on line %d)", value, m.Line)
				}
			}
			out = append(out, IndicatorMeta{ID: value, Direction: "", Ranks: "computed", Decimals: 2, Line: lines[k]})
			seen = map[string]bool{}
			seenKeys = append(seenKeys, seen)
			continue
		}
		if len(out) == 0 {
			return nil, bad("metadata key %q before the \"# indicator: id\" line that starts a block", key)
		}
		if seen[key] {
			return nil, bad("metadata key %q given twice for indicator %q", key, out[len(out)-1].ID)
		}
		seen[key] = true
		m := &out[len(out)-1]
		switch key {
		case "name", "unit", "source", "notes":
			if err := CheckText(value); err != nil {
				return nil, bad("%s %s %v", key, Quote(value), err)
			}
			switch key {
			case "name":
				m.Name = value
			case "unit":
				m.Unit = value
			case "source":
				m.Source = value
			case "notes":
				m.Notes = value
			}
		case "scale":
			lo, hi, err := parseScale(value)
			if err != nil {
				return nil, bad("scale %s %v", Quote(value), err)
			}
			m.Min, m.Max = lo, hi
		case "direction":
			switch strings.ToLower(value) {
			case "higher", "higher is better":
				m.Direction = "higher"
			case "lower", "lower is better":
				m.Direction = "lower"
			default:
				return nil, bad("direction %s is not higher or lower (which end of the scale is better)", Quote(value))
			}
		case "year":
			switch strings.ToLower(value) {
			case "data", "edition":
				m.Year = strings.ToLower(value)
			default:
				return nil, bad("year %s is not data (the year the figures describe) or edition (the year of publication)", Quote(value))
			}
		case "ranks":
			switch strings.ToLower(value) {
			case "computed", "published", "none":
				m.Ranks = strings.ToLower(value)
			default:
				return nil, bad("ranks %s is not computed, published or none", Quote(value))
			}
		case "decimals":
			d, err := strconv.Atoi(value)
			if err != nil || d < 0 || d > 6 {
				return nil, bad("decimals %s is not a whole number 0–6", Quote(value))
			}
			m.Decimals = d
		}
	}
	for i, m := range out {
		var missing []string
		if m.Name == "" {
			missing = append(missing, "name")
		}
		if !seenKeys[i]["scale"] {
			missing = append(missing, "scale")
		}
		if m.Direction == "" {
			missing = append(missing, "direction")
		}
		if m.Year == "" {
			missing = append(missing, "year")
		}
		if len(missing) > 0 {
			return nil, &ParseError{File: file, Line: m.Line, Col: 1,
				Err: fmt.Errorf("indicator %q: metadata %s missing (name, scale, direction and year are required)", m.ID, strings.Join(missing, ", "))}
		}
	}
	return out, nil
}

// parseScale reads "0 10", "0–10", "0 to 10", "-2.5 2.5" or "unbounded".
func parseScale(s string) (lo, hi *float64, err error) {
	t := strings.ToLower(strings.TrimSpace(s))
	if t == "unbounded" {
		return nil, nil, nil
	}
	t = strings.ReplaceAll(t, " to ", " ")
	t = strings.ReplaceAll(t, "–", " ")
	t = strings.ReplaceAll(t, "..", " ")
	parts := strings.Fields(t)
	if len(parts) != 2 {
		return nil, nil, errors.New("is not \"min max\" (e.g. 0 10) or unbounded")
	}
	var vs [2]float64
	for i, p := range parts {
		var n Num
		if n.parse(p, true) != nil || !n.OK {
			return nil, nil, fmt.Errorf("is not \"min max\": %q is not a number", p)
		}
		vs[i] = n.V
	}
	if vs[0] >= vs[1] {
		return nil, nil, errors.New("is not \"min max\" with min below max")
	}
	return &vs[0], &vs[1], nil
}
