package importers

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

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
	s := newLongScanner(file, false)
	s.out = make([]indicators.Observation, 0, lineCount(data))
	if err := s.scan(data); err != nil {
		return nil, err
	}
	return slices.Clip(s.out), nil
}

// newLongScanner starts a scan of a long file: a user's (ReadLongFile) or
// one the generator wrote (ReadLong).
func newLongScanner(file string, userFile bool) *longScanner {
	s := &longScanner{file: file, comma: ',', userFile: userFile, known: LongColumns, required: LongColumns,
		ids: map[string]string{}, strs: map[string]string{}}
	if userFile {
		s.known, s.required = LongFileColumns, []string{"year", "value"}
		s.lf = &LongFile{Ranked: map[string]bool{}}
	}
	return s
}

// lineCount is about how many lines data has: enough room for its rows.
func lineCount(data []byte) int {
	return max(bytes.Count(data, []byte{'\n'}), bytes.Count(data, []byte{'\r'})) + 1
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
		return strconv.Itoa(v)
	}
	return []string{o.Indicator, o.ISO3, strconv.Itoa(o.Year), num(o.Value), intOrEmpty(o.Rank), intOrEmpty(o.RankOf),
		num(o.StdErr), num(o.Lower), num(o.Upper), num(o.Pct), num(o.PctLower), num(o.PctUpper), o.Status, o.Note}
}

// AppendLongRecord appends an observation's row of the long format to
// dst, with its line end: the bytes encoding/csv's Writer writes for
// LongRecord(o), without the 14 strings.
func AppendLongRecord(dst []byte, o indicators.Observation) []byte {
	dst = AppendCSVField(dst, o.Indicator)
	dst = AppendCSVField(append(dst, ','), o.ISO3)
	dst = strconv.AppendInt(append(dst, ','), int64(o.Year), 10)
	dst = appendNumber(append(dst, ','), o.Value)
	for _, v := range [2]int{o.Rank, o.RankOf} {
		dst = append(dst, ',')
		if v != 0 {
			dst = strconv.AppendInt(dst, int64(v), 10)
		}
	}
	for _, v := range [6]float64{o.StdErr, o.Lower, o.Upper, o.Pct, o.PctLower, o.PctUpper} {
		dst = appendNumber(append(dst, ','), v)
	}
	dst = AppendCSVField(append(dst, ','), o.Status)
	dst = AppendCSVField(append(dst, ','), o.Note)
	return append(dst, '\n')
}

// appendNumber appends indicators.FormatNumber(v), which never needs
// quotes.
func appendNumber(dst []byte, v float64) []byte {
	switch {
	case math.IsNaN(v):
		return dst
	case math.IsInf(v, 0):
		return append(dst, indicators.FormatNumber(v)...)
	}
	return strconv.AppendFloat(dst, v, 'f', -1, 64)
}

// AppendCSVField appends one field of a comma-separated record as
// encoding/csv's Writer writes it: quoted when it holds a comma, a quote
// or a line end, starts with a space or is \., its quotes doubled.
func AppendCSVField(dst []byte, field string) []byte {
	if !csvNeedsQuotes(field) {
		return append(dst, field...)
	}
	dst = append(dst, '"')
	for i := 0; i < len(field); i++ {
		if field[i] == '"' {
			dst = append(dst, '"')
		}
		dst = append(dst, field[i])
	}
	return append(dst, '"')
}

// csvNeedsQuotes is encoding/csv's Writer.fieldNeedsQuotes for ','.
func csvNeedsQuotes(field string) bool {
	if field == "" {
		return false
	}
	if field == `\.` {
		return true
	}
	for i := 0; i < len(field); i++ {
		if c := field[i]; c == ',' || c == '"' || c == '\r' || c == '\n' {
			return true
		}
	}
	r, _ := utf8.DecodeRuneInString(field)
	return unicode.IsSpace(r)
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
	// Warnings are about the file as a whole, to be shown: the formula
	// cells of a workbook.
	Warnings []string
}

// IndicatorID is the form of an indicator id: lower-case letters, digits and
// hyphens, starting with a letter.
var IndicatorID = lazyRegexp(`^[a-z][a-z0-9-]{0,39}$`)

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
	var recs []Record
	lf, err := ScanLongFile(data, file, nil, func(r *Record) {
		rec := *r
		rec.Code, rec.Name = strings.Clone(r.Code), strings.Clone(r.Name)
		recs = append(recs, rec)
	})
	if err != nil {
		return nil, err
	}
	lf.Records = recs
	return lf, nil
}

// ScanLongFile reads a user's long file, data, exactly as ReadLongFile
// does, but hands each row to row as it is read instead of collecting the
// records, so that a large file costs no more memory than the caller keeps
// of it. start, when not nil, is called once with the file's metadata and
// header (the LongFile without Records) before the first row.
//
// The *Record passed to row is reused for the next row: copy what must be
// kept. Its indicator id, status and note are interned; its Code and Name
// may be the bytes of data itself, to clone if they are kept (and data
// must not change during the scan). Rows come only while the file has
// shown no error; an error found later (a malformed row at the end of the file
// counts, as with ReadLongFile) is still returned, and then nothing that
// row received may be used.
func ScanLongFile(data []byte, file string, start func(*LongFile), row func(*Record)) (*LongFile, error) {
	s := newLongScanner(file, true)
	s.start, s.emit = start, row
	if err := s.scan(data); err != nil {
		return nil, err
	}
	return s.lf, nil
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
